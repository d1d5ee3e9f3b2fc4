package ru.ccbilling.account;

/** What an account is given was refused: which field of the request is at fault and why. Nothing was changed. */
public class AccountRefused extends RuntimeException {

    /** INVALID: the value itself is wrong; UNKNOWN: it names a tariff or operator that does not exist */
    public enum Why { INVALID, UNKNOWN }

    private final Why why;
    private final String field;
    private final String reason;

    AccountRefused(Why why, String field, String reason) {
        this(why, field, reason, field + ": " + reason);
    }

    AccountRefused(Why why, String field, String reason, String detail) {
        super(detail);
        this.why = why;
        this.field = field;
        this.reason = reason;
    }

    public Why why() { return why; }
    public String field() { return field; }
    public String reason() { return reason; }
}
