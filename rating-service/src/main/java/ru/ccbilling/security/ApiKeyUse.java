package ru.ccbilling.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records when each key was last used, at most once a minute per key and instance: a switch sends many requests
 * a second, and a write for each would cost more than the request. So {@code last_used_at} is right to the minute.
 */
@Component
class ApiKeyUse {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyUse.class);
    static final Duration RESOLUTION = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, Instant> written = new ConcurrentHashMap<>();

    ApiKeyUse(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void used(String keyName) {
        Instant now = clock.instant();
        Instant last = written.get(keyName);
        if (last != null && now.isBefore(last.plus(RESOLUTION))) {
            return;
        }
        written.put(keyName, now);
        try {
            jdbc.update("update api_key set last_used_at = ? where name = ? and (last_used_at is null or last_used_at < ?)",
                    Timestamp.from(now), keyName, Timestamp.from(now));
        } catch (DataAccessException e) {
            // the request itself may still succeed or fail on its own; a missed time stamp is not worth refusing it
            log.warn("could not record the use of API key {}: {}", keyName, e.getMessage());
        }
    }
}
