package ru.ccbilling.document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import ru.ccbilling.money.Money;
import ru.ccbilling.vat.VatRates;

/**
 * The lines of a document with their VAT: per line VAT = round_half_up(net × rate, 2), gross = net + VAT; totals are
 * sums. The volume discount is not a line of its own: it lowers the network-minute lines it applies to
 * ({@link VolumeDiscountLines}), so no printed line is negative; {@code discount} is what it took off (zero or
 * negative), for the act and the invoice to say in words; deductions (negative one-time entries) likewise lower every
 * positive line ({@code deductions}, zero or negative).
 */
public record TaxedLines(BigDecimal rate, List<Line> lines, Money net, Money vat, Money gross, Money discount,
                         Money deductions) {

    public record Line(int no, Statement.Line line, Money vat, Money gross) { }

    public TaxedLines(BigDecimal rate, List<Line> lines, Money net, Money vat, Money gross) {
        this(rate, lines, net, vat, gross, Money.ZERO, Money.ZERO);
    }

    public static TaxedLines of(List<Statement.Line> lines, BigDecimal rate) {
        VolumeDiscountLines.Folded folded = VolumeDiscountLines.foldDeductions(VolumeDiscountLines.fold(lines, rate), rate);
        List<Line> out = new ArrayList<>();
        Money net = Money.ZERO;
        Money vat = Money.ZERO;
        for (int i = 0; i < folded.lines().size(); i++) {
            Statement.Line line = folded.lines().get(i);
            Money lineVat = VatRates.vatOf(line.net(), rate).plus(folded.vatAdjustments().get(i));
            out.add(new Line(out.size() + 1, line, lineVat, line.net().plus(lineVat)));
            net = net.plus(line.net());
            vat = vat.plus(lineVat);
        }
        return new TaxedLines(rate, List.copyOf(out), net, vat, net.plus(vat), folded.discount(), folded.deductions());
    }
}
