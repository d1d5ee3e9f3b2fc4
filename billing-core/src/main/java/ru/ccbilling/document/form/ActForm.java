package ru.ccbilling.document.form;

import static ru.ccbilling.document.form.Fmt.initials;
import static ru.ccbilling.document.form.Fmt.money;
import static ru.ccbilling.document.form.Fmt.x;

import ru.ccbilling.document.AmountInWords;
import ru.ccbilling.document.DocumentContent;
import ru.ccbilling.document.Statement;
import ru.ccbilling.document.TaxedLines;
import ru.ccbilling.vat.VatRates;

/**
 * Акт оказанных услуг with the seven requisites of 402-FZ art. 9: the document's name, its date, the issuer,
 * the content of the transaction, quantities and amounts with units, the positions of the responsible persons,
 * their signatures with names.
 */
final class ActForm {

    private static final String CSS = """
            h1 { font-size: 13pt; margin: 0 0 4pt 0; padding-bottom: 3pt; border-bottom: 1.5pt solid #000; }
            .parties td { padding: 3pt 2pt; }
            .totals td { padding: 1pt 2.5pt; }
            .sign { margin-top: 20pt; width: 100%; }
            .sign td { padding: 0 3pt; }
            """;

    private ActForm() { }

    static String html(DocumentContent c) {
        Statement s = c.statement();
        Statement.Seller seller = s.seller();
        TaxedLines taxed = c.taxed();
        StringBuilder b = new StringBuilder();
        b.append("<h1>Акт № ").append(x(c.number())).append(" от ").append(Fmt.longDate(c.date())).append("</h1>\n");
        b.append("<p class=\"small\">об оказании услуг за период ").append(x(Fmt.monthName(s.month()))).append(" (с ")
                .append(Fmt.date(s.month().atDay(1))).append(" по ").append(Fmt.date(s.month().atEndOfMonth())).append(")</p>\n");
        b.append("<table class=\"parties\" style=\"width:100%\">")
                .append("<tr><td style=\"width:18%\">Исполнитель:</td><td class=\"b\">").append(x(seller.name()))
                .append(", ИНН ").append(x(seller.inn())).append(seller.kpp() == null ? "" : ", КПП " + x(seller.kpp()))
                .append(", ").append(x(seller.address())).append("</td></tr>")
                .append("<tr><td>Заказчик:</td><td class=\"b\">").append(x(s.client().name())).append(", ИНН ")
                .append(x(s.client().inn())).append(s.client().kpp() == null ? "" : ", КПП " + x(s.client().kpp()))
                .append(", ").append(x(s.client().legalAddress())).append("</td></tr>")
                .append("<tr><td>Основание:</td><td>").append(PaymentInvoiceForm.basis(s)).append("</td></tr></table>\n");
        b.append(LineTables.simple(taxed)).append(LineTables.discountNote(taxed));
        b.append("<table class=\"totals\" style=\"width:100%; margin-top:3pt\">")
                .append(total("Итого:", money(taxed.net())))
                .append(total("Сумма НДС (" + VatRates.percent(taxed.rate()) + "):", money(taxed.vat())))
                .append(total("Всего (с учётом НДС):", money(taxed.gross()))).append("</table>\n");
        b.append("<p>Всего оказано услуг ").append(taxed.lines().size()).append(", на сумму ").append(money(taxed.gross()))
                .append(" руб., в том числе НДС ").append(money(taxed.vat())).append(" руб.<br/><span class=\"b\">")
                .append(x(AmountInWords.of(taxed.gross()))).append("</span></p>\n");
        b.append("<p>Вышеперечисленные услуги оказаны полностью и в срок. Заказчик претензий по объёму, качеству и срокам ")
                .append("оказания услуг не имеет.</p>\n");
        String clientSignatory = s.client().signatory();
        b.append("<table class=\"sign\"><tr><td style=\"width:50%\" class=\"b\">ИСПОЛНИТЕЛЬ</td><td class=\"b\">ЗАКАЗЧИК</td></tr>")
                .append("<tr><td>Генеральный директор ").append(x(seller.name())).append("</td><td>")
                .append(clientSignatory == null ? "Представитель " + x(s.client().name()) : x(clientSignatory))
                .append("</td></tr></table>\n")
                .append("<table class=\"sign\" style=\"margin-top:14pt\"><tr>")
                .append("<td class=\"line\" style=\"width:20%\"></td><td style=\"width:25%\">/ ").append(x(initials(seller.head())))
                .append(" /</td><td style=\"width:5%\"></td><td class=\"line\" style=\"width:20%\"></td><td>/ ")
                .append(clientSignatory == null ? "____________________" : x(lastWords(clientSignatory))).append(" /</td></tr>")
                .append("<tr><td class=\"hint\">подпись</td><td class=\"hint\">расшифровка подписи</td><td></td>")
                .append("<td class=\"hint\">подпись</td><td class=\"hint\">расшифровка подписи</td></tr>")
                .append("<tr><td colspan=\"2\" class=\"small\" style=\"padding-top:8pt\">М. П.</td><td></td>")
                .append("<td colspan=\"2\" class=\"small\" style=\"padding-top:8pt\">М. П.</td></tr></table>\n");
        return Page.of("Акт № " + c.number(), false, CSS, b.toString());
    }

    /** the name part of «Генеральный директор Иванов И. И.»: the last three words */
    private static String lastWords(String signatory) {
        String[] words = signatory.trim().split("\\s+");
        int from = Math.max(0, words.length - 3);
        return String.join(" ", java.util.Arrays.copyOfRange(words, from, words.length));
    }

    private static String total(String label, String amount) {
        return "<tr><td class=\"r b\" style=\"width:85%\">" + label + "</td><td class=\"r b\">" + amount + "</td></tr>";
    }
}
