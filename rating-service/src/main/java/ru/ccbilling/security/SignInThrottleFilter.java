package ru.ccbilling.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Stops a sign-in attempt (HTTP Basic, {@code X-Api-Key}, the login form) before the credentials are checked when
 * its address is rate-limited (429 with {@code Retry-After}) or its username is locked (401 saying so, with
 * {@code Retry-After}); the login form is sent back to {@code /login?locked} instead.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

    private final SignInThrottle throttle;
    private final ObjectMapper json;

    SignInThrottleFilter(SignInThrottle throttle, ObjectMapper json) {
        this.throttle = throttle;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean form = "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
        String basicUser = basicUsername(request.getHeader("Authorization"));
        boolean key = request.getHeader(ApiKeyFilter.HEADER) != null;
        if (!form && basicUser == null && !key) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Duration> limited = throttle.addressLimited(request.getRemoteAddr());
        String username = form ? request.getParameter("username") : basicUser;
        Optional<Duration> locked = username == null ? Optional.empty() : throttle.userLocked(username);
        if (limited.isEmpty() && locked.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (form) {
            response.sendRedirect(request.getContextPath() + "/login?locked");
        } else if (limited.isPresent()) {
            ProblemResponses.retryAfter(response, limited.get());
            ProblemResponses.write(json, response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins",
                    "Too many wrong passwords or API keys from this address; try again later.");
        } else {
            ProblemResponses.retryAfter(response, locked.get());
            ProblemResponses.write(json, response, HttpStatus.UNAUTHORIZED, "Account temporarily locked",
                    "Too many wrong passwords for this user; the account is locked for a while. Try again later.");
        }
    }

    /** the username of an HTTP Basic header, or null when there is none or it cannot be read */
    static String basicUsername(String header) {
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
