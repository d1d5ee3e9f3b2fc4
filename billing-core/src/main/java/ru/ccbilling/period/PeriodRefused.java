package ru.ccbilling.period;

/** A period operation that was refused, why, and which field of the request is at fault. Nothing was changed. */
public class PeriodRefused extends RuntimeException {

    public enum Why { NOT_FOUND, INVALID, CONFLICT, UNPROCESSABLE }

    private final Why why;
    private final String field;

    public PeriodRefused(Why why, String field, String message) {
        super(message);
        this.why = why;
        this.field = field;
    }

    public Why why() { return why; }
    public String field() { return field; }
}
