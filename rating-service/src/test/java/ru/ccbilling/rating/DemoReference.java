package ru.ccbilling.rating;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ru.ccbilling.account.Account;
import ru.ccbilling.reference.PrefixTable;
import ru.ccbilling.rules.CompiledTariff;
import ru.ccbilling.rules.ShippedTariff;
import ru.ccbilling.rules.TariffCompiler;
import ru.ccbilling.tariff.TariffVersionRef;
import ru.ccbilling.tariff.TariffVersions;

/** The demo data of the tariff sheet (sections 1, 3 and 7.1) in memory, and an engine over it: no Spring, no database. */
final class DemoReference {

    private DemoReference() { }

    static RatingEngine engine() {
        CompiledTariff compiled = new TariffCompiler().compile(ShippedTariff.models());
        TariffVersionRef version = new TariffVersionRef(ShippedTariff.CODE, 1,
                OffsetDateTime.parse("2026-01-01T00:00:00+03:00"), compiled);
        TariffVersions versions = new TariffVersions() {
            @Override
            public Optional<TariffVersionRef> inForce(String code, java.time.Instant at) {
                return code.equals(ShippedTariff.CODE) && !at.isBefore(version.effectiveFrom().toInstant())
                        ? Optional.of(version) : Optional.empty();
            }

            @Override
            public Optional<TariffVersionRef> version(String code, int number) {
                return number == 1 ? Optional.of(version) : Optional.empty();
            }
        };
        RatingReference reference = reference();
        return new RatingEngine(() -> reference, versions, number -> Optional.empty());
    }

    static RatingReference reference() {
        LocalDate from = LocalDate.of(2026, 1, 1);
        var tariff = Set.of(new Account.TariffAssignment(ShippedTariff.CODE, from, null));
        Map<String, Account> accounts = Map.of(
                "ACC-1001", new Account("ACC-1001", "ООО «Ромашка»", tariff, Set.of(
                        new Account.DedicatedOperator("OP-101", from, null),
                        new Account.DedicatedOperator("OP-201", from, null))),
                "ACC-1002", new Account("ACC-1002", "АО «Вектор»", tariff, Set.of()));
        Set<LocalDate> holidays = new HashSet<>();
        for (String day : new String[] {"01-01", "01-02", "01-05", "01-06", "01-07", "01-08", "01-09", "02-23", "03-09",
                "05-01", "05-11", "06-12", "11-04", "12-31"}) {
            holidays.add(LocalDate.parse("2026-" + day));
        }
        return new RatingReference(accounts, Map.of("78005553535", "ACC-1001", "78001002030", "ACC-1002"),
                Map.of("OP-101", "MSK", "OP-102", "MSK", "OP-201", "NSK", "OP-202", "NSK", "OP-301", "REMOTE"),
                Set.of("TRUNK-A", "TRUNK-B"),
                new PrefixTable(Map.of("7495", "MOSCOW_FIXED", "7499", "MOSCOW_FIXED", "79", "RU_MOBILE",
                        "7", "RU_INTERCITY", "375", "BELARUS", "1", "NORTH_AMERICA")),
                new PrefixTable(Map.of("79", "MOBILE", "7495", "LOCAL", "7499", "LOCAL", "7", "INTERCITY")),
                holidays, new HeldNumbers.Builder()
                        .add("74951230000", new HeldNumbers.Holding("ACC-1002", from, null))
                        .add("74951230001", new HeldNumbers.Holding("ACC-1001", from, null))
                        .add("78005553535", new HeldNumbers.Holding("ACC-1001", LocalDate.of(2025, 12, 1), null))
                        .add("78001002030", new HeldNumbers.Holding("ACC-1002", LocalDate.of(2025, 12, 1), null))
                        .build());
    }
}
