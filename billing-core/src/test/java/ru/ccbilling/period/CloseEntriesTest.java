package ru.ccbilling.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ru.ccbilling.account.Account;
import ru.ccbilling.account.Holdings;
import ru.ccbilling.account.NumberAssignment;
import ru.ccbilling.ledger.EntryKind;
import ru.ccbilling.ledger.NewEntry;
import ru.ccbilling.money.Money;

/** The arithmetic of a month's close (tariff sheet, section 4), on hand-made holdings and usage. */
class CloseEntriesTest {

    private static final CloseEntries.Partner PARTNER = new CloseEntries.Partner("ПАО «ТелеСеть»", new BigDecimal("0.35"));

    /** CC-STANDARD-2026's monthly terms, or a second version from a day on with other fees */
    private record Terms(String tariff, int version, String rental, String seat) implements MonthlyTerms {
        @Override
        public Optional<Money> monthlyFee(String fee) {
            return Optional.of(Money.of(fee.equals(NUMBER_RENTAL) ? rental : seat));
        }

        @Override
        public BigDecimal volumeCoefficient(BigDecimal minutes) {
            return minutes.compareTo(BigDecimal.valueOf(10_000)) <= 0 ? BigDecimal.ONE
                    : minutes.compareTo(BigDecimal.valueOf(50_000)) <= 0 ? new BigDecimal("0.95") : new BigDecimal("0.90");
        }
    }

    private static final Terms V1 = new Terms("CC", 1, "1500.00", "65000.00");
    private static final Terms V2 = new Terms("CC", 2, "1800.00", "65000.00");

    private static TariffTerms from(LocalDate v2From) {
        return new TariffTerms() {
            @Override
            public Optional<MonthlyTerms> inForce(String tariff, LocalDate day) {
                return Optional.of(v2From != null && !day.isBefore(v2From) ? V2 : V1);
            }

            @Override
            public Optional<MonthlyTerms> version(String tariff, int version) {
                return Optional.of(version == 2 ? V2 : V1);
            }
        };
    }

    private static Holdings holdings(Set<Account.TariffAssignment> tariffs, Set<Account.DedicatedOperator> operators,
                                     NumberAssignment... numbers) {
        return new Holdings(new Account("ACC-T", "ООО «Тест»", tariffs, operators), List.of(numbers));
    }

    private static final Set<Account.TariffAssignment> ALWAYS =
            Set.of(new Account.TariffAssignment("CC", LocalDate.of(2026, 1, 1), null));

    private static Map<String, String> fees(CloseEntries.Result result) {
        return result.entries().stream().filter(e -> e.kind() == EntryKind.MONTHLY_FEE)
                .collect(java.util.stream.Collectors.toMap(e -> e.component() + "/" + e.reference() + "/" + e.quantity(),
                        e -> e.amount().toString(), (a, b) -> a + "+" + b, java.util.TreeMap::new));
    }

    @Test
    void feesAreProratedByTheDaysHeldAndRoundedOnce() {
        Holdings h = holdings(ALWAYS, Set.of(new Account.DedicatedOperator("OP-1", LocalDate.of(2026, 2, 10), null)),
                new NumberAssignment("78000000001", LocalDate.of(2025, 12, 1), null),
                new NumberAssignment("78000000002", LocalDate.of(2026, 2, 15), LocalDate.of(2026, 2, 16)));
        CloseEntries.Result feb = CloseEntries.of(YearMonth.of(2026, 2), h, MonthUsage.none("ACC-T"), from(null), PARTNER, "t");
        assertThat(fees(feb)).containsExactly(
                Map.entry("DEDICATED_SEAT/OP-1/19", "44107.14"),      // 65000 x 19/28 = 44107.142...
                Map.entry("NUMBER_RENTAL/78000000001/28", "1500.00"),
                Map.entry("NUMBER_RENTAL/78000000002/1", "53.57"));    // 1500 / 28 = 53.571...
        assertThat(feb.entries()).allMatch(e -> e.entryDate().equals(LocalDate.of(2026, 2, 28)));
    }

    @Test
    void noTariffNoFeesAndAChangeOfVersionSplitsTheFee() {
        Set<Account.TariffAssignment> fromThe11th = Set.of(new Account.TariffAssignment("CC", LocalDate.of(2026, 4, 11), null));
        Holdings h = holdings(fromThe11th, Set.of(), new NumberAssignment("78000000001", LocalDate.of(2026, 1, 1), null));
        CloseEntries.Result april = CloseEntries.of(YearMonth.of(2026, 4), h, MonthUsage.none("ACC-T"),
                from(LocalDate.of(2026, 4, 21)), PARTNER, "t");
        List<NewEntry> rental = april.entries();
        assertThat(rental).hasSize(2);
        assertThat(rental.get(0).amount()).isEqualTo(Money.of("500.00"));   // v1: 1500 x 10/30
        assertThat(rental.get(1).amount()).isEqualTo(Money.of("600.00"));   // v2: 1800 x 10/30
        assertThat(april.terms()).isEqualTo(V2);
    }

    @Test
    void theVolumeDiscountAndThePartnerShareFollowTheNetworkAmount() {
        MonthUsage usage = new MonthUsage("ACC-T", List.of(
                new UsageTotal("INBOUND_800", "NETWORK", 720_060, "SEC", Money.of("34800.00")),
                new UsageTotal("FORWARD", "NETWORK", 60, "SEC", Money.of("2.10")),
                new UsageTotal("INBOUND_800", "OPERATOR", 600, "SEC", Money.of("180.00"))),
                new BigDecimal("12002"), 3, 0, "x");
        CloseEntries.Result june = CloseEntries.of(YearMonth.of(2026, 6), holdings(ALWAYS, Set.of()), usage, from(null),
                PARTNER, "t");
        NewEntry discount = june.entries().stream().filter(e -> e.kind() == EntryKind.VOLUME_DISCOUNT).findFirst().orElseThrow();
        assertThat(discount.amount()).isEqualTo(Money.of("-1740.11"));        // -round(34802.10 x 0.05)
        NewEntry partner = june.entries().stream().filter(e -> e.kind() == EntryKind.PARTNER_ACCRUAL).findFirst().orElseThrow();
        assertThat(partner.amount()).isEqualTo(Money.of("11571.70"));         // 0.35 x 33061.99
        assertThat(partner.counterparty()).isEqualTo("ПАО «ТелеСеть»");
        assertThat(june.entries().stream().filter(e -> e.kind() == EntryKind.USAGE)).hasSize(3);
    }

    /** a client tariff's terms with a minimum monthly payment (issue 17) */
    private record WithMinimum(String minimum) implements MonthlyTerms {
        @Override
        public String tariff() {
            return "CLIENT";
        }

        @Override
        public int version() {
            return 1;
        }

        @Override
        public Optional<Money> monthlyFee(String fee) {
            return fee.equals(NUMBER_RENTAL) ? Optional.of(Money.of("1500.00")) : Optional.empty();
        }

        @Override
        public Optional<Money> minimumMonthlyPayment() {
            return Optional.of(Money.of(minimum));
        }

        @Override
        public BigDecimal volumeCoefficient(BigDecimal minutes) {
            return new BigDecimal("0.90");
        }
    }

    private static TariffTerms always(MonthlyTerms terms) {
        return new TariffTerms() {
            @Override
            public Optional<MonthlyTerms> inForce(String tariff, LocalDate day) {
                return Optional.of(terms);
            }

            @Override
            public Optional<MonthlyTerms> version(String tariff, int version) {
                return Optional.of(terms);
            }
        };
    }

    @Test
    void usageUnderTheMinimumIsToppedUpBeforeFeesAndTheVolumeDiscount() {
        MonthUsage usage = new MonthUsage("ACC-T", List.of(
                new UsageTotal("INBOUND_800", "NETWORK", 600, "SEC", Money.of("29.00")),
                new UsageTotal("INBOUND_800", "OPERATOR", 600, "SEC", Money.of("160.00"))),
                new BigDecimal("10"), 2, 0, "x");
        Holdings h = holdings(ALWAYS, Set.of(), new NumberAssignment("78000000001", LocalDate.of(2026, 1, 1), null));
        CloseEntries.Result april = CloseEntries.of(YearMonth.of(2026, 4), h, usage, always(new WithMinimum("20000.00")),
                PARTNER, "t");
        List<NewEntry> topUp = april.entries().stream().filter(e -> e.kind() == EntryKind.MINIMUM_TOPUP).toList();
        assertThat(topUp).hasSize(1);
        assertThat(topUp.get(0).amount()).isEqualTo(Money.of("19811.00"));    // 20000 - (29 + 160); the rental is apart
        assertThat(topUp.get(0).entryDate()).isEqualTo(LocalDate.of(2026, 4, 30));

        CloseEntries.Result over = CloseEntries.of(YearMonth.of(2026, 4), h, usage, always(new WithMinimum("189.00")),
                PARTNER, "t");
        assertThat(over.entries()).noneMatch(e -> e.kind() == EntryKind.MINIMUM_TOPUP);
        CloseEntries.Result standard = CloseEntries.of(YearMonth.of(2026, 4), h, usage, from(null), PARTNER, "t");
        assertThat(standard.entries()).noneMatch(e -> e.kind() == EntryKind.MINIMUM_TOPUP);
    }

    /** CC-STANDARD-2026 v1, or the client tariff with a minimum on the days the account has it */
    private static TariffTerms clientOr(MonthlyTerms client) {
        return new TariffTerms() {
            @Override
            public Optional<MonthlyTerms> inForce(String tariff, LocalDate d) {
                return Optional.of(tariff.equals("CLIENT") ? client : V1);
            }

            @Override
            public Optional<MonthlyTerms> version(String tariff, int version) {
                return Optional.of(tariff.equals("CLIENT") ? client : V1);
            }
        };
    }

    private static Money prorated(String minimum, int days, int daysInMonth) {
        return Money.of(new BigDecimal(minimum).multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(daysInMonth), 2, java.math.RoundingMode.HALF_UP));
    }

    @Test
    void theMinimumOfATariffFromMidMonthIsProratedByItsDaysInForce() {
        MonthUsage usage = new MonthUsage("ACC-T", List.of(
                new UsageTotal("INBOUND_800", "OPERATOR", 600, "SEC", Money.of("160.00"))), BigDecimal.ZERO, 1, 0, "x");
        Set<Account.TariffAssignment> clientFromThe16th = Set.of(
                new Account.TariffAssignment("CC", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 16)),
                new Account.TariffAssignment("CLIENT", LocalDate.of(2026, 6, 16), null));
        CloseEntries.Result june = CloseEntries.of(YearMonth.of(2026, 6), holdings(clientFromThe16th, Set.of()), usage,
                clientOr(new WithMinimum("10000.01")), PARTNER, "t");
        NewEntry topUp = june.entries().stream().filter(e -> e.kind() == EntryKind.MINIMUM_TOPUP).findFirst().orElseThrow();
        // 10000.01 x 15/30 = 5000.005, half up 5000.01
        assertThat(topUp.amount()).isEqualTo(prorated("10000.01", 15, 30).minus(Money.of("160.00")));
        assertThat(topUp.amount()).isEqualTo(Money.of("4840.01"));
        assertThat(topUp.reason()).isEqualTo(
                "CLIENT v1: минимальный платёж 10 000,01 за 15 из 30 дней: 5 000,01, использовано 160,00");

        // the client tariff ends on the 10th: 10 days of the minimum
        Set<Account.TariffAssignment> clientUntilThe11th = Set.of(
                new Account.TariffAssignment("CLIENT", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 11)),
                new Account.TariffAssignment("CC", LocalDate.of(2026, 6, 11), null));
        CloseEntries.Result ended = CloseEntries.of(YearMonth.of(2026, 6), holdings(clientUntilThe11th, Set.of()), usage,
                clientOr(new WithMinimum("9000.00")), PARTNER, "t");
        assertThat(ended.entries().stream().filter(e -> e.kind() == EntryKind.MINIMUM_TOPUP).findFirst().orElseThrow()
                .amount()).isEqualTo(prorated("9000.00", 10, 30).minus(Money.of("160.00")));
        assertThat(ended.terms()).isEqualTo(V1);

        // the whole month: the minimum itself, the reason as it always was
        CloseEntries.Result whole = CloseEntries.of(YearMonth.of(2026, 6), holdings(ALWAYS, Set.of()), usage,
                always(new WithMinimum("10000.01")), PARTNER, "t");
        NewEntry full = whole.entries().stream().filter(e -> e.kind() == EntryKind.MINIMUM_TOPUP).findFirst().orElseThrow();
        assertThat(full.amount()).isEqualTo(Money.of("9840.01"));
        assertThat(full.reason()).isEqualTo("CLIENT v1: минимальный платёж 10000.01, использовано 160.00");
        // the prorated minimum under the usage: no top-up
        MonthUsage over = new MonthUsage("ACC-T", List.of(
                new UsageTotal("INBOUND_800", "OPERATOR", 600, "SEC", Money.of("5000.01"))), BigDecimal.ZERO, 1, 0, "x");
        assertThat(CloseEntries.of(YearMonth.of(2026, 6), holdings(clientFromThe16th, Set.of()), over,
                clientOr(new WithMinimum("10000.01")), PARTNER, "t").entries())
                .noneMatch(e -> e.kind() == EntryKind.MINIMUM_TOPUP);
    }
}
