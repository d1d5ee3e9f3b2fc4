package ru.ccbilling.document.form;

import java.util.Map;

import ru.ccbilling.document.DocumentContent;
import ru.ccbilling.document.Statement;

/**
 * Универсальный передаточный документ, status 1 (VAT invoice and transfer document), in the layout of the
 * FNS letter ММВ-20-3/96@: template {@code upd.mustache}.
 */
final class UpdForm {

    private UpdForm() { }

    static String html(DocumentContent c) {
        Statement s = c.statement();
        Map<String, Object> m = Decree1137.model(c, "УПД № " + c.number(), "Счёт-фактура", true);
        m.put("basisText", s.contract() == null ? "Лицевой счёт " + FormModel.text(s.account())
                : "Договор " + FormModel.text(s.contract()));
        return Templates.render("upd", m);
    }
}
