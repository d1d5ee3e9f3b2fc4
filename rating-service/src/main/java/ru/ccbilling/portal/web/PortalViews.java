package ru.ccbilling.portal.web;

import static ru.ccbilling.web.Decimals.plain;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import ru.ccbilling.api.model.Balance;
import ru.ccbilling.api.model.DeliveryMethod;
import ru.ccbilling.api.model.Document;
import ru.ccbilling.api.model.DocumentType;
import ru.ccbilling.api.model.EntryKind;
import ru.ccbilling.api.model.LedgerEntry;
import ru.ccbilling.document.IssuedDocument;
import ru.ccbilling.money.Money;
import ru.ccbilling.refusal.Refusal;

/**
 * Billing's documents, entries and balances in the contract's shape, as the portal shows them (billing's own
 * web adapters are internal to their modules, so the portal translates for itself).
 */
final class PortalViews {

    private PortalViews() { }

    static Document document(IssuedDocument d) {
        return new Document(d.id(), d.packageId(), Document.KindEnum.fromValue(d.kind().name()),
                DocumentType.fromValue(d.type().name()), d.seller(), d.number(), d.date(), d.account(), d.month().toString(),
                d.clientName(), DeliveryMethod.fromValue(d.delivery().name()), d.vatRate().toPlainString(), d.net().toString(),
                d.vat().toString(), d.gross().toString(), d.sha256()).createdAt(d.createdAt());
    }

    static LedgerEntry entry(ru.ccbilling.ledger.LedgerEntry e) {
        return new LedgerEntry(e.id(), e.account(), EntryKind.fromValue(e.kind().name()), e.period().toString(),
                e.entryDate(), e.amount().toString(), e.vat().toString(), e.kind().inClientBalance(), e.createdBy())
                .service(e.service()).component(e.component()).reference(e.reference()).quantity(plain(e.quantity()))
                .unit(e.unit()).rate(plain(e.rate())).vatRate(plain(e.vatRate()))
                .refersTo(e.refersTo() == null ? null : e.refersTo().toString())
                .corrects(e.corrects() == null ? null : EntryKind.fromValue(e.corrects().name()))
                .oldAmount(text(e.oldAmount())).newAmount(text(e.newAmount())).reason(e.reason())
                .reverses(e.reverses()).reversedBy(e.reversedBy()).createdAt(e.createdAt());
    }

    static Balance balance(ru.ccbilling.ledger.Balance b) {
        return new Balance(b.net().toString(), b.vat().toString(), b.paid().toString(), b.balance().toString(),
                Money.CURRENCY);
    }

    static YearMonth month(String field, String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(field, "portal.month.unreadable", value);
        }
    }

    private static String text(Money money) {
        return money == null ? null : money.toString();
    }
}
