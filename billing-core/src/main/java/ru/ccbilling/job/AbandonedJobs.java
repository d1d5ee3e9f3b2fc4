package ru.ccbilling.job;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Finds jobs whose instance died (RUNNING, not touched for longer than the lease) and runs them again here, at
 * start-up and every {@code ccbilling.jobs.sweep-every}, so that a crash of one instance is picked up by another.
 * One instance claims a job (row lock, skip locked) and counts the attempt; after {@value #MAX_ATTEMPTS} attempts
 * the job FAILED. A job no handler can run (a kind no longer known, or started before jobs kept their parameters)
 * becomes INTERRUPTED: whoever started it starts it again.
 */
@Component
public class AbandonedJobs {

    static final int MAX_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(AbandonedJobs.class);

    private final Jobs jobs;
    private final JobHandlers handlers;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration every;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "job-sweeper");
        t.setDaemon(true);
        return t;
    });

    AbandonedJobs(Jobs jobs, JobHandlers handlers, JdbcTemplate jdbc, Clock clock,
                  @Value("${ccbilling.jobs.sweep-every:10s}") Duration every) {
        this.jobs = jobs;
        this.handlers = handlers;
        this.jdbc = jdbc;
        this.clock = clock;
        this.every = every;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startSweeping() {
        sweeper.scheduleWithFixedDelay(this::sweepQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private record Claimed(UUID id, String kind, String params, int attempt) { }

    /** claims abandoned jobs while this instance has free workers; answers how many it resumed */
    public int sweep() {
        int resumed = 0;
        while (jobs.freeWorkers() > 0) {
            Optional<Claimed> claimed = claim();
            if (claimed.isEmpty()) {
                break;
            }
            if (resume(claimed.get())) {
                resumed++;
            }
        }
        return resumed;
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("could not look for abandoned jobs: {}", e.getMessage());
        }
    }

    private Optional<Claimed> claim() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Claimed> claimed = jdbc.query("""
                update job set attempts = attempts + 1, updated_at = ?, done = 0, counts = '{}'
                 where id = (select id from job where state = 'RUNNING' and updated_at < ?
                              order by updated_at limit 1 for update skip locked)
                returning id, kind, params::text, attempts""",
                (rs, i) -> new Claimed(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4)),
                now, now.minus(jobs.lease()));
        return claimed.stream().findFirst();
    }

    private boolean resume(Claimed job) {
        Optional<JobHandler<?, ?>> handler = handlers.of(job.kind());
        if (handler.isEmpty() || job.params() == null) {
            log.warn("job {} ({}) was interrupted by a stop and cannot be resumed: {}; it is INTERRUPTED", job.id(),
                    job.kind(), handler.isEmpty() ? "no handler of its kind" : "it has no stored parameters");
            jobs.end(job.id(), job.attempt(), Job.State.INTERRUPTED, null);
            return false;
        }
        if (job.attempt() > MAX_ATTEMPTS) {
            log.warn("job {} ({}) was interrupted {} times; it is FAILED", job.id(), job.kind(), MAX_ATTEMPTS);
            jobs.end(job.id(), job.attempt(), Job.State.FAILED, Jobs.FAILED + job.id() + ")");
            return false;
        }
        log.warn("job {} ({}) was left by a stopped instance; resuming it, attempt {} of {}", job.id(), job.kind(),
                job.attempt(), MAX_ATTEMPTS);
        try {
            jobs.resume(handler.get(), job.id(), job.params(), job.attempt());
        } catch (RuntimeException e) {
            log.warn("job {} cannot be resumed: its parameters do not read", job.id(), e);
            jobs.end(job.id(), job.attempt(), Job.State.FAILED, Jobs.FAILED + job.id() + ")");
            return false;
        }
        return true;
    }

    @PreDestroy
    void stop() {
        sweeper.shutdownNow();
    }
}
