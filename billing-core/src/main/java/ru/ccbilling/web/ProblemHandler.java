package ru.ccbilling.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
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
import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.refusal.Refusal.Fault;
import ru.ccbilling.refusal.Refusal.Kind;
import ru.ccbilling.refusal.Text;

/**
 * The one handler: every refusal, and every error Spring or the database raises, leaves as RFC 7807 problem+json in
 * the reader's language (Accept-Language; Russian by default), naming each field at fault and its reason.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(Refusal.class)
    ResponseEntity<Object> refused(Refusal refusal) {
        return answer(refusal);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        Text reason = e.getRequiredType() == null ? Text.of("value.unreadable", e.getValue())
                : Text.of("value.unreadableAs", e.getValue(), e.getRequiredType().getSimpleName());
        return answer(Refusal.field(Kind.INVALID, e.getName(), reason));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraint(ConstraintViolationException e) {
        return answer(Problems.faults(Kind.INVALID, e.getConstraintViolations().stream()
                .map(v -> new Fault(lastNode(v.getPropertyPath().toString()), Text.verbatim(v.getMessage()))).toList()));
    }

    /** the database is down or unreachable: 503 with Retry-After, whichever layer noticed first */
    @ExceptionHandler({CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessException.class, CannotCreateTransactionException.class})
    ResponseEntity<Object> databaseDown(Exception e) {
        if (DatabaseUnavailable.rejectsTheData(e)) {
            return dataRefused(e);
        }
        log.warn("database unavailable: {}", e.getMessage());
        return DatabaseUnavailable.response(locale());
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
        return answer(Refusal.of(Kind.INTERNAL, Text.of("problem.unexpected"), List.of()));
    }

    /** a value that got past the checks and that PostgreSQL refuses: a gap in the checks, logged, answered 422 */
    private ResponseEntity<Object> dataRefused(Exception e) {
        log.error("the database refused a value of the request; a check is missing", e);
        return answer(Refusal.unprocessable("problem.beyondStorage"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Refusal refusal = causeOf(e, Refusal.class);
        if (refusal != null) {
            return answer(refusal);
        }
        Throwable cause = e.getMostSpecificCause();
        BodyValueRefused refused = causeOf(e, BodyValueRefused.class);
        Fault fault;
        if (refused != null) {
            fault = new Fault(refused.getPath().isEmpty() ? "body" : path(refused), refused.reason());
        } else if (cause instanceof JsonParseException || String.valueOf(cause.getMessage()).contains("end-of-input")
                || String.valueOf(cause.getMessage()).startsWith("Trailing token")) {
            fault = new Fault("body", Text.of("body.notJson", firstLine(cause.getMessage())));
        } else if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            fault = new Fault(path(mapping), Text.of("value.wrongShape"));
        } else if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            fault = new Fault("body", Text.of("body.missing"));
        } else {
            fault = new Fault("body", Text.of("body.wrongShape"));
        }
        return answer(Problems.faults(Kind.INVALID, List.of(fault)));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return answer(Refusal.invalid(e.getParameterName(), "value.required"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return answer(Problems.faults(Kind.INVALID, e.getBindingResult().getFieldErrors().stream()
                .map(f -> new Fault(f.getField(), Text.verbatim(f.getDefaultMessage()))).toList()));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Fault> faults = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err ->
                faults.add(new Fault(r.getMethodParameter().getParameterName(), Text.verbatim(err.getDefaultMessage())))));
        return answer(Problems.faults(Kind.INVALID, faults));
    }

    /** Spring's own answers (405, 406, 415…) keep their status and say it in the reader's language */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response == null) {
            return null;
        }
        Object answer = response.getBody();
        if (answer instanceof ProblemDetail problem) {
            String key = "problem.status." + statusCode.value();
            if (ru.ccbilling.refusal.Catalogue.has(key)) {
                problem.setTitle(Text.of(key).in(locale()));
                problem.setDetail(Text.of(key + ".detail").in(locale()));
            }
        }
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(answer);
    }

    private static ResponseEntity<Object> answer(Refusal refusal) {
        return Problems.response(refusal, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
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
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
