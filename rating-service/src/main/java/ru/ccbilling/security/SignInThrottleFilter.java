package ru.ccbilling.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.refusal.Text;
import ru.ccbilling.web.Problems;

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
            retryAfter(response, limited.get());
            Problems.write(response, Refusal.of(Refusal.Kind.TOO_MANY_REQUESTS, Text.of("security.tooManySignIns"),
                    List.of()), Problems.language(request), json);
        } else {
            retryAfter(response, locked.get());
            Problems.write(response, Refusal.of(Refusal.Kind.UNAUTHORIZED, Text.of("security.locked"), List.of()),
                    Problems.language(request), json);
        }
    }

    /** seconds to wait, rounded up, as {@code Retry-After} wants them */
    static void retryAfter(HttpServletResponse response, Duration wait) {
        response.setHeader("Retry-After", String.valueOf(Math.max(1, (wait.toMillis() + 999) / 1000)));
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
