package ru.ccbilling.document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import ru.ccbilling.money.Money;
import ru.ccbilling.vat.VatRates;

/** The lines of a document with their VAT: per line VAT = round_half_up(net × rate, 2), gross = net + VAT; totals are sums. */
public record TaxedLines(BigDecimal rate, List<Line> lines, Money net, Money vat, Money gross) {

    public record Line(int no, Statement.Line line, Money vat, Money gross) { }

    public static TaxedLines of(List<Statement.Line> lines, BigDecimal rate) {
        List<Line> out = new ArrayList<>();
        Money net = Money.ZERO;
        Money vat = Money.ZERO;
        for (Statement.Line line : lines) {
            Money lineVat = VatRates.vatOf(line.net(), rate);
            out.add(new Line(out.size() + 1, line, lineVat, line.net().plus(lineVat)));
            net = net.plus(line.net());
            vat = vat.plus(lineVat);
        }
        return new TaxedLines(rate, List.copyOf(out), net, vat, net.plus(vat));
    }
}
