package ru.ccbilling.web;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;

import jakarta.validation.ConstraintViolationException;
import ru.ccbilling.api.model.FieldError;

/** Every error leaves as RFC 7807 problem+json; validation problems name each field and its reason. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException e) {
        return problem(e.status(), e.title(), e.getMessage(), e.errors());
    }

    @ExceptionHandler(BodyTooLarge.class)
    ResponseEntity<Object> tooLarge(BodyTooLarge e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", "body: " + e.getMessage(),
                List.of(new FieldError("body", e.getMessage())));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        String field = e.getName();
        String message = "cannot read '" + e.getValue() + "'"
                + (e.getRequiredType() == null ? "" : " as " + e.getRequiredType().getSimpleName());
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraint(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList();
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", summary(errors), errors);
    }

    /** the database is down or unreachable: 503 with Retry-After, whichever layer noticed first */
    @ExceptionHandler({CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessException.class, CannotCreateTransactionException.class})
    ResponseEntity<Object> databaseDown(Exception e) {
        if (DatabaseUnavailable.rejectsTheData(e)) {
            return dataRefused(e);
        }
        log.warn("database unavailable: {}", e.getMessage());
        return DatabaseUnavailable.response();
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (DatabaseUnavailable.rejectsTheData(e)) {
            return dataRefused(e);
        }
        if (DatabaseUnavailable.causes(e)) {
            return databaseDown(e);
        }
        log.error("unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "An unexpected error occurred; it has been logged.", List.of());
    }

    /** a value that got past the checks and that PostgreSQL refuses: a gap in the checks, logged, answered 422 */
    private static ResponseEntity<Object> dataRefused(Exception e) {
        log.error("the database refused a value of the request; a check is missing", e);
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable",
                "A value of the request is beyond what can be stored (out of range or too long).", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        BodyTooLarge tooLarge = causeOf(e, BodyTooLarge.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        List<FieldError> errors = new ArrayList<>();
        String detail = "The body is not valid JSON of the expected shape.";
        Throwable cause = e.getMostSpecificCause();
        BodyValueRefused refused = causeOf(e, BodyValueRefused.class);
        if (refused != null) {
            String field = refused.getPath().isEmpty() ? "body" : path(refused);
            errors.add(new FieldError(field, refused.reason()));
            detail = field + ": " + refused.reason();
        } else if (cause instanceof JsonParseException || String.valueOf(cause.getMessage()).contains("end-of-input")
                || String.valueOf(cause.getMessage()).startsWith("Trailing token")) {
            detail = "The body is not valid JSON: " + firstLine(cause.getMessage());
            errors.add(new FieldError("body", "is not valid JSON: " + firstLine(cause.getMessage())));
        } else if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            errors.add(new FieldError(field, "has the wrong type or shape"));
            detail = field + ": has the wrong type or shape";
        } else if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            detail = "body: is required, the request body is empty";
            errors.add(new FieldError("body", "is required, the request body is empty"));
        } else {
            errors.add(new FieldError("body", "is not valid JSON of the expected shape"));
        }
        return problem(HttpStatus.BAD_REQUEST, "Malformed request body", detail, errors);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        FieldError error = new FieldError(e.getParameterName(), "is required");
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getParameterName() + ": is required", List.of(error));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage())).toList();
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", summary(errors), errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err ->
                errors.add(new FieldError(r.getMethodParameter().getParameterName(), err.getDefaultMessage()))));
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", summary(errors), errors);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response == null) {
            return null;
        }
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(response.getBody());
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String title, String detail, List<FieldError> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String summary(List<FieldError> errors) {
        return errors.isEmpty() ? "The request is invalid." : errors.stream()
                .map(f -> f.getField() + ": " + f.getMessage()).reduce((a, b) -> a + "; " + b).orElse("");
    }

    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
