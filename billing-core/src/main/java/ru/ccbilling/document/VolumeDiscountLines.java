package ru.ccbilling.document;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import ru.ccbilling.money.Money;
import ru.ccbilling.vat.VatRates;

/**
 * A discount known when the documents are issued lowers the lines it applies to (a VAT invoice carries no negative
 * lines). The volume discount (tariff sheet 4: on NETWORK only) is spread over the network-minute lines in
 * proportion to their amounts, whole kopecks by largest remainder: each line takes the floor of its exact share, and
 * the kopecks left go one each to the lines with the largest remainders (ties: the larger line, then the earlier).
 * A lowered line keeps its minutes when its new amount divides by them into a price of at most four decimals,
 * otherwise it becomes one «усл. ед.» with its minutes and list price in the name. VAT stays what the ledger holds
 * (VAT of each line before the discount plus VAT of the discount): the kopecks by which the per-line VAT of the
 * lowered lines differs from it go to the largest lowered line. A discount line without a key comes from a statement
 * stored before this rule and is printed as it was then (a line of its own), so regenerated documents stay the same.
 */
final class VolumeDiscountLines {

    /**
     * the printed lines; per line the kopecks to add to its computed VAT; the volume discount taken off (≤ 0); the
     * deductions taken off (≤ 0)
     */
    record Folded(List<Statement.Line> lines, List<Money> vatAdjustments, Money discount, Money deductions) {
        Folded(List<Statement.Line> lines, List<Money> vatAdjustments, Money discount) {
            this(lines, vatAdjustments, discount, Money.ZERO);
        }
    }

    private VolumeDiscountLines() { }

    static Folded fold(List<Statement.Line> lines, BigDecimal rate) {
        Money discount = lines.stream().filter(l -> l.service() == Statement.Service.VOLUME_DISCOUNT)
                .map(Statement.Line::net).reduce(Money.ZERO, Money::plus);
        // a statement stored before lines had keys (issue 12) renders as it was issued: its checksums must hold
        boolean keyed = lines.stream().filter(l -> l.service() == Statement.Service.VOLUME_DISCOUNT)
                .allMatch(l -> l.key() != null && l.net().amount().signum() <= 0);
        Folded folded = keyed ? fold(lines, zeros(lines.size()), rate, l -> l.service() == Statement.Service.VOLUME_DISCOUNT,
                l -> l.service() == Statement.Service.NETWORK_MINUTES, ", с учётом скидки за объём", true) : null;
        return folded == null ? new Folded(List.copyOf(lines), zeros(lines.size()), Money.ZERO)
                : new Folded(folded.lines(), folded.vatAdjustments(), discount);
    }

    /**
     * Deductions (negative one-time entries: compensation of a downtime, a goodwill credit) are known when the
     * documents are issued too, and name no service: they lower every positive line of the month in proportion to
     * its amount, by the same largest-remainder rule, after the volume discount. VAT stays the ledger's (each line's
     * VAT plus each deduction's). A deduction larger than the month's positive lines stays a negative line (the
     * run's pre-flight check skips such an account and says why). Unkeyed lines (statements stored before issue 12)
     * are never folded.
     */
    static Folded foldDeductions(Folded after, BigDecimal rate) {
        java.util.function.Predicate<Statement.Line> deduction = l -> l.key() != null && l.net().isNegative()
                && l.service() != Statement.Service.VOLUME_DISCOUNT;
        if (after.lines().stream().noneMatch(deduction)) {
            return after;
        }
        Folded folded = fold(after.lines(), after.vatAdjustments(), rate, deduction,
                l -> !deduction.test(l) && l.net().amount().signum() > 0, ", с учётом вычета", false);
        return folded == null ? after : new Folded(folded.lines(), folded.vatAdjustments(), after.discount(),
                after.lines().stream().filter(deduction).map(Statement.Line::net).reduce(Money.ZERO, Money::plus));
    }

    /**
     * Spreads the negative lines {@code off} over the lines {@code target} by largest remainder; null when there is
     * nothing to spread or the targets are smaller. {@code adjustments} are the VAT kopecks already added per line.
     * {@code vatOfSum}: the VAT of the spread amount is that of its sum (the volume discount, one entry) rather than
     * the sum of each negative line's VAT (deductions, an entry each).
     */
    private static Folded fold(List<Statement.Line> lines, List<Money> adjustments, BigDecimal rate,
                               java.util.function.Predicate<Statement.Line> off,
                               java.util.function.Predicate<Statement.Line> target, String suffix, boolean vatOfSum) {
        Money spread = lines.stream().filter(off).map(Statement.Line::net).reduce(Money.ZERO, Money::plus);
        List<Integer> targets = IntStream.range(0, lines.size())
                .filter(i -> target.test(lines.get(i)) && lines.get(i).net().amount().signum() > 0).boxed().toList();
        long base = targets.stream().mapToLong(i -> kopecks(lines.get(i).net())).sum();
        long kopecks = -kopecks(spread);
        if (spread.amount().signum() >= 0 || base < kopecks) {
            return null;
        }
        long[] shares = shares(targets.stream().mapToLong(i -> kopecks(lines.get(i).net())).toArray(), kopecks);
        Money ledgerVat = vatOfSum ? VatRates.vatOf(spread, rate) : lines.stream().filter(off)
                .map(l -> VatRates.vatOf(l.net(), rate)).reduce(Money.ZERO, Money::plus);
        for (int i : targets) {
            ledgerVat = ledgerVat.plus(VatRates.vatOf(lines.get(i).net(), rate)).plus(adjustments.get(i));
        }
        List<Statement.Line> out = new ArrayList<>();
        List<Money> outAdjustments = new ArrayList<>();
        Money foldedVat = Money.ZERO;
        int largest = -1;
        for (int i = 0; i < lines.size(); i++) {
            Statement.Line l = lines.get(i);
            if (off.test(l)) {
                continue;
            }
            int t = targets.indexOf(i);
            Statement.Line printed = t < 0 || shares[t] == 0 ? l : lowered(l, Money.of(BigDecimal.valueOf(shares[t], 2)), suffix);
            if (t >= 0) {
                foldedVat = foldedVat.plus(VatRates.vatOf(printed.net(), rate));
                if (largest < 0 || printed.net().compareTo(out.get(largest).net()) > 0) {
                    largest = out.size();
                }
            }
            out.add(printed);
            outAdjustments.add(t >= 0 ? Money.ZERO : adjustments.get(i));
        }
        outAdjustments.set(largest, ledgerVat.minus(foldedVat));
        return new Folded(List.copyOf(out), List.copyOf(outAdjustments), Money.ZERO);
    }

    /** largest remainder: floors of off × amount / total, then a kopeck each to the largest remainders */
    static long[] shares(long[] amounts, long off) {
        BigInteger total = BigInteger.valueOf(java.util.Arrays.stream(amounts).sum());
        long[] shares = new long[amounts.length];
        BigInteger[] remainders = new BigInteger[amounts.length];
        long given = 0;
        for (int i = 0; i < amounts.length; i++) {
            BigInteger[] qr = BigInteger.valueOf(off).multiply(BigInteger.valueOf(amounts[i])).divideAndRemainder(total);
            shares[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            given += shares[i];
        }
        List<Integer> order = new ArrayList<>(IntStream.range(0, amounts.length).boxed().toList());
        order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed()
                .thenComparing(Comparator.comparingLong((Integer i) -> amounts[i]).reversed())
                .thenComparingInt(i -> i));
        for (int k = 0; k < off - given; k++) {
            shares[order.get(k)]++;
        }
        return shares;
    }

    /** the line less its share of the discount, still quantity × price = amount */
    private static Statement.Line lowered(Statement.Line l, Money share, String suffix) {
        Money net = l.net().minus(share);
        String name = l.name() + suffix;
        BigDecimal price = LinePrices.priceOf(net.amount(), l.quantity());
        if (price != null && !"876".equals(l.unitCode())) {
            return new Statement.Line(l.service(), name, l.unitCode(), l.unitName(), l.quantity(), price, net, l.key());
        }
        String measure = "876".equals(l.unitCode()) ? ""
                : ": " + LinePrices.quantity(l.quantity()) + " " + l.unitName() + " по " + LinePrices.rub(l.price())
                + " руб./" + l.unitName();
        return new Statement.Line(l.service(), name + measure, "876", "усл. ед.", BigDecimal.ONE, net.amount(), net,
                l.key());
    }

    private static long kopecks(Money m) {
        return m.amount().movePointRight(2).longValueExact();
    }

    private static List<Money> zeros(int n) {
        return java.util.Collections.nCopies(n, Money.ZERO);
    }
}
