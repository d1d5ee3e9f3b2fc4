package ru.ccbilling.ledger;

/** A ledger operation that was refused, why, and which field of the request is at fault. Nothing was changed. */
public class EntryRefused extends RuntimeException {

    public enum Why { UNKNOWN_ACCOUNT, UNKNOWN_ENTRY, INVALID, PERIOD_CLOSED, OVER_LIMIT, DUPLICATE, NOT_REVERSIBLE }

    private final Why why;
    private final String field;

    public EntryRefused(Why why, String field, String message) {
        super(message);
        this.why = why;
        this.field = field;
    }

    public Why why() { return why; }
    public String field() { return field; }
}
