package ru.ccbilling.document.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import ru.ccbilling.api.model.DeliveryMethod;
import ru.ccbilling.api.model.Document;
import ru.ccbilling.api.model.DocumentPackage;
import ru.ccbilling.api.model.DocumentType;
import ru.ccbilling.document.IssuedDocument;
import ru.ccbilling.refusal.Refusal;

/** Domain documents as API models. */
final class DocumentViews {

    private DocumentViews() { }

    static Document view(IssuedDocument d) {
        return new Document(d.id(), d.packageId(), Document.KindEnum.fromValue(d.kind().name()),
                DocumentType.fromValue(d.type().name()), d.seller(), d.number(), d.date(), d.account(), d.month().toString(),
                d.clientName(), DeliveryMethod.fromValue(d.delivery().name()), d.vatRate().toPlainString(), d.net().toString(),
                d.vat().toString(), d.gross().toString(), d.sha256()).createdAt(d.createdAt());
    }

    static DocumentPackage pack(java.util.UUID id, List<IssuedDocument> documents) {
        return new DocumentPackage(id, documents.stream().map(DocumentViews::view).toList());
    }

    static YearMonth month(String field, String value) {
        if (value == null || value.isBlank()) {
            throw Refusal.invalid(field, "document.monthRequired");
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(field, "document.monthUnreadable", value);
        }
    }

    static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw Refusal.invalid(field, "value.required");
        }
        return value;
    }
}
