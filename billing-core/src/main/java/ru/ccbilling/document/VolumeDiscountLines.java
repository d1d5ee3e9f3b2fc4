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

    /** the printed lines; per line the kopecks to add to its computed VAT; the discount taken off (≤ 0) */
    record Folded(List<Statement.Line> lines, List<Money> vatAdjustments, Money discount) { }

    private VolumeDiscountLines() { }

    static Folded fold(List<Statement.Line> lines, BigDecimal rate) {
        Money discount = lines.stream().filter(l -> l.service() == Statement.Service.VOLUME_DISCOUNT)
                .map(Statement.Line::net).reduce(Money.ZERO, Money::plus);
        List<Integer> targets = IntStream.range(0, lines.size())
                .filter(i -> lines.get(i).service() == Statement.Service.NETWORK_MINUTES && lines.get(i).net().amount().signum() > 0)
                .boxed().toList();
        long base = targets.stream().mapToLong(i -> kopecks(lines.get(i).net())).sum();
        long off = -kopecks(discount);
        // a statement stored before lines had keys (issue 12) renders as it was issued: its checksums must hold
        boolean foldable = discount.amount().signum() < 0 && base >= off
                && lines.stream().filter(l -> l.service() == Statement.Service.VOLUME_DISCOUNT)
                        .allMatch(l -> l.key() != null && l.net().amount().signum() <= 0);
        if (!foldable) {
            return new Folded(List.copyOf(lines), zeros(lines.size()), Money.ZERO);
        }
        long[] shares = shares(targets.stream().mapToLong(i -> kopecks(lines.get(i).net())).toArray(), off);
        Money ledgerVat = VatRates.vatOf(discount, rate);
        for (int i : targets) {
            ledgerVat = ledgerVat.plus(VatRates.vatOf(lines.get(i).net(), rate));
        }
        List<Statement.Line> out = new ArrayList<>();
        List<Money> adjustments = new ArrayList<>();
        Money foldedVat = Money.ZERO;
        int largest = -1;
        for (int i = 0; i < lines.size(); i++) {
            Statement.Line l = lines.get(i);
            if (l.service() == Statement.Service.VOLUME_DISCOUNT) {
                continue;
            }
            int t = targets.indexOf(i);
            Statement.Line printed = t < 0 || shares[t] == 0 ? l : lowered(l, Money.of(BigDecimal.valueOf(shares[t], 2)));
            if (t >= 0) {
                foldedVat = foldedVat.plus(VatRates.vatOf(printed.net(), rate));
                if (largest < 0 || printed.net().compareTo(out.get(largest).net()) > 0) {
                    largest = out.size();
                }
            }
            out.add(printed);
            adjustments.add(Money.ZERO);
        }
        adjustments.set(largest, ledgerVat.minus(foldedVat));
        return new Folded(List.copyOf(out), List.copyOf(adjustments), discount);
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
    private static Statement.Line lowered(Statement.Line l, Money share) {
        Money net = l.net().minus(share);
        String name = l.name() + ", с учётом скидки за объём";
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
