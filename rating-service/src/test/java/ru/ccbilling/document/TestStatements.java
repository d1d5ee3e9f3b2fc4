package ru.ccbilling.document;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.ccbilling.testing.SampleStatements;

/**
 * Billing as the documents see it, until the billing module implements {@link StatementSource}: closed months
 * 2026-03 and 2026-04 for the demo accounts, ACC-1003 (a client without KPP), and generated accounts
 * ACC-20001.. (as many as {@link #generated} says); 2026-05 is open. ACC-3001 belongs to a second legal entity
 * (CCB-SPB) and has February closed. Corrections can be added by tests.
 */
public class TestStatements implements StatementSource {

    static final YearMonth MARCH = YearMonth.of(2026, 3);
    static final YearMonth APRIL = YearMonth.of(2026, 4);
    static final YearMonth MAY = YearMonth.of(2026, 5);
    static final YearMonth FEBRUARY = YearMonth.of(2026, 2);

    /** generated accounts closed per month */
    final Map<YearMonth, Integer> generated = new ConcurrentHashMap<>(Map.of(MARCH, 40, APRIL, 30));
    final Map<String, List<Correction>> corrections = new ConcurrentHashMap<>();
    /** the months ACC-3001 (seller CCB-SPB) has closed */
    final Set<YearMonth> spbMonths = ConcurrentHashMap.newKeySet();
    /** whether the statements of CCB-SPB come without its bank details (a seller's missing requisites) */
    volatile boolean spbWithoutBank;

    TestStatements() {
        spbMonths.add(FEBRUARY);
    }

    /** the test implementation as the application's only StatementSource, and the second seller it uses */
    @TestConfiguration
    public static class Config {
        @Bean
        @org.springframework.context.annotation.Primary
        TestStatements statementSource(JdbcTemplate jdbc) {
            jdbc.update("""
                insert into seller (code, name, inn, kpp, address, head, chief_accountant, bank_name, bik,
                    correspondent_account, settlement_account) values ('CCB-SPB', 'ООО «Контакт-Центр Северо-Запад»',
                    '7842123456', '784201001', '191186, г. Санкт-Петербург, Невский пр., д. 28', 'Орлов Игорь Сергеевич',
                    'Белова Анна Игоревна', 'ПАО «Банк Санкт-Петербург»', '044030790', '30101810900000000790',
                    '40702810190000004321') on conflict do nothing
                    """);
            return new TestStatements();
        }
    }

    @Override
    public Optional<Statement> statement(String account, YearMonth month) {
        if (!isClosed(account, month)) {
            return Optional.empty();
        }
        return Optional.of(switch (account) {
            case "ACC-1001" -> SampleStatements.romashka(month);
            case "ACC-1002" -> SampleStatements.vector(month);
            case "ACC-1003" -> withoutKpp(SampleStatements.romashka(month));
            case "ACC-3001" -> spb(SampleStatements.generated(3001, month), spbWithoutBank);
            default -> SampleStatements.generated(Integer.parseInt(account.substring(5)), month);
        });
    }

    @Override
    public List<String> closedAccounts(YearMonth month) {
        List<String> out = new ArrayList<>();
        if (month.equals(MARCH) || month.equals(APRIL)) {
            out.addAll(List.of("ACC-1001", "ACC-1002", "ACC-1003"));
        }
        if (spbMonths.contains(month)) {
            out.add("ACC-3001");
        }
        for (int n = 1; n <= generated.getOrDefault(month, 0); n++) {
            out.add(String.format("ACC-2%05d", n));
        }
        return out;
    }

    @Override
    public boolean isClosed(String account, YearMonth month) {
        return closedAccounts(month).contains(account);
    }

    @Override
    public List<Correction> corrections(String account, YearMonth month) {
        return corrections.getOrDefault(account + "/" + month, List.of());
    }

    void correct(Correction c) {
        corrections.computeIfAbsent(c.account() + "/" + c.month(), k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(c);
    }

    private static Statement withoutKpp(Statement s) {
        Statement.Client c = s.client();
        return new Statement("ACC-1003", s.month(), null, s.seller(), new Statement.Client("ООО «Без КПП»", c.inn(), null,
                c.legalAddress(), c.postalAddress(), c.delivery(), c.email(), c.documents(), null), s.contract(), s.lines());
    }

    private static Statement spb(Statement s, boolean withoutBank) {
        Statement.Seller ccb = SampleStatements.seller();
        Statement.Seller spb = new Statement.Seller("CCB-SPB", "ООО «Контакт-Центр Северо-Запад»", "7842123456", "784201001",
                "191186, г. Санкт-Петербург, Невский пр., д. 28", "Орлов Игорь Сергеевич", "Белова Анна Игоревна",
                withoutBank ? null : new Statement.Bank("ПАО «Банк Санкт-Петербург»", "044030790", "30101810900000000790", "40702810190000004321"),
                ccb.phone());
        return new Statement("ACC-3001", s.month(), null, spb, s.client(), "№ 7/26 от 01.02.2026", s.lines());
    }

    static Set<YearMonth> months() {
        return Set.of(FEBRUARY, MARCH, APRIL);
    }

    static LocalDate lastDay(YearMonth m) {
        return m.atEndOfMonth();
    }
}
