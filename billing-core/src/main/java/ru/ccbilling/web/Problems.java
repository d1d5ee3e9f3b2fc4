package ru.ccbilling.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ru.ccbilling.api.model.FieldError;
import ru.ccbilling.refusal.Catalogue;
import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.refusal.Text;

/**
 * A refusal as RFC 7807 problem+json in the reader's language: the title says the kind, the detail what is wrong,
 * {@code errors} each field at fault with its reason. The one shape of every 4xx and 5xx of the API, whether a
 * controller advice or a filter answers.
 */
public final class Problems {

    private Problems() { }

    public static ProblemDetail body(Refusal refusal, Locale asked) {
        Locale locale = Catalogue.supported(asked);
        HttpStatus status = HttpStatus.valueOf(refusal.kind().status());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, refusal.detail(locale));
        body.setTitle(Text.of("problem.title." + refusal.kind().name()).in(locale));
        if (!refusal.faults().isEmpty()) {
            body.setProperty("errors", refusal.faults().stream()
                    .map(f -> new FieldError(f.field(), f.in(locale))).toList());
        }
        return body;
    }

    public static ResponseEntity<Object> response(Refusal refusal, Locale asked) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(refusal.kind().status());
        if (refusal.kind() == Refusal.Kind.TOO_LARGE) {
            // the client may still be sending the rest of the body: not on this connection (as web.BodyLimits says)
            answer.header("Connection", "close");
        }
        return answer.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body(refusal, asked));
    }

    /** for filters, which answer before any controller advice can */
    public static void write(HttpServletResponse response, Refusal refusal, Locale asked, ObjectMapper json)
            throws IOException {
        response.setStatus(refusal.kind().status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body(refusal, asked));
    }

    /** a refusal of {@code kind} with faults, whose detail lists them */
    public static Refusal faults(Refusal.Kind kind, List<Refusal.Fault> faults) {
        return Refusal.of(kind, null, faults);
    }

    /** the reader's language of the current request (Accept-Language): English if asked for, else Russian */
    public static Locale language() {
        return Catalogue.supported(LocaleContextHolder.getLocale());
    }

    /** a record's faults as the {@code errors} of a batch answer (a REFUSED record), in the reader's language */
    public static List<FieldError> fieldErrors(List<Refusal.Fault> faults) {
        Locale locale = language();
        return faults.stream().map(f -> new FieldError(f.field(), f.in(locale))).toList();
    }

    /** a text of an answer (a rejection's detail, a skipped line's reason) in the reader's language; null stays null */
    public static String text(Text text) {
        return text == null ? null : text.in(language());
    }

    /**
     * The reader's language of a request a filter answers, before Spring MVC resolves it: English if Accept-Language
     * asks for it, Russian otherwise, also when the header is absent (the servlet container would answer its own
     * default locale then).
     */
    public static Locale language(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return Catalogue.RUSSIAN;
        }
        // the first of the reader's languages (by preference) that the catalogue speaks, as web.Languages chooses
        for (java.util.Enumeration<Locale> asked = request.getLocales(); asked.hasMoreElements(); ) {
            String language = asked.nextElement().getLanguage();
            if (language.equals("ru") || language.equals("en")) {
                return Catalogue.supported(Locale.forLanguageTag(language));
            }
        }
        return Catalogue.RUSSIAN;
    }
}
