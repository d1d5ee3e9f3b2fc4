package ru.ccbilling.document.form;

import static ru.ccbilling.document.form.Fmt.initials;
import static ru.ccbilling.document.form.Fmt.money;
import static ru.ccbilling.document.form.Fmt.price;
import static ru.ccbilling.document.form.Fmt.quantity;
import static ru.ccbilling.document.form.Fmt.x;

import java.time.LocalDate;

import ru.ccbilling.document.DocumentContent;
import ru.ccbilling.document.Statement;
import ru.ccbilling.document.TaxedLines;
import ru.ccbilling.vat.VatRates;

/**
 * The parts of the VAT invoice form of Decree 1137 (appendix 1) that the UPD repeats: the header rows (1)–(8)
 * with row (5б) on forms dated from 2026-04-01 (Decree 26 of 23.01.2026), the table with columns 1–14, the
 * signatures of the head and the chief accountant.
 */
final class Decree1137 {

    /** the form with row 5б is mandatory from this date */
    static final LocalDate ROW_5B_FROM = LocalDate.of(2026, 4, 1);

    static final String CSS = """
            .appendix { text-align: right; font-size: 6.5pt; line-height: 1.25; }
            .title td { padding: 0 3pt 1pt 0; font-size: 10pt; font-weight: bold; }
            .title .val { border-bottom: 0.6pt solid #000; text-align: center; }
            .rows { table-layout: fixed; width: 100%; }
            .rows td { padding: 0.4pt 3pt 0.4pt 0; }
            .rows .val { border-bottom: 0.5pt solid #000; }
            .lines { table-layout: fixed; }
            .rows .no { white-space: nowrap; text-align: right; padding-left: 4pt; }
            .lines { margin-top: 4pt; }
            .lines th { font-size: 6.3pt; line-height: 1.15; }
            .lines td { font-size: 7pt; }
            .lines td.small { font-size: 6pt; }
            .sign { margin-top: 6pt; width: 100%; }
            .sign td { padding: 0 3pt; vertical-align: bottom; }
            """;

    private Decree1137() { }

    static String appendix(LocalDate date) {
        return "<div class=\"appendix\">Приложение № 1<br/>к постановлению Правительства Российской Федерации<br/>"
                + "от 26 декабря 2011 г. № 1137<br/>(в редакции постановления Правительства Российской Федерации<br/>"
                + (date.isBefore(ROW_5B_FROM) ? "от 16 августа 2024 г. № 1096)" : "от 23 января 2026 г. № 26)") + "</div>\n";
    }

    /** "СЧЁТ-ФАКТУРА № … от … (1)" and "ИСПРАВЛЕНИЕ № … от … (1а)" */
    static String title(String name, DocumentContent c) {
        return "<table class=\"title\"><tr><td>" + name + " №</td><td class=\"val\" style=\"width:70pt\">" + x(c.number())
                + "</td><td>от</td><td class=\"val\" style=\"width:120pt\">" + Fmt.longDate(c.date()) + "</td><td>(1)</td></tr>"
                + "<tr><td>ИСПРАВЛЕНИЕ №</td><td class=\"val\">—</td><td>от</td><td class=\"val\">—</td><td>(1а)</td></tr></table>\n";
    }

    /** rows (2)–(8); {@code shipment} is row 5а's "№ п/п 1–N № … от …" */
    static String rows(DocumentContent c) {
        Statement s = c.statement();
        Statement.Seller seller = s.seller();
        int n = s.lines().size();
        String shipment = c.basis() == null ? "—"
                : "№ п/п 1–" + n + " № " + x(c.basis().number()) + " от " + Fmt.date(c.basis().date());
        StringBuilder b = new StringBuilder(ROWS);
        row(b, "Продавец:", x(seller.name()), "(2)");
        row(b, "Адрес:", x(seller.address()), "(2а)");
        row(b, "ИНН/КПП продавца:", Fmt.innKpp(seller.inn(), seller.kpp()), "(2б)");
        row(b, "Грузоотправитель и его адрес:", "—", "(3)");
        row(b, "Грузополучатель и его адрес:", "—", "(4)");
        row(b, "К платёжно-расчётному документу №", "— от —", "(5)");
        row(b, "Документ об отгрузке:", shipment, "(5а)");
        if (!c.date().isBefore(ROW_5B_FROM)) {
            row(b, "К счёту-фактуре, выставленному при получении оплаты (частичной оплаты):", "№ — от —", "(5б)");
        }
        row(b, "Покупатель:", x(s.client().name()), "(6)");
        row(b, "Адрес:", x(s.client().legalAddress()), "(6а)");
        row(b, "ИНН/КПП покупателя:", Fmt.innKpp(s.client().inn(), s.client().kpp()), "(6б)");
        row(b, "Валюта: наименование, код:", "Российский рубль, 643", "(7)");
        row(b, "Идентификатор государственного контракта, договора (соглашения) (при наличии):", "—", "(8)");
        return b.append("</table>\n").toString();
    }

    /** the header rows' table: a label, the underlined value, the row's number */
    static final String ROWS = "<table class=\"rows\"><colgroup><col style=\"width:27%\"/><col style=\"width:68%\"/>"
            + "<col style=\"width:5%\"/></colgroup>";

    static void row(StringBuilder b, String label, String value, String no) {
        b.append("<tr><td>").append(label).append("</td><td class=\"val\">").append(value)
                .append("</td><td class=\"no\">").append(no).append("</td></tr>");
    }

    /** the table with columns 1–14; the UPD adds А (№ п/п) and Б (code) and numbers the name column 1 */
    static String table(TaxedLines taxed, boolean upd) {
        StringBuilder b = new StringBuilder("<table class=\"grid lines\"><colgroup>");
        for (double width : upd ? UPD_WIDTHS : WIDTHS) {
            b.append("<col style=\"width:").append(width).append("%\"/>");
        }
        b.append("</colgroup><tr>");
        if (upd) {
            b.append(th(2, 1, "№ п/п", 3)).append(th(2, 1, "Код товара/ работ, услуг", 5));
        } else {
            b.append(th(2, 1, "№ п/п", 3));
        }
        b.append(th(2, 1, "Наименование товара (описание выполненных работ, оказанных услуг), имущественного права", 20))
                .append(th(2, 1, "Код вида товара", 4))
                .append(th(1, 2, "Единица измерения", 8))
                .append(th(2, 1, "Количество (объём)", 6))
                .append(th(2, 1, "Цена (тариф) за единицу измерения", 6))
                .append(th(2, 1, "Стоимость товаров (работ, услуг), имущественных прав без налога — всего", 8))
                .append(th(2, 1, "В том числе сумма акциза", 5))
                .append(th(2, 1, "Нало&#173;говая ставка", 4))
                .append(th(2, 1, "Сумма налога, предъявляемая покупателю", 7))
                .append(th(2, 1, "Стоимость товаров (работ, услуг), имущественных прав с налогом — всего", 8))
                .append(th(1, 2, "Страна происхождения товара", 7))
                .append(th(2, 1, "Регистра&#173;ционный номер декларации на товары или регистрационный номер партии товара, подлежащего прослежи&#173;ваемости", 9))
                .append(th(1, 2, "Количест&#173;венная единица измерения товара, используемая в целях осуществ&#173;ления прослежи&#173;ваемости", 8))
                .append(th(2, 1, "Количество товара, подлежащего прослежи&#173;ваемости, в количественной единице измерения", 6))
                .append(th(2, 1, "Стоимость товара, подлежащего прослежи&#173;ваемости, без НДС, руб.", 6))
                .append("</tr><tr>").append(th(1, 1, "код", 0)).append(th(1, 1, "условное обозначение (национальное)", 0))
                .append(th(1, 1, "цифро&#173;вой код", 0)).append(th(1, 1, "краткое наиме&#173;нование", 0))
                .append(th(1, 1, "код", 0)).append(th(1, 1, "условное обозначение", 0)).append("</tr>");
        String[] numbers = upd
                ? new String[] {"А", "Б", "1", "1а", "2", "2а", "3", "4", "5", "6", "7", "8", "9", "10", "10а", "11", "12", "12а", "13", "14"}
                : new String[] {"1", "1а", "1б", "2", "2а", "3", "4", "5", "6", "7", "8", "9", "10", "10а", "11", "12", "12а", "13", "14"};
        b.append("<tr class=\"numbers\">");
        for (String no : numbers) {
            b.append("<td>").append(no).append("</td>");
        }
        b.append("</tr>");
        String percent = VatRates.percent(taxed.rate());
        for (TaxedLines.Line l : taxed.lines()) {
            b.append("<tr><td class=\"c\">").append(l.no()).append("</td>");
            if (upd) {
                b.append("<td class=\"c\">—</td>");
            }
            b.append("<td>").append(x(l.line().name())).append("</td><td class=\"c\">—</td><td class=\"c\">")
                    .append(x(l.line().unitCode())).append("</td><td class=\"c\">").append(x(l.line().unitName()))
                    .append("</td><td class=\"r\">").append(quantity(l.line().quantity())).append("</td><td class=\"r\">")
                    .append(price(l.line().price())).append("</td><td class=\"r\">").append(money(l.line().net()))
                    .append("</td><td class=\"c small\">без акциза</td><td class=\"c\">").append(percent).append("</td><td class=\"r\">")
                    .append(money(l.vat())).append("</td><td class=\"r\">").append(money(l.gross())).append("</td>")
                    .append("<td class=\"c\">—</td><td class=\"c\">—</td><td class=\"c\">—</td><td class=\"c\">—</td>")
                    .append("<td class=\"c\">—</td><td class=\"c\">—</td><td class=\"c\">—</td></tr>");
        }
        b.append("<tr><td colspan=\"").append(upd ? 8 : 7).append("\" class=\"b\">Всего к оплате (9)</td><td class=\"r b\">")
                .append(money(taxed.net())).append("</td><td colspan=\"2\" class=\"c\">X</td><td class=\"r b\">")
                .append(money(taxed.vat())).append("</td><td class=\"r b\">").append(money(taxed.gross()))
                .append("</td><td colspan=\"7\" style=\"border:none\"></td></tr>");
        return b.append("</table>\n").toString();
    }

    /** column widths in per cent: 1, 1а, 1б, 2, 2а, 3, 4, 5, 6, 7, 8, 9, 10, 10а, 11, 12, 12а, 13, 14 */
    private static final double[] WIDTHS = {2.5, 17, 3.5, 3, 4.5, 5, 5, 7, 4.5, 3.5, 6.5, 7, 3.5, 4.5, 7, 3, 4, 5, 5.5};
    /** А, Б, 1, 1а, 2, 2а, 3, 4, 5, 6, 7, 8, 9, 10, 10а, 11, 12, 12а, 13, 14 */
    private static final double[] UPD_WIDTHS = {2.5, 3.5, 13.5, 3.5, 3, 4.5, 5, 5, 7, 4.5, 3.5, 6.5, 7, 3.5, 4.5, 7, 3, 4, 5, 5.5};

    private static String th(int rows, int cols, String text, int widthPercent) {
        return "<th" + (rows > 1 ? " rowspan=\"" + rows + "\"" : "") + (cols > 1 ? " colspan=\"" + cols + "\"" : "")
                + ">" + text + "</th>";
    }

    /** the head's and chief accountant's signatures, then the individual entrepreneur's (not ours: dashes) */
    static String signatures(Statement.Seller seller) {
        return "<table class=\"sign\"><tr>"
                + "<td style=\"width:17%\">Руководитель организации или иное уполномоченное лицо</td>"
                + "<td class=\"line\" style=\"width:10%\"></td><td class=\"line c\" style=\"width:14%\">" + x(initials(seller.head())) + "</td>"
                + "<td style=\"width:4%\"></td>"
                + "<td style=\"width:17%\">Главный бухгалтер или иное уполномоченное лицо</td>"
                + "<td class=\"line\" style=\"width:10%\"></td><td class=\"line c\" style=\"width:14%\">" + x(initials(seller.chiefAccountant())) + "</td>"
                + "<td></td></tr><tr><td></td><td class=\"hint\">(подпись)</td><td class=\"hint\">(ф.и.о.)</td><td></td><td></td>"
                + "<td class=\"hint\">(подпись)</td><td class=\"hint\">(ф.и.о.)</td><td></td></tr>"
                + "<tr><td style=\"padding-top:6pt\">Индивидуальный предприниматель или иное уполномоченное лицо</td>"
                + "<td class=\"line\"></td><td class=\"line c\">—</td><td></td>"
                + "<td colspan=\"3\" class=\"line c\">—</td><td></td></tr>"
                + "<tr><td></td><td class=\"hint\">(подпись)</td><td class=\"hint\">(ф.и.о.)</td><td></td>"
                + "<td colspan=\"3\" class=\"hint\">(реквизиты свидетельства о государственной регистрации индивидуального предпринимателя)</td>"
                + "<td></td></tr></table>\n";
    }
}
