package ru.ccbilling.demo;

import java.time.LocalDate;
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
        credentials.saveApiKey("demo", "demo-api-key", Role.API_CLIENT);

        for (String[] op : new String[][] {{"OP-101", "MSK"}, {"OP-102", "MSK"}, {"OP-201", "NSK"}, {"OP-202", "NSK"},
                {"OP-301", "REMOTE"}}) {
            reference.putOperator(new ReferenceData.Operator(op[0], op[1], null));
        }
        reference.putTrunk(new ReferenceData.Trunk("TRUNK-A", "Основной транк"));
        reference.putTrunk(new ReferenceData.Trunk("TRUNK-B", "Резервный транк"));

        var tariff = Set.of(new Account.TariffAssignment("CC-STANDARD-2026", TARIFF_START, null));
        accounts.open(new Account("ACC-1001", "ООО «Ромашка»", tariff, Set.of(
                new Account.DedicatedOperator("OP-101", TARIFF_START, null),
                new Account.DedicatedOperator("OP-201", TARIFF_START, null))));
        accounts.open(new Account("ACC-1002", "АО «Вектор»", tariff, Set.of()));

        number("78005553535", "BUSY", "ACC-1001", "2025-12-01");
        number("78001002030", "BUSY", "ACC-1002", "2025-12-01");
        number("78009990000", "FREE", null, "2025-12-01");
        number("78007770000", "QUARANTINE", null, "2026-10-01");
        log.info("Demo data is in place: accounts ACC-1001 and ACC-1002, users manager/sales/finance/admin, API key demo-api-key");
    }

    private void number(String number, String status, String account, String since) {
        jdbc.update("""
                insert into network_resource (resource, kind, status, account_code, status_since)
                values (?, 'NUMBER', ?, ?, ?) on conflict (resource) do nothing
                """, number, status, account, LocalDate.parse(since));
    }
}
