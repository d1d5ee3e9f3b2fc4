package ru.ccbilling.document.form;

import ru.ccbilling.document.DocumentContent;

/** Счёт-фактура in the form of appendix 1 to Decree 1137, landscape: template {@code vat-invoice.mustache}. */
final class VatInvoiceForm {

    private VatInvoiceForm() { }

    static String html(DocumentContent c) {
        return Templates.render("vat-invoice", Decree1137.model(c, "Счёт-фактура № " + c.number(), "СЧЁТ-ФАКТУРА", false));
    }
}
