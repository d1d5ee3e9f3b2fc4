package ru.ccbilling.document.form;

import static ru.ccbilling.document.form.Fmt.money;
import static ru.ccbilling.document.form.Fmt.price;
import static ru.ccbilling.document.form.Fmt.quantity;
import static ru.ccbilling.document.form.Fmt.x;

import ru.ccbilling.document.TaxedLines;

/** The simple lines table of the invoice for payment and the act: №, name, quantity, unit, price, amount. */
final class LineTables {

    private LineTables() { }

    static String simple(TaxedLines taxed) {
        StringBuilder b = new StringBuilder("<table class=\"grid\" style=\"border:1.2pt solid #000\">")
                .append("<tr><th style=\"width:5%\">№</th><th>Товары (работы, услуги)</th><th style=\"width:10%\">Кол-во</th>")
                .append("<th style=\"width:6%\">Ед.</th><th style=\"width:12%\">Цена, руб.</th><th style=\"width:14%\">Сумма, руб.</th></tr>");
        for (TaxedLines.Line l : taxed.lines()) {
            b.append("<tr><td class=\"c\">").append(l.no()).append("</td><td>").append(x(l.line().name()))
                    .append("</td><td class=\"r\">").append(quantity(l.line().quantity())).append("</td><td class=\"c\">")
                    .append(x(l.line().unitName())).append("</td><td class=\"r\">").append(price(l.line().price()))
                    .append("</td><td class=\"r\">").append(money(l.line().net())).append("</td></tr>");
        }
        return b.append("</table>\n").toString();
    }

    /** the volume discount in words: it is in the prices of the network-minute lines, not a line of its own */
    static String discountNote(TaxedLines taxed) {
        if (taxed.discount().amount().signum() == 0) {
            return "";
        }
        return "<p class=\"small\">Стоимость сетевых минут указана с учётом скидки за объём: "
                + money(taxed.discount().amount().negate()) + " руб. без НДС.</p>\n";
    }
}
