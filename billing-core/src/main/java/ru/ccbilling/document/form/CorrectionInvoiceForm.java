package ru.ccbilling.document.form;

import static ru.ccbilling.document.form.Fmt.money;
import static ru.ccbilling.document.form.Fmt.price;
import static ru.ccbilling.document.form.Fmt.quantity;
import static ru.ccbilling.document.form.Fmt.x;

import java.math.BigDecimal;

import ru.ccbilling.document.Correction;
import ru.ccbilling.document.DocumentContent;
import ru.ccbilling.document.Statement;
import ru.ccbilling.money.Money;
import ru.ccbilling.vat.VatRates;

/**
 * Корректировочный счёт-фактура, appendix 2 to Decree 1137: per line rows А (before), Б (after), В (increase),
 * Г (decrease); totals of the В rows and of the Г rows. VAT at the rate of the corrected VAT invoice.
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
        Statement s = c.statement();
        Correction correction = c.correction();
        StringBuilder b = new StringBuilder();
        b.append("<div class=\"appendix\">Приложение № 2<br/>к постановлению Правительства Российской Федерации<br/>")
                .append("от 26 декабря 2011 г. № 1137</div>\n");
        b.append(Decree1137.title("КОРРЕКТИРОВОЧНЫЙ СЧЁТ-ФАКТУРА", c).replace("ИСПРАВЛЕНИЕ №", "ИСПРАВЛЕНИЕ КОРРЕКТИРОВОЧНОГО СЧЁТА-ФАКТУРЫ №"));
        b.append(Decree1137.ROWS);
        row(b, "к счёту-фактуре №", x(c.basis().number()) + " от " + Fmt.longDate(c.basis().date())
                + ", с учётом исправления № — от —", "(1б)");
        row(b, "Продавец:", x(s.seller().name()), "(2)");
        row(b, "Адрес:", x(s.seller().address()), "(2а)");
        row(b, "ИНН/КПП продавца:", Fmt.innKpp(s.seller().inn(), s.seller().kpp()), "(2б)");
        row(b, "Покупатель:", x(s.client().name()), "(3)");
        row(b, "Адрес:", x(s.client().legalAddress()), "(3а)");
        row(b, "ИНН/КПП покупателя:", Fmt.innKpp(s.client().inn(), s.client().kpp()), "(3б)");
        row(b, "Валюта: наименование, код:", "Российский рубль, 643", "(4)");
        row(b, "Идентификатор государственного контракта, договора (соглашения) (при наличии):", "—", "(5)");
        b.append("</table>\n");
        if (correction.reason() != null) {
            b.append("<div class=\"small\" style=\"margin-top:2pt\">Основание корректировки: ").append(x(correction.reason())).append("</div>");
        }
        b.append(table(correction, c.rate()));
        b.append(Decree1137.signatures(s.seller()));
        return Page.of("Корректировочный счёт-фактура № " + c.number(), true, Decree1137.CSS, b.toString());
    }

    private static String table(Correction correction, BigDecimal rate) {
        String percent = VatRates.percent(rate);
        StringBuilder b = new StringBuilder("<table class=\"grid lines\"><colgroup>");
        for (double width : new double[] {3, 24, 8, 4, 3, 5, 6, 7, 10, 6, 5, 9, 10}) {
            b.append("<col style=\"width:").append(width).append("%\"/>");
        }
        b.append("</colgroup><tr>")
                .append("<th rowspan=\"2\">№ п/п</th>")
                .append("<th rowspan=\"2\" colspan=\"2\">Наименование товара (описание выполненных работ, оказанных услуг), имущественного права</th>")
                .append("<th rowspan=\"2\">Код вида товара</th>")
                .append("<th colspan=\"2\">Единица измерения</th>")
                .append("<th rowspan=\"2\">Количество (объём)</th>")
                .append("<th rowspan=\"2\">Цена (тариф) за единицу измерения</th>")
                .append("<th rowspan=\"2\">Стоимость товаров (работ, услуг), имущественных прав без налога — всего</th>")
                .append("<th rowspan=\"2\">В том числе сумма акциза</th>")
                .append("<th rowspan=\"2\">Налоговая ставка</th>")
                .append("<th rowspan=\"2\">Сумма налога, предъявляемая покупателю</th>")
                .append("<th rowspan=\"2\">Стоимость товаров (работ, услуг), имущественных прав с налогом — всего</th>")
                .append("</tr><tr><th>код</th><th>условное обозначение (национальное)</th></tr>")
                .append("<tr class=\"numbers\"><td>1</td><td colspan=\"2\">1а</td><td>1б</td><td>2</td><td>2а</td><td>3</td>")
                .append("<td>4</td><td>5</td><td>6</td><td>7</td><td>8</td><td>9</td></tr>");
        Money upNet = Money.ZERO, upVat = Money.ZERO, upGross = Money.ZERO;
        Money downNet = Money.ZERO, downVat = Money.ZERO, downGross = Money.ZERO;
        int no = 0;
        for (Correction.Line line : correction.lines()) {
            Change ch = change(line, rate);
            no++;
            Money dNet = ch.netAfter().minus(ch.netBefore());
            Money dVat = ch.vatAfter().minus(ch.vatBefore());
            Money dGross = ch.grossAfter().minus(ch.grossBefore());
            b.append("<tr><td rowspan=\"4\" class=\"c\">").append(no).append("</td><td rowspan=\"4\">").append(x(line.name()))
                    .append("</td><td style=\"white-space:nowrap\">А (до изменения)</td><td rowspan=\"4\" class=\"c\">—</td>")
                    .append("<td rowspan=\"4\" class=\"c\">").append(x(line.unitCode())).append("</td><td rowspan=\"4\" class=\"c\">")
                    .append(x(line.unitName())).append("</td>")
                    .append(amounts(line.quantityBefore(), line.priceBefore(), ch.netBefore(), percent, ch.vatBefore(), ch.grossBefore()))
                    .append("</tr><tr><td>Б (после изменения)</td>")
                    .append(amounts(line.quantityAfter(), line.priceAfter(), ch.netAfter(), percent, ch.vatAfter(), ch.grossAfter()))
                    .append("</tr><tr><td>В (увеличение)</td>").append(delta(dNet, dVat, dGross, 1))
                    .append("</tr><tr><td>Г (уменьшение)</td>").append(delta(dNet, dVat, dGross, -1)).append("</tr>");
            if (dNet.amount().signum() > 0 || dNet.amount().signum() == 0 && dGross.amount().signum() > 0) {
                upNet = upNet.plus(dNet); upVat = upVat.plus(dVat); upGross = upGross.plus(dGross);
            } else {
                downNet = downNet.minus(dNet); downVat = downVat.minus(dVat); downGross = downGross.minus(dGross);
            }
        }
        b.append(total("Всего увеличение (сумма строк В)", upNet, upVat, upGross))
                .append(total("Всего уменьшение (сумма строк Г)", downNet, downVat, downGross));
        return b.append("</table>\n").toString();
    }

    private static String amounts(BigDecimal quantity, BigDecimal price, Money net, String percent, Money vat, Money gross) {
        return "<td class=\"r\">" + (quantity == null ? "—" : quantity(quantity)) + "</td><td class=\"r\">"
                + (price == null ? "—" : price(price)) + "</td><td class=\"r\">" + money(net)
                + "</td><td class=\"c\">без акциза</td><td class=\"c\">" + percent + "</td><td class=\"r\">" + money(vat)
                + "</td><td class=\"r\">" + money(gross) + "</td>";
    }

    /** row В shows an increase, row Г a decrease (as a positive amount); the other shows dashes */
    private static String delta(Money net, Money vat, Money gross, int sign) {
        boolean shown = Integer.signum(net.amount().signum() == 0 ? gross.amount().signum() : net.amount().signum()) == sign;
        if (!shown) {
            return "<td class=\"c\">X</td><td class=\"c\">X</td><td class=\"c\">—</td><td class=\"c\">—</td><td class=\"c\">X</td>"
                    + "<td class=\"c\">—</td><td class=\"c\">—</td>";
        }
        return "<td class=\"c\">X</td><td class=\"c\">X</td><td class=\"r\">" + money(abs(net))
                + "</td><td class=\"c\">без акциза</td><td class=\"c\">X</td><td class=\"r\">" + money(abs(vat))
                + "</td><td class=\"r\">" + money(abs(gross)) + "</td>";
    }

    private static Money abs(Money m) {
        return Money.of(m.amount().abs());
    }

    private static String total(String label, Money net, Money vat, Money gross) {
        return "<tr><td colspan=\"8\" class=\"b\">" + label + "</td><td class=\"r b\">" + money(net)
                + "</td><td colspan=\"2\" class=\"c\">X</td><td class=\"r b\">" + money(vat) + "</td><td class=\"r b\">"
                + money(gross) + "</td></tr>";
    }

    private static void row(StringBuilder b, String label, String value, String no) {
        Decree1137.row(b, label, value, no);
    }
}
