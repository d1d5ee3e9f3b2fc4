package ru.ccbilling.job;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import jakarta.annotation.PreDestroy;

/**
 * The one way to run a long job with progress: {@link #start} records the job with its parameters and runs its
 * {@link JobHandler} on a background thread; the work reports through {@link JobProgress}; anyone reads the job by
 * id. While a job runs here its row is touched every third of the lease; a job whose instance died stops being
 * touched and {@link AbandonedJobs} runs it again elsewhere. Each run is an attempt: a run whose attempt was taken
 * over writes nothing more.
 */
@Service
public class Jobs {

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);
    private static final long WRITE_EVERY_MS = 500;
    static final int WORKERS = 2;
    static final String FAILED = "Задание не выполнено; причина записана в журнал сервера (задание ";
    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final JobInputs inputs;
    private final Clock clock;
    private final Duration lease;
    /** the jobs running (or queued) here, with the attempt this instance holds */
    private final Map<UUID, Integer> held = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS, r -> daemon(r, "job-worker"));
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "job-heartbeat"));

    Jobs(JdbcTemplate jdbc, TransactionTemplate tx, JobInputs inputs, Clock clock,
         @Value("${ccbilling.jobs.lease:30s}") Duration lease) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.inputs = inputs;
        this.clock = clock;
        this.lease = lease;
        long every = Math.max(1, lease.toMillis() / 3);
        heartbeat.scheduleWithFixedDelay(this::touchHeld, every, every, TimeUnit.MILLISECONDS);
    }

    /** Records a new RUNNING job and runs it in the background once recorded; answers the job's id at once. */
    public <P, R> UUID start(JobHandler<P, R> handler, P params, String description, String startedBy) {
        return start(handler, params, description, startedBy, null);
    }

    /** The same, with a file the job reads through {@link JobProgress#input()}, stored with the job. */
    public <P, R> UUID start(JobHandler<P, R> handler, P params, String description, String startedBy, InputStream input) {
        UUID id = UUID.randomUUID();
        tx.executeWithoutResult(status -> {
            insert(id, handler, params, description, startedBy);
            if (input != null) {
                inputs.store(id, input);
            }
        });
        held.put(id, 1);
        Runnable submit = () -> workers.submit(() -> run(handler, params, id, 1));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // started inside the caller's transaction: the job runs once its row is there for everyone to see
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_COMMITTED) {
                        submit.run();
                    } else {
                        held.remove(id);
                    }
                }
            });
        } else {
            submit.run();
        }
        return id;
    }

    /** Runs a job on the calling thread (for callers that wait), recording it like any other. */
    public <P, R> Job runHere(JobHandler<P, R> handler, P params, String description, String startedBy) {
        UUID id = UUID.randomUUID();
        insert(id, handler, params, description, startedBy);
        held.put(id, 1);
        run(handler, params, id, 1);
        return find(id).orElseThrow();
    }

    private void insert(UUID id, JobHandler<?, ?> handler, Object params, String description, String startedBy) {
        jdbc.update("""
                insert into job (id, kind, state, description, params, attempts, started_by, started_at, updated_at)
                values (?, ?, 'RUNNING', ?, ?::jsonb, 1, ?, ?, ?)""",
                id, handler.kind(), description, JobJson.write(params), startedBy, now(), now());
    }

    /** runs again a job claimed from a dead instance as {@code attempt}, from its stored parameters */
    <P, R> void resume(JobHandler<P, R> handler, UUID id, String params, int attempt) {
        P read = JobJson.read(params, handler.paramsType());
        held.put(id, attempt);
        workers.submit(() -> run(handler, read, id, attempt));
    }

    /** how many more jobs this instance can take on now */
    int freeWorkers() {
        return stopping ? 0 : Math.max(0, WORKERS - held.size());
    }

    private <P, R> void run(JobHandler<P, R> handler, P params, UUID id, int attempt) {
        Progress progress = new Progress(id, attempt);
        try {
            R result = handler.run(params, progress);
            progress.flush();
            end(id, attempt, "SUCCEEDED", JobJson.write(result), null);
        } catch (AttemptTakenOver e) {
            log.warn("job {} was taken over by another instance (attempt {} is not ours); this run stops", id, attempt);
        } catch (RuntimeException e) {
            if (stopping) {
                // the application is stopping: the job stays RUNNING and a live instance resumes it
                log.info("job {} stopped with the application; it will be resumed", id);
                return;
            }
            // the exception's text may quote SQL, tables or data: it goes to the log, the job says only that it failed
            log.warn("job {} failed", id, e);
            try {
                progress.flush();
            } catch (RuntimeException ignored) {
                // the failure below is what matters
            }
            // a refusal's text is written for the user (in Russian, naming the conflict): that one is kept
            end(id, attempt, "FAILED", null, e instanceof ru.ccbilling.refusal.Refusal refusal ? refusal.getMessage()
                    : FAILED + id + ")");
        } finally {
            held.remove(id, attempt);
        }
    }

    private void end(UUID id, int attempt, String state, String result, String error) {
        tx.executeWithoutResult(status -> {
            int n = jdbc.update("""
                    update job set state = ?, result = ?::jsonb, error = ?, updated_at = ?, finished_at = ?
                     where id = ? and attempts = ? and state = 'RUNNING'""", state, result, error, now(), now(), id, attempt);
            if (n == 1) {
                inputs.delete(id);
            }
        });
    }

    /** ends a job that will not run again (see {@link AbandonedJobs}) */
    void end(UUID id, int attempt, Job.State state, String error) {
        end(id, attempt, state.name(), null, error);
    }

    public Optional<Job> find(UUID id) {
        return jdbc.query("select * from job where id = ?", this::row, id).stream().findFirst();
    }

    /** the result of a job that succeeded, as the record its handler answered */
    public <R> Optional<R> result(UUID id, JobHandler<?, R> handler) {
        return find(id).filter(job -> job.kind().equals(handler.kind()) && job.result() != null)
                .map(job -> JobJson.read(job.result(), handler.resultType()));
    }

    public List<Job> recent(String kind, int limit) {
        return recent(kind, null, limit);
    }

    /** the latest jobs, of {@code kind} and started by {@code startedBy} when given */
    public List<Job> recent(String kind, String startedBy, int limit) {
        return jdbc.query("""
                select * from job where (?::text is null or kind = ?) and (?::text is null or started_by = ?)
                 order by started_at desc limit ?""", this::row, kind, kind, startedBy, startedBy, limit);
    }

    Duration lease() {
        return lease;
    }

    /** the heartbeat: keeps the jobs running here from looking abandoned */
    private void touchHeld() {
        held.forEach((id, attempt) -> {
            try {
                jdbc.update("update job set updated_at = ? where id = ? and attempts = ? and state = 'RUNNING'",
                        now(), id, attempt);
            } catch (RuntimeException e) {
                log.warn("could not touch job {}: {}", id, e.getMessage());
            }
        });
    }

    @PreDestroy
    void stop() {
        stopping = true;
        heartbeat.shutdownNow();
        workers.shutdownNow();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private Job row(ResultSet rs, int i) throws SQLException {
        try {
            return new Job(rs.getObject("id", UUID.class), rs.getString("kind"), Job.State.valueOf(rs.getString("state")),
                    rs.getString("description"), rs.getLong("done"), (Long) rs.getObject("total"),
                    JobJson.mapper().readValue(rs.getString("counts"), COUNTS), rs.getString("result"),
                    rs.getString("error"), rs.getString("started_by"), rs.getObject("started_at", OffsetDateTime.class),
                    rs.getObject("updated_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class));
        } catch (JsonProcessingException e) {
            throw new SQLException(e);
        }
    }

    /** another instance claimed the job after this one stopped touching it: this run must stop */
    static final class AttemptTakenOver extends RuntimeException {
        AttemptTakenOver(UUID id) {
            super("job " + id + " was taken over");
        }
    }

    private final class Progress implements JobProgress {
        private final UUID id;
        private final int attempt;
        private long done;
        private Long total;
        private final Map<String, Long> counts = new ConcurrentHashMap<>();
        private long lastWrite;

        Progress(UUID id, int attempt) {
            this.id = id;
            this.attempt = attempt;
        }

        @Override
        public UUID id() {
            return id;
        }

        @Override
        public synchronized void total(long total) {
            this.total = total;
            flush();
        }

        @Override
        public synchronized void advance(long n, String outcome) {
            done += n;
            if (outcome != null) {
                counts.merge(outcome, n, Long::sum);
            }
            long now = System.currentTimeMillis();
            if (now - lastWrite >= WRITE_EVERY_MS) {
                flush();
            }
        }

        @Override
        public InputStream input() {
            return inputs.open(id);
        }

        synchronized void flush() {
            lastWrite = System.currentTimeMillis();
            int n = jdbc.update("""
                    update job set done = ?, total = ?, counts = ?::jsonb, updated_at = ?
                     where id = ? and attempts = ? and state = 'RUNNING'""",
                    done, total, JobJson.write(new LinkedHashMap<>(counts)), now(), id, attempt);
            if (n == 0) {
                throw new AttemptTakenOver(id);
            }
        }
    }
}
