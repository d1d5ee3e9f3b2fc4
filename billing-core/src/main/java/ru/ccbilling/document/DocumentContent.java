package ru.ccbilling.document;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Everything a printed form shows, fixed when the document is issued and stored with it, so that the same
 * content renders to the same bytes for ever.
 *
 * @param basis      the document this one refers to: for a VAT invoice the act (row 5а), for a correction VAT
 *                   invoice the VAT invoice corrected (row 1б); null otherwise
 * @param correction for a correction VAT invoice, what changed; null otherwise
 */
public record DocumentContent(DocumentType type, String number, LocalDate date, BigDecimal rate, Statement statement,
                              Reference basis, Correction correction) {

    public record Reference(String number, LocalDate date) { }

    public TaxedLines taxed() {
        return TaxedLines.of(statement.lines(), rate);
    }
}
