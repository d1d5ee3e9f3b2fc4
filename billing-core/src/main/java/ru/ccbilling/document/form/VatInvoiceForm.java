package ru.ccbilling.document.form;

import ru.ccbilling.document.DocumentContent;

/** Счёт-фактура in the form of appendix 1 to Decree 1137, landscape. */
final class VatInvoiceForm {

    private VatInvoiceForm() { }

    static String html(DocumentContent c) {
        String body = Decree1137.appendix(c.date()) + Decree1137.title("СЧЁТ-ФАКТУРА", c) + Decree1137.rows(c)
                + Decree1137.table(c.taxed(), false) + Decree1137.signatures(c.statement().seller());
        return Page.of("Счёт-фактура № " + c.number(), true, Decree1137.CSS, body);
    }
}
