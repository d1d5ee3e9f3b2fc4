package ru.ccbilling.document.web;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;

import ru.ccbilling.api.model.FieldError;
import ru.ccbilling.document.DocumentProblem;
import ru.ccbilling.web.ApiException;

/** Document problems as HTTP problems: 400 bad field, 404, 409 (open period, numbering order), 422 missing data, 503. */
final class DocumentProblems {

    private DocumentProblems() { }

    static <T> T translate(Supplier<T> action) {
        try {
            return action.get();
        } catch (DocumentProblem p) {
            List<FieldError> errors = p.field() == null ? List.of() : List.of(new FieldError(p.field(), p.getMessage()));
            throw switch (p.kind()) {
                case BAD_FIELD -> new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", p.getMessage(), errors);
                case NOT_FOUND -> new ApiException(HttpStatus.NOT_FOUND, "Not found", p.getMessage(), errors);
                case CONFLICT -> new ApiException(HttpStatus.CONFLICT, "Conflict", p.getMessage(), errors);
                case UNPROCESSABLE -> ApiException.unprocessable(p.getMessage(), errors);
                case UNAVAILABLE -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", p.getMessage(), errors);
            };
        }
    }
}
