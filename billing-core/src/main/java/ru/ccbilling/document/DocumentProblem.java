package ru.ccbilling.document;

/**
 * Why a document operation was refused, naming the field or the account and month at fault; the web layer
 * turns the kind into 400, 404, 409, 422 or 503.
 */
public class DocumentProblem extends RuntimeException {

    public enum Kind { BAD_FIELD, NOT_FOUND, CONFLICT, UNPROCESSABLE, UNAVAILABLE }

    private final Kind kind;
    private final String field;

    public DocumentProblem(Kind kind, String field, String detail) {
        super(detail);
        this.kind = kind;
        this.field = field;
    }

    public static DocumentProblem badField(String field, String message) {
        return new DocumentProblem(Kind.BAD_FIELD, field, field + ": " + message);
    }

    public static DocumentProblem missing(String field, String detail) {
        return new DocumentProblem(Kind.UNPROCESSABLE, field, detail);
    }

    public Kind kind() {
        return kind;
    }

    /** the field at fault, or null */
    public String field() {
        return field;
    }
}
