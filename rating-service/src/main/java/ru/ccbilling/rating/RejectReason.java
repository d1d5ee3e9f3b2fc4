package ru.ccbilling.rating;

/** Why a record could not be rated (отсев), in the order of precedence of the tariff's section 6. */
public enum RejectReason {
    UNKNOWN_ACCOUNT, UNKNOWN_OPERATOR, UNKNOWN_TRUNK, NO_TARIFF, NO_RATE
}
