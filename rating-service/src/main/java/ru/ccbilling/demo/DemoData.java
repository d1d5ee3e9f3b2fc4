package ru.ccbilling.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import ru.ccbilling.account.Account;
import ru.ccbilling.account.AccountDirectory;
import ru.ccbilling.account.LegalDetails;
import ru.ccbilling.reference.ReferenceData;
import ru.ccbilling.security.Credentials;
import ru.ccbilling.security.Role;

/**
 * The demo data of the reference tariff (section 1): accounts, numbers, operators, dedicated operators,
 * trunks; and the demo users and API key. Only in the {@code demo} profile; safe to run on every start.
 */
@Component
@Profile("demo")
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final LocalDate TARIFF_START = LocalDate.of(2026, 1, 1);
    /** the demo call centre's switches, which the demo API key stands for; {@code e2e} is the browser test's */
    static final Set<String> DEMO_SOURCES = Set.of("pbx-msk-1", "pbx-msk-2", "pbx-nsk-1", "fs-nsk-1", "e2e");

    /** invented but well-formed details: INN with a valid check digit, KPP of the client's tax office */
    private static final LegalDetails ROMASHKA = new LegalDetails("7705123452", "770501001",
            new LegalDetails.Address("115114", "г. Москва, ул. Летниковская, д. 10, стр. 2, офис 305"),
            new LegalDetails.Address("115114", "г. Москва, ул. Летниковская, д. 10, стр. 2, офис 305"),
            LegalDetails.DeliveryMethod.PORTAL, "buh@romashka.example",
            List.of(new LegalDetails.Contact("Иванова Мария Петровна", "главный бухгалтер", "+7 495 123-45-67",
                    "buh@romashka.example")));
    private static final LegalDetails VEKTOR = new LegalDetails("5406123789", "540601001",
            new LegalDetails.Address("630099", "г. Новосибирск, ул. Советская, д. 18, офис 41"),
            new LegalDetails.Address("630099", "г. Новосибирск, а/я 125"),
            LegalDetails.DeliveryMethod.POST, null,
            List.of(new LegalDetails.Contact("Петров Сергей Николаевич", "финансовый директор", "+7 383 222-33-44",
                    "finance@vektor.example")));

    private final AccountDirectory accounts;
    private final ReferenceData reference;
    private final Credentials credentials;
    private final JdbcTemplate jdbc;

    DemoData(AccountDirectory accounts, ReferenceData reference, Credentials credentials, JdbcTemplate jdbc) {
        this.accounts = accounts;
        this.reference = reference;
        this.credentials = credentials;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    @Transactional
    public void seed() {
        credentials.saveUser("manager", "manager", Role.TARIFF_MANAGER);
        credentials.saveUser("sales", "sales", Role.SALES);
        credentials.saveUser("finance", "finance", Role.FINANCE);
        credentials.saveUser("admin", "admin", Role.ADMIN);
        credentials.saveUser("netops", "netops", Role.NETWORK_OPS);
        credentials.saveApiKey("demo", "demo-api-key", DEMO_SOURCES, Role.API_CLIENT);

        for (String[] op : new String[][] {{"OP-101", "MSK"}, {"OP-102", "MSK"}, {"OP-201", "NSK"}, {"OP-202", "NSK"},
                {"OP-301", "REMOTE"}}) {
            reference.putOperator(new ReferenceData.Operator(op[0], op[1], null));
        }
        reference.putTrunk(new ReferenceData.Trunk("TRUNK-A", "Основной транк"));
        reference.putTrunk(new ReferenceData.Trunk("TRUNK-B", "Резервный транк"));

        var tariff = Set.of(new Account.TariffAssignment("CC-STANDARD-2026", TARIFF_START, null));
        accounts.open(new Account("ACC-1001", "ООО «Ромашка»", tariff, Set.of(
                new Account.DedicatedOperator("OP-101", TARIFF_START, null),
                new Account.DedicatedOperator("OP-201", TARIFF_START, null))), ROMASHKA);
        accounts.open(new Account("ACC-1002", "АО «Вектор»", tariff, Set.of()), VEKTOR);
        // databases seeded before the accounts had legal details get them too
        legalDetailsIfMissing("ACC-1001", "ООО «Ромашка»", ROMASHKA);
        legalDetailsIfMissing("ACC-1002", "АО «Вектор»", VEKTOR);

        pools();
        // the numbers of the tariff sheet (sections 1 and 7.1): Busy ones are held by their accounts
        number("78005553535", "TOLL_FREE_800", "800-MSK", "BUSY", "ACC-1001", "2025-12-01");
        number("78001002030", "TOLL_FREE_800", "800-MSK", "BUSY", "ACC-1002", "2025-12-01");
        held("78005553535", "ACC-1001", "2025-12-01");
        held("78001002030", "ACC-1002", "2025-12-01");
        number("78009990000", "TOLL_FREE_800", "800-MSK", "FREE", null, "2025-12-01");
        // released 2026-10-01: in Quarantine for the kind's 90 days
        number("78007770000", "TOLL_FREE_800", "800-MSK", "QUARANTINE", null, "2026-10-01");
        jdbc.update("update network_resource set quarantine_until = date '2026-10-01' + 90"
                + " where resource = '78007770000' and quarantine_until is null");
        // virtual-office numbers (tariff sheet 7.1): multichannel, rented by their channels
        number("74951230000", "VIRTUAL_OFFICE", "GEO-MSK", "BUSY", "ACC-1002", "2026-01-01");
        number("74951230001", "VIRTUAL_OFFICE", "GEO-MSK", "BUSY", "ACC-1001", "2026-01-01");
        heldAsVirtualOffice("74951230000", "ACC-1002", 3, "2026-01-01");
        heldAsVirtualOffice("74951230001", "ACC-1001", 2, "2026-01-01");
        number("73833120000", "VIRTUAL_OFFICE", "GEO-NSK", "FREE", null, "2026-01-01");
        jdbc.update("""
                update network_resource r set held_from = a.valid_from from account_number a
                 where a.number = r.resource and a.account_code = r.account_code and r.status = 'BUSY'
                   and r.held_from is null""");
        for (int i = 1; i <= 40; i++) {
            number(String.format("MSK-L%03d", i), "LINE", "LINES-MSK", "FREE", null, "2026-01-01");
        }
        for (int i = 1; i <= 12; i++) {
            number(String.format("NSK-L%03d", i), "LINE", "LINES-NSK", "FREE", null, "2026-01-01");
        }
        for (int i = 1; i <= 8; i++) {
            number("GW-MSK-1-P" + i, "PORT", "PORTS-TRUNK-A", "FREE", null, "2026-01-01");
        }
        // the clients' own people in the portal: Romashka's administrator and Vektor's user
        credentials.saveClientUser("romashka", "romashka", "ACC-1001", "portal@romashka.example", Role.CLIENT_ADMIN);
        credentials.saveClientUser("vector", "vector", "ACC-1002", "portal@vektor.example", Role.CLIENT);
        log.info("Demo data is in place: accounts ACC-1001 and ACC-1002, users manager/sales/finance/admin/netops, client users romashka/vector, API key demo-api-key");
    }

    private void legalDetailsIfMissing(String code, String client, LegalDetails details) {
        if (accounts.legalDetails(code).map(LegalDetails::inn).isEmpty()) {
            accounts.updateClient(code, client, details);
        }
    }

    /** the account holds the number from that day (number rental is prorated by these days) */
    private void held(String number, String account, String since) {
        jdbc.update("insert into account_number (account_code, number, valid_from) values (?, ?, ?) on conflict do nothing",
                account, number, LocalDate.parse(since));
    }

    /** the account holds the virtual-office number with this many channels from that day */
    private void heldAsVirtualOffice(String number, String account, int channels, String since) {
        jdbc.update("""
                insert into account_number (account_code, number, valid_from, kind, channels)
                values (?, ?, ?, 'VIRTUAL_OFFICE', ?) on conflict do nothing
                """, account, number, LocalDate.parse(since), channels);
    }

    private void number(String number, String kind, String pool, String status, String account, String since) {
        jdbc.update("""
                insert into network_resource (resource, kind, pool_code, status, account_code, status_since,
                                              quarantine_until)
                values (?, ?, ?, ?, ?, ?, case when ? = 'QUARANTINE' then cast(? as date) + 90 end)
                on conflict (resource) do update set pool_code = coalesce(network_resource.pool_code, excluded.pool_code)
                """, number, kind, pool, status, account, LocalDate.parse(since), status, LocalDate.parse(since));
    }

    /** pools of numbers, lines and ports, with their low-water marks */
    private void pools() {
        for (String[] p : new String[][] {
                {"800-MSK", "8-800 Москва", "TOLL_FREE_800", "MSK", null, null, "2"},
                {"GEO-MSK", "Городские номера Москвы (виртуальный офис)", "VIRTUAL_OFFICE", "MSK", null, null, "1"},
                {"GEO-NSK", "Городские номера Новосибирска", "VIRTUAL_OFFICE", "NSK", null, null, "1"},
                {"LINES-MSK", "Линии площадки Москва", "LINE", "MSK", null, null, "10"},
                {"LINES-NSK", "Линии площадки Новосибирск", "LINE", "NSK", null, null, "20"},
                {"PORTS-TRUNK-A", "Порты шлюза GW-MSK-1 (TRUNK-A)", "PORT", "MSK", "TRUNK-A", null, "2"}}) {
            jdbc.update("""
                    insert into resource_pool (code, name, kind, site, trunk, category, low_water_mark)
                    values (?, ?, ?, ?, ?, ?, ?) on conflict (code) do nothing
                    """, p[0], p[1], p[2], p[3], p[4], p[5], Integer.parseInt(p[6]));
        }
    }
}
