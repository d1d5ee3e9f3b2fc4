package ru.ccbilling.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.ccbilling.money.Money;
import ru.ccbilling.vat.VatRates;

/**
 * The volume discount on the VAT invoice (issue 12): no negative line, the network-minute lines lowered by their
 * shares (largest remainder), every line still quantity × price = amount, totals and VAT those of the ledger.
 */
class VolumeDiscountLinesTest {

    private static final BigDecimal RATE = new BigDecimal("0.22");
    private static final String DISCOUNT_KEY = "VOLUME_DISCOUNT|null|NETWORK|null";

    private static Statement.Line network(String name, int minutes, String price) {
        BigDecimal p = new BigDecimal(price);
        return new Statement.Line(Statement.Service.NETWORK_MINUTES, name, "355", "мин", BigDecimal.valueOf(minutes), p,
                Money.of(p.multiply(BigDecimal.valueOf(minutes))), "USAGE|INBOUND_800|NETWORK|" + name);
    }

    private static final List<Statement.Line> LINES = List.of(
            network("с мобильных номеров, час пик", 4_001, "2.90"),
            network("с местных номеров, час пик", 8_000, "1.20"),
            network("с междугородных номеров, вне часа пик", 3, "1.60"),
            new Statement.Line(Statement.Service.OPERATOR_MINUTES, "Работа операторов", "355", "мин", BigDecimal.TEN,
                    new BigDecimal("18.00"), Money.of("180.00")),
            new Statement.Line(Statement.Service.VOLUME_DISCOUNT, "Скидка за объём сетевых минут (коэффициент 0.95)",
                    "796", "шт", BigDecimal.ONE, new BigDecimal("-1060.31"), Money.of("-1060.31"), DISCOUNT_KEY));

    @Test
    void theDiscountLowersTheNetworkLinesAndIsNoLineOfItsOwn() {
        TaxedLines taxed = TaxedLines.of(LINES, RATE);
        assertThat(taxed.lines()).hasSize(4);
        assertThat(taxed.lines()).allSatisfy(l -> {
            assertThat(l.line().net().amount().signum()).isPositive();
            assertThat(LinePrices.exact(l.line())).as(l.line().toString()).isTrue();
        });
        assertThat(taxed.net()).isEqualTo(Money.of("20327.39"));             // 11,602.90 + 9,600.00 + 4.80 + 180.00 − 1,060.31
        assertThat(taxed.discount()).isEqualTo(Money.of("-1060.31"));
        Money ledgerVat = LINES.stream().map(l -> VatRates.vatOf(l.net(), RATE)).reduce(Money.ZERO, Money::plus);
        assertThat(taxed.vat()).as("VAT of the ledger's entries").isEqualTo(ledgerVat);
        assertThat(taxed.lines().get(1).line().name()).startsWith("с местных номеров, час пик, с учётом скидки за объём");
        // 3 min × 1.60 = 4.80 takes 0.24 (1,060.31 × 480 / 2,120,770 kopecks = 23.998): 4.56 = 3 × 1.52
        assertThat(taxed.lines().get(2).line().price()).isEqualByComparingTo("1.52");
        assertThat(taxed.lines().get(2).line().quantity()).isEqualByComparingTo("3");
        assertThat(taxed.lines().get(3).line().name()).isEqualTo("Работа операторов");
    }

    @Test
    void deductionsLowerEveryPositiveLineAfterTheDiscountAndAreNoLineOfTheirOwn() {
        List<Statement.Line> lines = new java.util.ArrayList<>(LINES);
        lines.add(new Statement.Line(Statement.Service.ONE_TIME, "Компенсация простоя 12.11", "796", "шт", BigDecimal.ONE,
                new BigDecimal("-500.00"), Money.of("-500.00"), "DEDUCTION#5"));
        lines.add(new Statement.Line(Statement.Service.ONE_TIME, "Вычет по претензии", "796", "шт", BigDecimal.ONE,
                new BigDecimal("-0.03"), Money.of("-0.03"), "DEDUCTION#6"));
        TaxedLines taxed = TaxedLines.of(lines, RATE);
        assertThat(taxed.lines()).as("the four service lines, nothing negative").hasSize(4);
        assertThat(taxed.lines()).allSatisfy(l -> {
            assertThat(l.line().net().amount().signum()).isPositive();
            assertThat(l.line().quantity().multiply(l.line().price())).as(l.line().toString()).isEqualByComparingTo(l.line().net().amount());
            assertThat(l.line().name()).contains("с учётом вычета");
        });
        assertThat(taxed.net()).isEqualTo(Money.of("19827.36"));             // 20,327.39 − 500.00 − 0.03
        assertThat(taxed.discount()).isEqualTo(Money.of("-1060.31"));
        assertThat(taxed.deductions()).isEqualTo(Money.of("-500.03"));
        Money ledgerVat = lines.stream().map(l -> VatRates.vatOf(l.net(), RATE)).reduce(Money.ZERO, Money::plus);
        assertThat(taxed.vat()).as("VAT of the ledger's entries, one per deduction").isEqualTo(ledgerVat);
        // the operators' 180.00 takes its share: 500.03 × 18,000 / 2,032,739 kopecks = 4.43 (floor 442 + a kopeck or not)
        assertThat(taxed.lines().get(3).line().net().amount()).isBetween(new BigDecimal("175.56"), new BigDecimal("175.58"));
    }

    @Test
    void aDeductionLargerThanTheMonthStaysANegativeLine() {
        List<Statement.Line> lines = List.of(
                new Statement.Line(Statement.Service.MONTHLY_FEE, "Аренда номера 8-800", "362", "мес", BigDecimal.ONE,
                        new BigDecimal("1500.00"), Money.of("1500.00"), "MONTHLY_FEE|null|NUMBER_RENTAL|null"),
                new Statement.Line(Statement.Service.ONE_TIME, "Компенсация", "796", "шт", BigDecimal.ONE,
                        new BigDecimal("-2000.00"), Money.of("-2000.00"), "DEDUCTION#1"));
        TaxedLines taxed = TaxedLines.of(lines, RATE);
        assertThat(taxed.lines()).hasSize(2);
        assertThat(taxed.net()).isEqualTo(Money.of("-500.00"));
        assertThat(RunPreflight.negativeLine(new Statement("ACC-1", java.time.YearMonth.of(2026, 4), null, null, null, null,
                lines), RATE)).hasValueSatisfying(why -> assertThat(why).contains("Компенсация", "-2000.00"));
    }

    @Test
    void aStatementStoredBeforeLinesHadKeysPrintsItsDiscountAsItWasIssued() {
        List<Statement.Line> stored = LINES.stream().map(l -> l.keyed(null)).toList();
        TaxedLines taxed = TaxedLines.of(stored, RATE);
        assertThat(taxed.lines()).hasSize(5);
        assertThat(taxed.lines().get(4).line().net()).isEqualTo(Money.of("-1060.31"));
        assertThat(taxed.discount()).isEqualTo(Money.ZERO);
    }

    @Test
    void sharesAreWholeKopecksByLargestRemainder() {
        // 100 kopecks over 1 : 1 : 1 → 33 each and the kopeck left to the first of equals
        assertThat(VolumeDiscountLines.shares(new long[] {500, 500, 500}, 100)).containsExactly(34, 33, 33);
        // 10 over 3 : 7 exactly; 7 over 2 : 1 → 4.67 and 2.33: floors 4 and 2, the kopeck to the larger remainder
        assertThat(VolumeDiscountLines.shares(new long[] {300, 700}, 10)).containsExactly(3, 7);
        assertThat(VolumeDiscountLines.shares(new long[] {200, 100}, 7)).containsExactly(5, 2);
    }

    @Test
    void aLineWhoseLoweredAmountDoesNotDivideIntoItsMinutesIsOneServiceUnitNamingThem() {
        List<Statement.Line> lines = List.of(network("с мобильных номеров, час пик", 9, "2.90"),
                network("с местных номеров, вне часа пик", 11_472, "0.90"),
                new Statement.Line(Statement.Service.VOLUME_DISCOUNT, "Скидка", "796", "шт", BigDecimal.ONE,
                        new BigDecimal("-517.55"), Money.of("-517.55"), DISCOUNT_KEY));
        TaxedLines taxed = TaxedLines.of(lines, RATE);
        Statement.Line mobile = taxed.lines().get(0).line();
        assertThat(mobile.unitCode()).isEqualTo("876");
        assertThat(mobile.name()).isEqualTo("с мобильных номеров, час пик, с учётом скидки за объём: 9 мин по 2,90 руб./мин");
        assertThat(mobile.quantity()).isEqualByComparingTo("1");
        assertThat(taxed.net()).isEqualTo(Money.of("9833.35"));             // 26.10 + 10,324.80 − 517.55
    }

    @Test
    void correctionRowsARepeatThePrintedLineAndRowsBAreTheLineAfter() {
        List<Statement.Line> after = List.of(LINES.get(0), LINES.get(1), LINES.get(2),
                new Statement.Line(Statement.Service.OPERATOR_MINUTES, "Работа операторов", "355", "мин", BigDecimal.TEN,
                        new BigDecimal("12.00"), Money.of("120.00")), LINES.get(4));
        List<Correction.Line> rows = CorrectionLines.of(LINES, after, RATE);
        TaxedLines.Line printed = TaxedLines.of(LINES, RATE).lines().get(3);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo(printed.line().name());
            assertThat(r.quantityBefore()).isEqualByComparingTo(printed.line().quantity());
            assertThat(r.priceBefore()).isEqualByComparingTo(printed.line().price());
            assertThat(r.netBefore()).isEqualTo(printed.line().net());
            assertThat(r.vatBefore()).isEqualTo(printed.vat());
            assertThat(r.priceAfter()).isEqualByComparingTo("12.00");
            assertThat(r.netAfter()).isEqualTo(Money.of("120.00"));
        });
    }
}
