package ru.ccbilling.document.form;

import java.time.LocalDate;
import java.util.Map;

import ru.ccbilling.document.DocumentContent;

/**
 * What the forms of Decree 1137 (the VAT invoice, the UPD, the correction VAT invoice) share: row (5б) on forms dated
 * from 2026-04-01 (Decree 26 of 23.01.2026); their parts are the partials {@code _1137-*.mustache}.
 */
final class Decree1137 {

    /** the form with row 5б is mandatory from this date */
    static final LocalDate ROW_5B_FROM = LocalDate.of(2026, 4, 1);

    private Decree1137() { }

    /** the model of the VAT invoice and the UPD (appendix 1) */
    static Map<String, Object> model(DocumentContent c, String title, String formName, boolean upd) {
        Map<String, Object> m = FormModel.of(c, title, true);
        m.put("formName", formName);
        m.put("correctionName", "ИСПРАВЛЕНИЕ");
        m.put("row5b", !c.date().isBefore(ROW_5B_FROM));
        m.put("upd", upd);
        return m;
    }
}
