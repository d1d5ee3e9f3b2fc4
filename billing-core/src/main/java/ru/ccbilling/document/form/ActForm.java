package ru.ccbilling.document.form;

import java.util.Map;

import ru.ccbilling.document.AmountInWords;
import ru.ccbilling.document.DocumentContent;

/**
 * Акт оказанных услуг with the seven requisites of 402-FZ art. 9: template {@code act.mustache}.
 */
final class ActForm {

    private ActForm() { }

    static String html(DocumentContent c) {
        Map<String, Object> m = FormModel.of(c, "Акт № " + c.number(), false);
        m.put("amountInWords", AmountInWords.of(c.taxed().gross()));
        return Templates.render("act", m);
    }
}
