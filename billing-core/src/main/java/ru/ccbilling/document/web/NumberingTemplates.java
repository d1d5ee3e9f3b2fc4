package ru.ccbilling.document.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import ru.ccbilling.api.model.DocumentType;
import ru.ccbilling.api.model.NumberingTemplate;
import ru.ccbilling.document.InvoiceNumbering;
import ru.ccbilling.document.Sellers;
import ru.ccbilling.refusal.Refusal;

/** Numbering templates between the API model and {@link InvoiceNumbering}. */
@Component
class NumberingTemplates {

    private final InvoiceNumbering numbering;
    private final Sellers sellers;

    NumberingTemplates(InvoiceNumbering numbering, Sellers sellers) {
        this.numbering = numbering;
        this.sellers = sellers;
    }

    List<NumberingTemplate> list(String seller) {
        List<NumberingTemplate> out = new ArrayList<>();
        for (String code : seller == null ? sellers.codes() : List.of(seller)) {
            numbering.templates(code).forEach(t -> out.add(view(t)));
        }
        return out;
    }

    NumberingTemplate put(NumberingTemplate t) {
        if (t.getSeller() == null || t.getSeller().isBlank()) {
            throw Refusal.invalid("seller", "value.required");
        }
        if (t.getDocumentType() == null) {
            throw Refusal.invalid("documentType", "value.required");
        }
        if (t.getReset() == null) {
            throw Refusal.invalid("reset", "document.resetRequired");
        }
        var saved = numbering.save(new ru.ccbilling.document.NumberingTemplate(t.getSeller(),
                ru.ccbilling.document.DocumentType.valueOf(t.getDocumentType().getValue()), t.getTemplate(),
                t.getDivision() == null || t.getDivision().isBlank() ? null : t.getDivision(),
                ru.ccbilling.document.NumberingTemplate.Reset.valueOf(t.getReset().getValue())));
        return view(saved);
    }

    private NumberingTemplate view(ru.ccbilling.document.NumberingTemplate t) {
        return new NumberingTemplate(t.seller(), DocumentType.fromValue(t.type().name()), t.template(),
                NumberingTemplate.ResetEnum.fromValue(t.reset().name())).division(t.division()).sequence(numbering.sequence(t.seller(), t.type()));
    }
}
