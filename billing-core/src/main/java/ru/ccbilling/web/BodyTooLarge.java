package ru.ccbilling.web;

/**
 * A request body longer than its limit ({@link BodyLimits}); answered 413 and nothing is stored. Unchecked, so that
 * a reader that turns I/O errors into its own refusal (an import's "the file could not be read") lets it through.
 */
public class BodyTooLarge extends RuntimeException {

    private final long limit;

    BodyTooLarge(long limit) {
        super("the request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** 413 naming the body */
    public ru.ccbilling.refusal.Refusal refusal() {
        return ru.ccbilling.refusal.Refusal.field(ru.ccbilling.refusal.Refusal.Kind.TOO_LARGE, "body",
                ru.ccbilling.refusal.Text.of("body.tooLarge", limit));
    }
}
