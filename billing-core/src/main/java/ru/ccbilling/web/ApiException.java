package ru.ccbilling.web;

import java.util.List;

import org.springframework.http.HttpStatus;

import ru.ccbilling.api.model.FieldError;

/** A request the API refuses, with the status, a title and the fields at fault; leaves as problem+json. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<FieldError> errors;

    public ApiException(HttpStatus status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "Not found", what, List.of());
    }

    public static ApiException badField(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, "Conflict", detail, List.of());
    }

    /** the caller's role or key may not do this with what the fields name */
    public static ApiException forbidden(String detail, List<FieldError> errors) {
        return new ApiException(HttpStatus.FORBIDDEN, "Forbidden", detail, errors);
    }

    public static ApiException unprocessable(String detail, List<FieldError> errors) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable", detail, errors);
    }

    /** the refusal this still-unconverted exception stands for, its English text shown as it is */
    public ru.ccbilling.refusal.Refusal asRefusal() {
        ru.ccbilling.refusal.Refusal.Kind kind = java.util.Arrays.stream(ru.ccbilling.refusal.Refusal.Kind.values())
                .filter(k -> k.status() == status.value()).findFirst().orElse(ru.ccbilling.refusal.Refusal.Kind.INVALID);
        return ru.ccbilling.refusal.Refusal.of(kind, ru.ccbilling.refusal.Text.verbatim(getMessage()), errors.stream()
                .map(e -> new ru.ccbilling.refusal.Refusal.Fault(e.getField(), ru.ccbilling.refusal.Text.verbatim(e.getMessage())))
                .toList());
    }

    public HttpStatus status() { return status; }
    public String title() { return title; }
    public List<FieldError> errors() { return errors; }
}
