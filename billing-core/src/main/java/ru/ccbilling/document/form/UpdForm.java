package ru.ccbilling.document.form;

import static ru.ccbilling.document.form.Fmt.initials;
import static ru.ccbilling.document.form.Fmt.x;

import ru.ccbilling.document.DocumentContent;
import ru.ccbilling.document.Statement;

/**
 * Универсальный передаточный документ, status 1 (VAT invoice and transfer document), in the layout of the
 * FNS letter ММВ-20-3/96@: the status block on the left, the VAT invoice rows and table (with columns А and Б),
 * then the transfer part, rows [8]–[19].
 */
final class UpdForm {

    private static final String CSS = Decree1137.CSS + """
            .frame { width: 100%; }
            .frame > tbody > tr > td { vertical-align: top; }
            .status { border: 0.8pt solid #000; padding: 2pt; margin-top: 4pt; font-size: 7pt; }
            .upd-name { font-size: 9pt; font-weight: bold; line-height: 1.2; }
            .transfer { width: 100%; margin-top: 6pt; border-top: 1pt solid #000; }
            .transfer td { padding: 1pt 3pt; vertical-align: bottom; }
            .transfer .label { font-size: 7pt; }
            .transfer .no { text-align: right; white-space: nowrap; width: 4%; }
            .half { width: 50%; vertical-align: top; }
            .left-rule { border-left: 0.8pt solid #000; }
            """;

    private UpdForm() { }

    static String html(DocumentContent c) {
        Statement s = c.statement();
        String appendix = "<div class=\"appendix\">Приложение № 1<br/>к письму ФНС России от 21.10.2013 № ММВ-20-3/96@<br/>"
                + "Форма счёта-фактуры — приложение № 1 к постановлению Правительства<br/>Российской Федерации от 26 декабря 2011 г. № 1137</div>\n";
        String left = "<div class=\"upd-name\">Универсальный<br/>передаточный<br/>документ</div>"
                + "<div class=\"status\">Статус: <b style=\"font-size:11pt\">1</b></div>"
                + "<div class=\"small\" style=\"margin-top:3pt\">1 — счёт-фактура и передаточный документ (акт)<br/>"
                + "2 — передаточный документ (акт)</div>";
        String body = appendix + "<table class=\"frame\"><tr><td style=\"width:13%; padding-right:4pt\">" + left
                + "</td><td class=\"left-rule\" style=\"padding-left:4pt\">" + Decree1137.title("Счёт-фактура", c)
                + Decree1137.rows(c) + "</td></tr></table>\n" + Decree1137.table(c.taxed(), true)
                + Decree1137.signatures(s.seller()) + transfer(c);
        return Page.of("УПД № " + c.number(), true, CSS, body);
    }

    private static String transfer(DocumentContent c) {
        Statement s = c.statement();
        Statement.Seller seller = s.seller();
        String basis = s.contract() == null ? "Лицевой счёт " + x(s.account()) : "Договор " + x(s.contract());
        StringBuilder b = new StringBuilder("<table class=\"transfer\">");
        b.append("<tr><td colspan=\"2\" class=\"label\">Основание передачи (сдачи) / получения (приёмки)</td><td class=\"line\">")
                .append(basis).append("</td><td class=\"no\">[8]</td></tr>")
                .append("<tr><td colspan=\"2\" class=\"label\">Данные о транспортировке и грузе</td><td class=\"line\">—</td>")
                .append("<td class=\"no\">[9]</td></tr></table>\n");
        b.append("<table style=\"width:100%\"><tr><td class=\"half\">")
                .append(side("Товар (груз) передал / услуги, результаты работ, права сдал", "[10]",
                        "Генеральный директор", initials(seller.head())))
                .append(field("Дата отгрузки, передачи (сдачи)", Fmt.longDate(s.shipmentDate()), "[11]"))
                .append(field("Иные сведения об отгрузке, передаче", "—", "[12]"))
                .append(side("Ответственный за правильность оформления факта хозяйственной жизни", "[13]",
                        "Главный бухгалтер", initials(seller.chiefAccountant())))
                .append(field("Наименование экономического субъекта — составителя документа (в т.ч. комиссионера / агента)",
                        x(seller.name()) + ", ИНН/КПП " + Fmt.innKpp(seller.inn(), seller.kpp()), "[14]"))
                .append("<div class=\"small\">М. П.</div></td><td class=\"half left-rule\">")
                .append(side("Товар (груз) получил / услуги, результаты работ, права принял", "[15]", "", ""))
                .append(field("Дата получения (приёмки)", "«____» ____________ 20___ г.", "[16]"))
                .append(field("Иные сведения о получении, приёмке", "—", "[17]"))
                .append(side("Ответственный за правильность оформления факта хозяйственной жизни", "[18]", "", ""))
                .append(field("Наименование экономического субъекта — составителя документа",
                        x(s.client().name()) + ", ИНН/КПП " + Fmt.innKpp(s.client().inn(), s.client().kpp()), "[19]"))
                .append("<div class=\"small\">М. П.</div></td></tr></table>\n");
        return b.toString();
    }

    private static String side(String label, String no, String position, String name) {
        return "<table class=\"transfer\" style=\"border:none; margin-top:2pt\"><tr><td colspan=\"3\" class=\"label\">" + label
                + "</td><td></td></tr><tr><td class=\"line c\" style=\"width:32%\">" + x(position).replace("—", "")
                + "</td><td class=\"line\" style=\"width:25%\"></td><td class=\"line c\">" + x(name).replace("—", "")
                + "</td><td class=\"no\">" + no + "</td></tr><tr><td class=\"hint\">(должность)</td><td class=\"hint\">(подпись)</td>"
                + "<td class=\"hint\">(ф.и.о.)</td><td></td></tr></table>";
    }

    private static String field(String label, String value, String no) {
        return "<table class=\"transfer\" style=\"border:none\"><tr><td class=\"label\" style=\"width:40%\">" + label
                + "</td><td class=\"line\">" + value + "</td><td class=\"no\">" + no + "</td></tr></table>";
    }
}
