package ru.ccbilling.account.web;

import ru.ccbilling.web.CurrentUser;

/**
 * A client's legal details (INN, KPP, addresses, delivery of documents, contacts) are for sales, finance and admins.
 * Tariff managers see accounts with their codes, numbers and tariffs only.
 */
final class LegalDetailsAccess {

    private LegalDetailsAccess() { }

    static boolean mayRead() {
        return CurrentUser.hasAnyRole("SALES", "FINANCE", "ADMIN");
    }
}
