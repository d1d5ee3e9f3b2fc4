package ru.ccbilling.document.form;

import ru.ccbilling.document.DocumentContent;

/** The printed form of each document type, as XHTML (the preview) that {@link PdfRendering} turns into the PDF. */
public final class Forms {

    private Forms() { }

    public static String html(DocumentContent content) {
        return switch (content.type()) {
            case INVOICE -> PaymentInvoiceForm.html(content);
            case ACT -> ActForm.html(content);
            case VAT_INVOICE -> VatInvoiceForm.html(content);
            case UPD -> UpdForm.html(content);
            case CORRECTION_VAT_INVOICE -> CorrectionInvoiceForm.html(content);
        };
    }
}
