package ru.ccbilling.document.form;

import static ru.ccbilling.document.form.Fmt.initials;
import static ru.ccbilling.document.form.Fmt.money;
import static ru.ccbilling.document.form.Fmt.quantity;
import static ru.ccbilling.document.form.Fmt.x;

import ru.ccbilling.document.AmountInWords;
import ru.ccbilling.document.DocumentContent;
import ru.ccbilling.document.Statement;
import ru.ccbilling.document.TaxedLines;
import ru.ccbilling.vat.VatRates;

/** Счёт на оплату: the consolidated invoice over all services of the month, with the seller's bank details. */
final class PaymentInvoiceForm {

    private static final String CSS = """
            .bank td { border: 0.6pt solid #000; padding: 2pt 3pt; }
            h1 { font-size: 13pt; margin: 10pt 0 4pt 0; padding-bottom: 3pt; border-bottom: 1.5pt solid #000; }
            .parties td { padding: 3pt 2pt; }
            .totals td { padding: 1pt 2.5pt; }
            .sign { margin-top: 18pt; width: 100%; }
            .sign td { padding: 0 4pt; }
            """;

    private PaymentInvoiceForm() { }

    static String html(DocumentContent c) {
        Statement s = c.statement();
        Statement.Seller seller = s.seller();
        TaxedLines taxed = c.taxed();
        StringBuilder b = new StringBuilder();
        b.append("<table class=\"bank\" style=\"width:100%\">")
                .append("<tr><td colspan=\"2\" rowspan=\"2\" style=\"width:58%\">").append(x(seller.bank().name()))
                .append("<br/><span class=\"small\">Банк получателя</span></td><td style=\"width:8%\">БИК</td><td>")
                .append(x(seller.bank().bik())).append("</td></tr>")
                .append("<tr><td>Сч. №</td><td>").append(x(seller.bank().correspondentAccount())).append("</td></tr>")
                .append("<tr><td>ИНН ").append(x(seller.inn())).append("</td><td>КПП ").append(x(seller.kpp()))
                .append("</td><td rowspan=\"2\">Сч. №</td><td rowspan=\"2\">").append(x(seller.bank().settlementAccount()))
                .append("</td></tr>")
                .append("<tr><td colspan=\"2\">").append(x(seller.name()))
                .append("<br/><span class=\"small\">Получатель</span></td></tr></table>\n");
        b.append("<h1>Счёт на оплату № ").append(x(c.number())).append(" от ").append(Fmt.longDate(c.date())).append("</h1>\n");
        b.append("<table class=\"parties\" style=\"width:100%\">")
                .append("<tr><td style=\"width:22%\">Поставщик<br/>(Исполнитель):</td><td class=\"b\">").append(x(seller.name()))
                .append(", ИНН ").append(x(seller.inn())).append(seller.kpp() == null ? "" : ", КПП " + x(seller.kpp()))
                .append(", ").append(x(seller.address())).append(seller.phone() == null ? "" : ", тел.: " + x(seller.phone()))
                .append("</td></tr>")
                .append("<tr><td>Покупатель<br/>(Заказчик):</td><td class=\"b\">").append(x(s.client().name()))
                .append(", ИНН ").append(x(s.client().inn())).append(s.client().kpp() == null ? "" : ", КПП " + x(s.client().kpp()))
                .append(", ").append(x(s.client().legalAddress())).append("</td></tr>")
                .append("<tr><td>Основание:</td><td>").append(basis(s)).append("</td></tr></table>\n");
        b.append(LineTables.simple(taxed)).append(LineTables.discountNote(taxed));
        b.append("<table class=\"totals\" style=\"width:100%; margin-top:3pt\">")
                .append(total("Итого без НДС:", money(taxed.net())))
                .append(total("НДС " + VatRates.percent(taxed.rate()) + ":", money(taxed.vat())))
                .append(total("Всего к оплате:", money(taxed.gross()))).append("</table>\n");
        b.append("<p>Всего наименований ").append(taxed.lines().size()).append(", на сумму ").append(money(taxed.gross()))
                .append(" руб.<br/><span class=\"b\">").append(x(AmountInWords.of(taxed.gross()))).append("</span></p>\n");
        b.append("<p class=\"small\">Оплатить не позднее 15-го числа месяца, следующего за расчётным периодом (")
                .append(x(Fmt.monthName(s.month()))).append("). В назначении платежа укажите номер счёта и лицевой счёт ")
                .append(x(s.account())).append(".</p>\n");
        b.append("<table class=\"sign\"><tr><td style=\"width:12%\" class=\"b\">Руководитель</td>")
                .append("<td class=\"line\" style=\"width:20%\"></td><td class=\"line\" style=\"width:18%\">")
                .append(x(initials(seller.head()))).append("</td><td style=\"width:12%\" class=\"b\">Бухгалтер</td>")
                .append("<td class=\"line\" style=\"width:20%\"></td><td class=\"line\" style=\"width:18%\">")
                .append(x(initials(seller.chiefAccountant()))).append("</td></tr>")
                .append("<tr><td></td><td class=\"hint\">подпись</td><td class=\"hint\">расшифровка подписи</td><td></td>")
                .append("<td class=\"hint\">подпись</td><td class=\"hint\">расшифровка подписи</td></tr></table>\n");
        return Page.of("Счёт на оплату № " + c.number(), false, CSS, b.toString());
    }

    static String basis(Statement s) {
        return s.contract() == null ? "Лицевой счёт " + x(s.account()) : "Договор " + x(s.contract()) + ", лицевой счёт " + x(s.account());
    }

    private static String total(String label, String amount) {
        return "<tr><td class=\"r b\" style=\"width:85%\">" + label + "</td><td class=\"r b\">" + amount + "</td></tr>";
    }
}
