package ru.ccbilling.document.form;

import java.util.Map;

import ru.ccbilling.document.AmountInWords;
import ru.ccbilling.document.DocumentContent;

/** Счёт на оплату: the consolidated invoice over all services of the month: template {@code payment-invoice.mustache}. */
final class PaymentInvoiceForm {

    private PaymentInvoiceForm() { }

    static String html(DocumentContent c) {
        Map<String, Object> m = FormModel.of(c, "Счёт на оплату № " + c.number(), false);
        m.put("amountInWords", AmountInWords.of(c.taxed().gross()));
        return Templates.render("payment-invoice", m);
    }
}
