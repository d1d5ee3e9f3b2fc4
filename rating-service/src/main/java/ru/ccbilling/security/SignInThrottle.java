package ru.ccbilling.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins (login form, HTTP Basic) per username and per client address, and failed API keys per
 * address. {@code max-failures} failures of a username within {@code window} lock it for {@code lock}, even for the
 * right password; {@code max-failures-per-address} failures from one address within {@code window} rate-limit that
 * address for {@code lock}. A correct sign-in clears its username's count. The counts live in this instance's
 * memory: N instances allow N times the attempts, and a restart forgets them.
 */
@Component
public class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    /** above this many tracked names or addresses, idle ones are dropped, so that random names cannot fill memory */
    private static final int PRUNE_ABOVE = 10_000;

    private final Clock clock;
    private final int maxFailures;
    private final int maxFailuresPerAddress;
    private final Duration window;
    private final Duration lock;
    private final Map<String, Failures> users = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

    SignInThrottle(Clock clock,
                   @Value("${ccbilling.security.sign-in.max-failures:5}") int maxFailures,
                   @Value("${ccbilling.security.sign-in.max-failures-per-address:20}") int maxFailuresPerAddress,
                   @Value("${ccbilling.security.sign-in.window:15m}") Duration window,
                   @Value("${ccbilling.security.sign-in.lock:15m}") Duration lock) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.window = window;
        this.lock = lock;
    }

    /** how long the username stays locked, if it is */
    public Optional<Duration> userLocked(String username) {
        return lockedFor(users.get(key(username)));
    }

    /** how long the address stays rate-limited, if it is */
    public Optional<Duration> addressLimited(String address) {
        return lockedFor(addresses.get(address));
    }

    /** a wrong password for {@code username} (null for a wrong API key) from {@code address} */
    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (username != null && count(users, key(username), now, maxFailures)) {
            log.warn("sign-in of '{}' locked for {} after {} failures", username, lock, maxFailures);
        }
        if (address != null && count(addresses, address, now, maxFailuresPerAddress)) {
            log.warn("sign-ins from {} rate-limited for {} after {} failures", address, lock, maxFailuresPerAddress);
        }
    }

    public void succeeded(String username) {
        users.remove(key(username));
    }

    /** the form login trims the name, and a name may differ in case only: one counter for every spelling */
    private static String key(String username) {
        return username.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** first among the listeners: the audit asks afterwards whether this failure locked the user */
    @EventListener
    @Order(0)
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        failed(event.getAuthentication().getName(), address(event.getAuthentication().getDetails()));
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        succeeded(event.getAuthentication().getName());
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }

    private Optional<Duration> lockedFor(Failures failures) {
        if (failures == null) {
            return Optional.empty();
        }
        Duration left = failures.lockLeft(clock.instant());
        return !left.isZero() && !left.isNegative() ? Optional.of(left) : Optional.empty();
    }

    /** counts one failure; true when it starts a lock */
    private boolean count(Map<String, Failures> counts, String key, Instant now, int max) {
        // a scan of every count at most once a minute: failures with random names must not make each failure O(n)
        if (counts.size() > PRUNE_ABOVE && now.isAfter(prunedAt.plusSeconds(60))) {
            prunedAt = now;
            counts.values().removeIf(f -> f.idle(now));
        }
        return counts.computeIfAbsent(key, k -> new Failures()).add(now, max);
    }

    private volatile Instant prunedAt = Instant.MIN;

    /** the failures of one username or address within the window, and the end of its lock */
    private final class Failures {
        private final ArrayDeque<Instant> times = new ArrayDeque<>();
        private Instant lockedUntil = Instant.MIN;

        synchronized boolean add(Instant now, int max) {
            forgetBefore(now.minus(window));
            times.addLast(now);
            if (times.size() >= max && !lockedUntil.isAfter(now)) {
                lockedUntil = now.plus(lock);
                times.clear();
                return true;
            }
            return false;
        }

        synchronized Duration lockLeft(Instant now) {
            return lockedUntil.isAfter(now) ? Duration.between(now, lockedUntil) : Duration.ZERO;
        }

        synchronized boolean idle(Instant now) {
            forgetBefore(now.minus(window));
            return times.isEmpty() && !lockedUntil.isAfter(now);
        }

        private void forgetBefore(Instant start) {
            while (!times.isEmpty() && times.peekFirst().isBefore(start)) {
                times.removeFirst();
            }
        }
    }
}
