package ru.ccbilling.security;

import java.io.IOException;
import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

/** The security filters' answers as RFC 7807 problem+json, like every other error of the API. */
final class ProblemResponses {

    private ProblemResponses() { }

    static void write(ObjectMapper json, HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** seconds to wait, rounded up, as {@code Retry-After} wants them */
    static void retryAfter(HttpServletResponse response, Duration wait) {
        response.setHeader("Retry-After", String.valueOf(Math.max(1, (wait.toMillis() + 999) / 1000)));
    }
}
