package ru.ccbilling.database;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the embedded PostgreSQL and starts it again when its server process is gone. Meanwhile requests answer
 * 503; afterwards the pool reconnects by itself, so the instance recovers without a restart. Runs on a thread of
 * its own, as a restart can take seconds (a start waits until the old server's backends have exited).
 */
public final class EmbeddedPostgresSupervisor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresSupervisor.class);

    private final EmbeddedDatabase database;
    private final ScheduledExecutorService checks;

    public EmbeddedPostgresSupervisor(EmbeddedDatabase database, Duration interval) {
        this.database = database;
        this.checks = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "embedded-postgres-supervisor");
            thread.setDaemon(true);
            return thread;
        });
        checks.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void check() {
        try {
            if (database.restartIfGone()) {
                log.info("Embedded PostgreSQL is back (pid {})", database.pid().orElse(-1));
            }
        } catch (RuntimeException e) {
            log.warn("Embedded PostgreSQL did not start again, next attempt shortly: {}", e.toString());
        }
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }
}
