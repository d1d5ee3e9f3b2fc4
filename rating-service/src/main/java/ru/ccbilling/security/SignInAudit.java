package ru.ccbilling.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import ru.ccbilling.security.SignInRecord.Method;
import ru.ccbilling.security.SignInRecord.Outcome;

/**
 * Writes the sign-in audit from Spring Security's events (form and HTTP Basic) and from the API key filter.
 * Every failure is written (the throttle bounds them per address); a Basic client authenticates on every request,
 * so its successes are written once a minute per username and address, not per request.
 */
@Component
class SignInAudit {

    private static final Duration BASIC_SUCCESS_EVERY = Duration.ofMinutes(1);
    private static final int PRUNE_ABOVE = 10_000;

    private final SignIns signIns;
    private final SignInThrottle throttle;
    private final Clock clock;
    private final Map<String, Instant> basicSuccesses = new ConcurrentHashMap<>();

    SignInAudit(SignIns signIns, SignInThrottle throttle, Clock clock) {
        this.signIns = signIns;
        this.throttle = throttle;
        this.clock = clock;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        Authentication auth = event.getAuthentication();
        Method method = method();
        String address = address(auth.getDetails());
        Instant now = clock.instant();
        if (method == Method.BASIC && !firstWithinAMinute(auth.getName() + "\n" + address, now)) {
            return;
        }
        signIns.add(new SignInRecord(now, auth.getName(), null, method, address, Outcome.SUCCESS));
    }

    /** after the throttle has counted the failure (its listener runs first), so a failure that locks is told apart */
    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        Outcome outcome = event.getException() instanceof DisabledException ? Outcome.DISABLED
                : throttle.userLocked(username).isPresent() ? Outcome.LOCKED_OUT : Outcome.WRONG_PASSWORD;
        signIns.add(new SignInRecord(clock.instant(), username, null, method(),
                address(event.getAuthentication().getDetails()), outcome));
    }

    /** a wrong X-Api-Key: unknown, or a revoked key (named) */
    void keyRefused(String revokedKeyName, String address) {
        signIns.add(new SignInRecord(clock.instant(), null, revokedKeyName, Method.API_KEY, address,
                revokedKeyName == null ? Outcome.UNKNOWN_KEY : Outcome.REVOKED_KEY));
    }

    private boolean firstWithinAMinute(String key, Instant now) {
        if (basicSuccesses.size() > PRUNE_ABOVE) {
            basicSuccesses.values().removeIf(at -> now.isAfter(at.plus(BASIC_SUCCESS_EVERY)));
        }
        Instant last = basicSuccesses.get(key);
        if (last != null && now.isBefore(last.plus(BASIC_SUCCESS_EVERY))) {
            return false;
        }
        basicSuccesses.put(key, now);
        return true;
    }

    /** the login form posts to /login; everything else authenticating with a password is HTTP Basic */
    private static Method method() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && "/login".equals(attributes.getRequest().getServletPath())) {
            return Method.FORM;
        }
        return Method.BASIC;
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }
}
