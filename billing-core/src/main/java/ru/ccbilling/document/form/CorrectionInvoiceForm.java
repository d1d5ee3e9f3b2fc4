package ru.ccbilling.document.form;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ru.ccbilling.document.Correction;
import ru.ccbilling.document.DocumentContent;
import ru.ccbilling.money.Money;
import ru.ccbilling.vat.VatRates;

/**
 * Корректировочный счёт-фактура, appendix 2 to Decree 1137: per line rows А (before), Б (after), В (increase),
 * Г (decrease); totals of the В rows and of the Г rows. VAT at the rate of the corrected VAT invoice. Template
 * {@code correction-vat-invoice.mustache}.
 */
final class CorrectionInvoiceForm {

    private CorrectionInvoiceForm() { }

    /** amounts of one corrected line */
    record Change(Money netBefore, Money netAfter, Money vatBefore, Money vatAfter) {
        Money grossBefore() { return netBefore.plus(vatBefore); }
        Money grossAfter() { return netAfter.plus(vatAfter); }
    }

    static Change change(Correction.Line line, BigDecimal rate) {
        return new Change(line.netBefore(), line.netAfter(),
                line.vatBefore() != null ? line.vatBefore() : VatRates.vatOf(line.netBefore(), rate),
                line.vatAfter() != null ? line.vatAfter() : VatRates.vatOf(line.netAfter(), rate));
    }

    static String html(DocumentContent c) {
        Correction correction = c.correction();
        Map<String, Object> m = FormModel.of(c, "Корректировочный счёт-фактура № " + c.number(), true);
        m.put("formName", "КОРРЕКТИРОВОЧНЫЙ СЧЁТ-ФАКТУРА");
        m.put("correctionName", "ИСПРАВЛЕНИЕ КОРРЕКТИРОВОЧНОГО СЧЁТА-ФАКТУРЫ");
        m.put("reason", correction.reason() == null ? false : correction.reason());
        String percent = VatRates.percent(c.rate());
        Money upNet = Money.ZERO, upVat = Money.ZERO, upGross = Money.ZERO;
        Money downNet = Money.ZERO, downVat = Money.ZERO, downGross = Money.ZERO;
        List<Map<String, Object>> changes = new ArrayList<>();
        int no = 0;
        for (Correction.Line line : correction.lines()) {
            Change ch = change(line, c.rate());
            Money dNet = ch.netAfter().minus(ch.netBefore());
            Money dVat = ch.vatAfter().minus(ch.vatBefore());
            Money dGross = ch.grossAfter().minus(ch.grossBefore());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("no", ++no);
            row.put("name", FormModel.text(line.name()));
            row.put("unitCode", FormModel.text(line.unitCode()));
            row.put("unitName", FormModel.text(line.unitName()));
            row.put("before", state(line.quantityBefore(), line.priceBefore(), ch.netBefore(), percent, ch.vatBefore(), ch.grossBefore()));
            row.put("after", state(line.quantityAfter(), line.priceAfter(), ch.netAfter(), percent, ch.vatAfter(), ch.grossAfter()));
            row.put("increase", delta(dNet, dVat, dGross, 1));
            row.put("decrease", delta(dNet, dVat, dGross, -1));
            changes.add(row);
            if (dNet.amount().signum() > 0 || dNet.amount().signum() == 0 && dGross.amount().signum() > 0) {
                upNet = upNet.plus(dNet); upVat = upVat.plus(dVat); upGross = upGross.plus(dGross);
            } else {
                downNet = downNet.minus(dNet); downVat = downVat.minus(dVat); downGross = downGross.minus(dGross);
            }
        }
        m.put("changes", changes);
        m.put("up", Map.of("net", Fmt.money(upNet), "vat", Fmt.money(upVat), "gross", Fmt.money(upGross)));
        m.put("down", Map.of("net", Fmt.money(downNet), "vat", Fmt.money(downVat), "gross", Fmt.money(downGross)));
        return Templates.render("correction-vat-invoice", m);
    }

    private static Map<String, Object> state(BigDecimal quantity, BigDecimal price, Money net, String percent, Money vat,
                                             Money gross) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("quantity", quantity == null ? "—" : Fmt.quantity(quantity));
        m.put("price", price == null ? "—" : Fmt.price(price));
        m.put("net", Fmt.money(net));
        m.put("rate", percent);
        m.put("vat", Fmt.money(vat));
        m.put("gross", Fmt.money(gross));
        return m;
    }

    /** row В shows an increase, row Г a decrease (as a positive amount); the other shows dashes */
    private static Map<String, Object> delta(Money net, Money vat, Money gross, int sign) {
        boolean shown = Integer.signum(net.amount().signum() == 0 ? gross.amount().signum() : net.amount().signum()) == sign;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("align", shown ? "r" : "c");
        m.put("net", shown ? Fmt.money(net.amount().abs()) : "—");
        m.put("excise", shown ? "без акциза" : "—");
        m.put("vat", shown ? Fmt.money(vat.amount().abs()) : "—");
        m.put("gross", shown ? Fmt.money(gross.amount().abs()) : "—");
        return m;
    }
}
