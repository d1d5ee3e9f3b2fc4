package ru.ccbilling.web;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.refusal.Text;

/**
 * The answer when PostgreSQL cannot be reached: 503 problem+json with Retry-After. What a request did not get
 * confirmed was not stored; a client sends it again, and records already stored answer DUPLICATE.
 */
public final class DatabaseUnavailable {

    public static final String RETRY_AFTER_SECONDS = "5";
    private static final Refusal REFUSAL = Refusal.of(Refusal.Kind.UNAVAILABLE, Text.of("database.unavailable"), List.of());

    private DatabaseUnavailable() { }

    /**
     * whether the failure, or one of its causes, says the database could not be reached or did not answer in time;
     * a commit or rollback that failed (TransactionSystemException) means the connection went away mid-transaction
     */
    public static boolean causes(Throwable failure) {
        if (rejectsTheData(failure)) {
            return false;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException || t instanceof CannotCreateTransactionException
                    || t instanceof TransactionSystemException
                    || t instanceof SQLException sql && worthARetry(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * PostgreSQL refused the data itself (SQLState class 22, a value out of range; 54, a row too large for an index):
     * a permanent answer to this request, never a 503 that tells the client to send it again
     */
    public static boolean rejectsTheData(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("54"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQL states of a database that is down, stalled or overloaded, which Spring may leave uncategorized: lock and
     * statement timeouts (55P03, 57014), a transaction ended for idling (25P03), a deadlock (40P01), a server that
     * shuts down or is starting (57P01-57P03), connection failures (08) and exhausted resources (53)
     */
    static boolean worthARetry(String state) {
        return state != null && (state.equals("55P03") || state.equals("57014") || state.equals("25P03")
                || state.equals("40P01") || state.startsWith("57P") || state.startsWith("08") || state.startsWith("53"));
    }

    static ResponseEntity<Object> response(Locale asked) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Problems.body(REFUSAL, asked));
    }

    /** for filters, which answer before any controller advice can */
    public static void write(HttpServletRequest request, HttpServletResponse response, ObjectMapper json)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        Problems.write(response, REFUSAL, Problems.language(request), json);
    }
}
