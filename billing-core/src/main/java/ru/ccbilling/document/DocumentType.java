package ru.ccbilling.document;

/**
 * The documents finance issues. Each is numbered from a sequence: VAT invoices, correction VAT invoices and
 * UPDs (status 1, which is a VAT invoice) share one chronological sequence, as the Decree 1137 practice requires;
 * under a seller's SEPARATE numbering policy correction VAT invoices have their own ({@link InvoiceNumbering#sequence}).
 */
public enum DocumentType {
    /** счёт на оплату: the consolidated invoice over all services of the month */
    INVOICE("INVOICE"),
    /** акт оказанных услуг */
    ACT("ACT"),
    /** счёт-фактура, Decree 1137 appendix 1 */
    VAT_INVOICE("VAT_INVOICE"),
    /** корректировочный счёт-фактура, Decree 1137 appendix 2 */
    CORRECTION_VAT_INVOICE("VAT_INVOICE"),
    /** универсальный передаточный документ, status 1 (VAT invoice and transfer document) */
    UPD("VAT_INVOICE");

    private final String sequence;

    DocumentType(String sequence) {
        this.sequence = sequence;
    }

    /** the counter this type takes its numbers from */
    public String sequence() {
        return sequence;
    }

    /** whether the type's reset period follows another type's (the one that owns the shared sequence) */
    public DocumentType sequenceOwner() {
        return DocumentType.valueOf(sequence);
    }
}
