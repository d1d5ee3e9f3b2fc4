package ru.ccbilling.ledger.web;

import static ru.ccbilling.web.Decimals.plain;

import ru.ccbilling.api.model.EntryKind;
import ru.ccbilling.ledger.LedgerEntry;
import ru.ccbilling.money.Money;

/** Ledger entries in the contract's shape. */
final class LedgerEntries {

    private LedgerEntries() { }

    static ru.ccbilling.api.model.LedgerEntry view(LedgerEntry e) {
        return new ru.ccbilling.api.model.LedgerEntry(e.id(), e.account(), EntryKind.fromValue(e.kind().name()),
                e.period().toString(), e.entryDate(), e.amount().toString(), e.vat().toString(), e.kind().inClientBalance(),
                e.createdBy())
                .service(e.service()).component(e.component()).reference(e.reference()).quantity(plain(e.quantity()))
                .unit(e.unit()).rate(plain(e.rate())).vatRate(plain(e.vatRate()))
                .refersTo(e.refersTo() == null ? null : e.refersTo().toString())
                .corrects(e.corrects() == null ? null : EntryKind.fromValue(e.corrects().name()))
                .oldAmount(text(e.oldAmount())).newAmount(text(e.newAmount())).counterparty(e.counterparty())
                .reason(e.reason()).reverses(e.reverses()).reversedBy(e.reversedBy()).createdAt(e.createdAt());
    }


    private static String text(Money money) {
        return money == null ? null : money.toString();
    }
}
