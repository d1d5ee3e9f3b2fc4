package ru.ccbilling.refusal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one way the platform says no to a request: what kind of no (which HTTP status it becomes), the fields at
 * fault with the reason for each, and a detail. Every text comes from the {@link Catalogue}, so the answer is in the
 * reader's language. Thrown anywhere (domain or web); the web layer's problem handler turns it into problem+json.
 */
public final class Refusal extends RuntimeException {

    public enum Kind {
        INVALID(400), UNAUTHORIZED(401), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409), TOO_LARGE(413), UNPROCESSABLE(422),
        TOO_MANY_REQUESTS(429), UNAVAILABLE(503), INTERNAL(500);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** a field (a JSON path, a query parameter, a model and place) and what is wrong with it */
    public record Fault(String field, Text reason) {
        public String in(Locale locale) {
            return reason.in(locale);
        }
    }

    private final Kind kind;
    private final Text detail;
    private final List<Fault> faults;

    private Refusal(Kind kind, Text detail, List<Fault> faults) {
        super(null, null, false, false);
        this.kind = kind;
        this.detail = detail;
        this.faults = List.copyOf(faults);
    }

    public static Refusal of(Kind kind, Text detail, List<Fault> faults) {
        return new Refusal(kind, detail, faults);
    }

    /** one field is wrong: 400 naming it; the detail reads "field: reason" */
    public static Refusal invalid(String field, String key, Object... args) {
        return field(Kind.INVALID, field, Text.of(key, args));
    }

    /** a refusal of {@code kind} naming one field */
    public static Refusal field(Kind kind, String field, Text reason) {
        return new Refusal(kind, null, List.of(new Fault(field, reason)));
    }

    public static Refusal notFound(String key, Object... args) {
        return new Refusal(Kind.NOT_FOUND, Text.of(key, args), List.of());
    }

    public static Refusal conflict(String key, Object... args) {
        return new Refusal(Kind.CONFLICT, Text.of(key, args), List.of());
    }

    public static Refusal unprocessable(String key, Object... args) {
        return new Refusal(Kind.UNPROCESSABLE, Text.of(key, args), List.of());
    }

    /** the same refusal, also naming {@code field} with the detail as its reason */
    public Refusal at(String field) {
        List<Fault> more = new ArrayList<>(faults);
        more.add(new Fault(field, detail));
        return new Refusal(kind, detail, more);
    }

    public Kind kind() {
        return kind;
    }

    public List<Fault> faults() {
        return faults;
    }

    /** the detail in {@code locale}: the one given, or each field with its reason */
    public String detail(Locale locale) {
        if (detail != null) {
            return detail.in(locale);
        }
        return faults.stream().map(f -> f.field() + ": " + f.in(locale)).collect(Collectors.joining("; "));
    }

    /** in Russian, for logs and for what is stored (a job's result, an audit line) */
    @Override
    public String getMessage() {
        return detail(Catalogue.RUSSIAN);
    }
}
