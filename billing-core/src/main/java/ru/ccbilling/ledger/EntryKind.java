package ru.ccbilling.ledger;

import java.util.Set;

/** What a ledger entry is. Every kind but PARTNER_ACCRUAL is part of the client's balance. */
public enum EntryKind {
    USAGE, MONTHLY_FEE, ONE_TIME_CHARGE, DEDUCTION, PAYMENT, ADJUSTMENT, CORRECTION, VOLUME_DISCOUNT, PARTNER_ACCRUAL,
    /** the difference up to the tariff's minimum monthly payment, posted by the month's close (issue 17) */
    MINIMUM_TOPUP;

    /** the kinds finance enters by hand (and may reverse by hand) */
    public static final Set<EntryKind> MANUAL = Set.of(ONE_TIME_CHARGE, DEDUCTION, PAYMENT, ADJUSTMENT);

    /** a liability to the partner operator, not something the client owes */
    public boolean inClientBalance() {
        return this != PARTNER_ACCRUAL;
    }
}
