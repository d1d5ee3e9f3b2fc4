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

/**
 * The virtual-office number's monthly rental (tariff sheet 7.3): round((900.00 + 250.00 × max(0, channels − 2)) ×
 * days held / days in month, 2), once per number and channel count, as its own MONTHLY_FEE entry; and the volume
 * coefficient and the partner accrual, which stay on NETWORK only (7.4).
 */
class VirtualOfficeRentalTest {

    private static final CloseEntries.Partner PARTNER = new CloseEntries.Partner("ПАО «ТелеСеть»", new BigDecimal("0.35"));
    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    private static final String VO = "74951230000";

    /** the monthly fees of a tariff version, by name; the volume coefficient of the sheet */
    private record Terms(Map<String, String> fees) implements MonthlyTerms {
        @Override
        public String tariff() {
            return "CC";
        }

        @Override
        public int version() {
            return 1;
        }

        @Override
        public Optional<Money> monthlyFee(String fee) {
            return Optional.ofNullable(fees.get(fee)).map(Money::of);
        }

        @Override
        public BigDecimal volumeCoefficient(BigDecimal minutes) {
            return minutes.compareTo(BigDecimal.valueOf(10_000)) <= 0 ? BigDecimal.ONE
                    : minutes.compareTo(BigDecimal.valueOf(50_000)) <= 0 ? new BigDecimal("0.95") : new BigDecimal("0.90");
        }
    }

    private static final Terms SHEET = new Terms(Map.of(MonthlyTerms.NUMBER_RENTAL, "1500.00",
            MonthlyTerms.VIRTUAL_OFFICE_NUMBER, "900.00", MonthlyTerms.VIRTUAL_OFFICE_CHANNEL, "250.00"));

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

    private static List<NewEntry> fees(YearMonth month, MonthlyTerms terms, NumberAssignment... numbers) {
        Holdings holdings = new Holdings(new Account("ACC-T", "ООО «Тест»",
                Set.of(new Account.TariffAssignment("CC", JAN_1, null)), Set.of()), List.of(numbers));
        return CloseEntries.of(month, holdings, MonthUsage.none("ACC-T"), always(terms), PARTNER, "t").entries().stream()
                .filter(e -> e.kind() == EntryKind.MONTHLY_FEE).toList();
    }

    @Test
    void aWholeMonthWithThreeChannelsIs900PlusOneChannelAsItsOwnEntry() {
        List<NewEntry> fees = fees(MARCH, SHEET, NumberAssignment.virtualOffice(VO, 3, JAN_1, null));
        assertThat(fees).singleElement().satisfies(e -> {
            assertThat(e.amount()).isEqualTo(Money.of("1150.00"));
            assertThat(e.service()).isEqualTo("MONTHLY");
            assertThat(e.component()).isEqualTo(MonthlyTerms.VIRTUAL_OFFICE_NUMBER);
            assertThat(e.reference()).isEqualTo(VO);
            assertThat(e.quantity()).isEqualByComparingTo("31");
            assertThat(e.unit()).isEqualTo("DAY");
            assertThat(e.rate()).isEqualByComparingTo("1150.00");
            assertThat(e.channels()).isEqualTo(3);
            assertThat(e.entryDate()).isEqualTo(MARCH.atEndOfMonth());
        });
    }

    @Test
    void theIncludedChannelsCostNothingMore() {
        assertThat(fees(MARCH, SHEET, NumberAssignment.virtualOffice(VO, 2, JAN_1, null)))
                .extracting(NewEntry::amount).containsExactly(Money.of("900.00"));
        assertThat(fees(MARCH, SHEET, NumberAssignment.virtualOffice(VO, 1, JAN_1, null)))
                .extracting(NewEntry::amount).containsExactly(Money.of("900.00"));
    }

    @Test
    void partOfAMonthIsProratedByDaysAndRoundedOnceForTheNumberAndItsChannels() {
        // 4 channels = 1400.00 a month, held 3 days of 31: 1400 × 3 / 31 = 135.483...; rounding the number (87.10)
        // and the channels (48.39) apart would give 135.49
        List<NewEntry> fees = fees(MARCH, SHEET,
                NumberAssignment.virtualOffice(VO, 4, LocalDate.of(2026, 3, 29), null));
        assertThat(fees).singleElement().satisfies(e -> {
            assertThat(e.amount()).isEqualTo(Money.of("135.48"));
            assertThat(e.quantity()).isEqualByComparingTo("3");
            assertThat(e.rate()).isEqualByComparingTo("1400.00");
        });
        // February: 5 channels (1650.00) from the 10th, 19 days of 28: 1119.642...
        assertThat(fees(YearMonth.of(2026, 2), SHEET,
                NumberAssignment.virtualOffice(VO, 5, LocalDate.of(2026, 2, 10), null)))
                .extracting(NewEntry::amount).containsExactly(Money.of("1119.64"));
    }

    @Test
    void aChangeOfChannelsMidMonthIsTwoEntriesEachRoundedOnce() {
        LocalDate change = LocalDate.of(2026, 3, 16);
        List<NewEntry> fees = fees(MARCH, SHEET,
                NumberAssignment.virtualOffice(VO, 2, JAN_1, change),
                NumberAssignment.virtualOffice(VO, 4, change, null));
        assertThat(fees).hasSize(2);
        assertThat(fees.get(0)).satisfies(e -> {          // 900 × 15 / 31 = 435.483...
            assertThat(e.channels()).isEqualTo(2);
            assertThat(e.quantity()).isEqualByComparingTo("15");
            assertThat(e.rate()).isEqualByComparingTo("900.00");
            assertThat(e.amount()).isEqualTo(Money.of("435.48"));
        });
        assertThat(fees.get(1)).satisfies(e -> {          // 1400 × 16 / 31 = 722.580...
            assertThat(e.channels()).isEqualTo(4);
            assertThat(e.quantity()).isEqualByComparingTo("16");
            assertThat(e.rate()).isEqualByComparingTo("1400.00");
            assertThat(e.amount()).isEqualTo(Money.of("722.58"));
        });
    }

    @Test
    void aVirtualOfficeNumberIsNotAlsoRentedAsAn800NumberWhichKeepsItsRental() {
        List<NewEntry> fees = fees(MARCH, SHEET,
                NumberAssignment.virtualOffice(VO, 3, JAN_1, null),
                new NumberAssignment("78005553535", JAN_1, null));
        assertThat(fees).extracting(e -> e.component() + " " + e.reference() + " " + e.amount() + " " + e.channels())
                .containsExactly("NUMBER_RENTAL 78005553535 1500.00 null", "VIRTUAL_OFFICE_NUMBER " + VO + " 1150.00 3");
    }

    @Test
    void withoutTheNumberFeeNoEntryAndWithoutTheChannelFeeExtraChannelsAreNotCharged() {
        Terms noVirtualOffice = new Terms(Map.of(MonthlyTerms.NUMBER_RENTAL, "1500.00"));
        assertThat(fees(MARCH, noVirtualOffice, NumberAssignment.virtualOffice(VO, 3, JAN_1, null))).isEmpty();
        Terms noChannelFee = new Terms(Map.of(MonthlyTerms.VIRTUAL_OFFICE_NUMBER, "900.00"));
        assertThat(fees(MARCH, noChannelFee, NumberAssignment.virtualOffice(VO, 5, JAN_1, null)))
                .extracting(NewEntry::amount).containsExactly(Money.of("900.00"));
    }

    @Test
    void theTariffsIncludedChannelsCountIsTheOneUsed() {
        MonthlyTerms threeIncluded = new MonthlyTerms() {
            @Override
            public String tariff() {
                return "CC";
            }

            @Override
            public int version() {
                return 1;
            }

            @Override
            public Optional<Money> monthlyFee(String fee) {
                return SHEET.monthlyFee(fee);
            }

            @Override
            public int virtualOfficeChannelsIncluded() {
                return 3;
            }

            @Override
            public BigDecimal volumeCoefficient(BigDecimal minutes) {
                return BigDecimal.ONE;
            }
        };
        assertThat(fees(MARCH, threeIncluded, NumberAssignment.virtualOffice(VO, 4, JAN_1, null)))
                .extracting(NewEntry::amount).containsExactly(Money.of("1150.00"));
    }

    @Test
    void theServicesUsageChangesNeitherTheVolumeDiscountNorThePartnerAccrual() {
        List<UsageTotal> network = List.of(new UsageTotal("INBOUND_800", "NETWORK", 720_060, "SEC", Money.of("34800.00")),
                new UsageTotal("FORWARD", "NETWORK", 60, "SEC", Money.of("2.10")));
        List<UsageTotal> services = List.of(
                new UsageTotal("VIRTUAL_OFFICE", "VO_MINUTE", 3_000_000, "SEC", Money.of("20000.00")),
                new UsageTotal("CONFERENCE", "CONFERENCE_PORT", 1_200_000, "SEC", Money.of("24000.00")),
                new UsageTotal("CONFERENCE", "CONFERENCE_LEG", 60_000, "SEC", Money.of("1900.00")),
                new UsageTotal("SURVEY", "SURVEY_COMPLETED", 400, "CALL", Money.of("6000.00")),
                new UsageTotal("SURVEY", "OUTBOUND", 90_000, "SEC", Money.of("2850.00")),
                new UsageTotal("INFORMING", "INFORMING_ATTEMPT", 10_000, "CALL", Money.of("1500.00")),
                new UsageTotal("INFORMING", "MARKING_FEE", 5_000, "CALL", Money.of("2400.00")));
        BigDecimal networkMinutes = new BigDecimal("12002");
        List<NewEntry> alone = close(new MonthUsage("ACC-T", network, networkMinutes, 3, 0, "x"));
        List<NewEntry> withServices = close(new MonthUsage("ACC-T",
                java.util.stream.Stream.concat(network.stream(), services.stream()).toList(), networkMinutes, 10, 0, "y"));
        for (EntryKind kind : List.of(EntryKind.VOLUME_DISCOUNT, EntryKind.PARTNER_ACCRUAL)) {
            assertThat(amountOf(withServices, kind)).isEqualTo(amountOf(alone, kind));
        }
        assertThat(amountOf(withServices, EntryKind.VOLUME_DISCOUNT)).isEqualTo(Money.of("-1740.11"));
        assertThat(amountOf(withServices, EntryKind.PARTNER_ACCRUAL)).isEqualTo(Money.of("11571.70"));
        // the services alone, however large, make no discount and no partner accrual
        List<NewEntry> servicesOnly = close(new MonthUsage("ACC-T", services, BigDecimal.ZERO, 7, 0, "z"));
        assertThat(servicesOnly).noneMatch(e -> e.kind() == EntryKind.VOLUME_DISCOUNT || e.kind() == EntryKind.PARTNER_ACCRUAL);
        assertThat(servicesOnly).filteredOn(e -> e.kind() == EntryKind.USAGE).hasSize(services.size());
    }

    private static List<NewEntry> close(MonthUsage usage) {
        Holdings holdings = new Holdings(new Account("ACC-T", "ООО «Тест»",
                Set.of(new Account.TariffAssignment("CC", JAN_1, null)), Set.of()), List.of());
        return CloseEntries.of(YearMonth.of(2026, 6), holdings, usage, always(SHEET), PARTNER, "t").entries();
    }

    private static Money amountOf(List<NewEntry> entries, EntryKind kind) {
        return entries.stream().filter(e -> e.kind() == kind).map(NewEntry::amount).findFirst().orElseThrow();
    }
}
