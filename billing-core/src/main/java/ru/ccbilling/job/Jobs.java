package ru.ccbilling.job;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.annotation.PreDestroy;

/**
 * The one way to run a long job with progress: {@link #start} records the job and runs the work on a
 * background thread; the work reports through {@link JobProgress}; anyone reads the job by id. A job that was
 * RUNNING when its instance died is marked INTERRUPTED at the next start; work must be idempotent so that
 * running it again completes what was left.
 */
@Service
public class Jobs {

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);
    private static final long WRITE_EVERY_MS = 500;
    static final String FAILED = "Задание не выполнено; причина записана в журнал сервера (задание ";
    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "job-worker");
        t.setDaemon(true);
        return t;
    });

    Jobs(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Records a new RUNNING job and runs {@code work} in the background; answers the job's id at once. */
    public UUID start(String kind, String description, String startedBy, Consumer<JobProgress> work) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into job (id, kind, state, description, started_by, started_at, updated_at) values (?, ?, 'RUNNING', ?, ?, ?, ?)",
                id, kind, description, startedBy, now(), now());
        workers.submit(() -> run(id, work));
        return id;
    }

    /** Runs {@code work} as a job on the calling thread (for callers that wait), recording it like any other. */
    public Job runHere(String kind, String description, String startedBy, Consumer<JobProgress> work) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into job (id, kind, state, description, started_by, started_at, updated_at) values (?, ?, 'RUNNING', ?, ?, ?, ?)",
                id, kind, description, startedBy, now(), now());
        run(id, work);
        return find(id).orElseThrow();
    }

    private void run(UUID id, Consumer<JobProgress> work) {
        Progress progress = new Progress(id);
        try {
            work.accept(progress);
            progress.flush();
            jdbc.update("update job set state = 'SUCCEEDED', result = ?::jsonb, updated_at = ?, finished_at = ? where id = ?",
                    progress.result, now(), now(), id);
        } catch (RuntimeException e) {
            // the exception's text may quote SQL, tables or data: it goes to the log, the job says only that it failed
            log.warn("job {} failed", id, e);
            progress.flush();
            jdbc.update("update job set state = 'FAILED', error = ?, updated_at = ?, finished_at = ? where id = ?",
                    FAILED + id + ")", now(), now(), id);
        }
    }

    public Optional<Job> find(UUID id) {
        return jdbc.query("select * from job where id = ?", this::row, id).stream().findFirst();
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

    /** jobs left RUNNING by an instance that died are INTERRUPTED; run their work again to finish it */
    @EventListener(ApplicationStartedEvent.class)
    public void markInterrupted() {
        int n = jdbc.update("update job set state = 'INTERRUPTED', updated_at = ?, finished_at = ? where state = 'RUNNING'"
                + " and updated_at < ?", now(), now(), now().minusSeconds(30));
        if (n > 0) {
            log.warn("{} job(s) were interrupted by a stop and are marked INTERRUPTED", n);
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private Job row(ResultSet rs, int i) throws SQLException {
        try {
            return new Job(rs.getObject("id", UUID.class), rs.getString("kind"), Job.State.valueOf(rs.getString("state")),
                    rs.getString("description"), rs.getLong("done"), (Long) rs.getObject("total"),
                    json.readValue(rs.getString("counts"), COUNTS), rs.getString("result"), rs.getString("error"),
                    rs.getString("started_by"), rs.getObject("started_at", OffsetDateTime.class),
                    rs.getObject("updated_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class));
        } catch (JsonProcessingException e) {
            throw new SQLException(e);
        }
    }

    private final class Progress implements JobProgress {
        private final UUID id;
        private long done;
        private Long total;
        private final Map<String, Long> counts = new ConcurrentHashMap<>();
        private String result;
        private long lastWrite;

        Progress(UUID id) {
            this.id = id;
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
        public synchronized void result(String document) {
            this.result = document;
        }

        synchronized void flush() {
            lastWrite = System.currentTimeMillis();
            try {
                jdbc.update("update job set done = ?, total = ?, counts = ?::jsonb, updated_at = ? where id = ?",
                        done, total, json.writeValueAsString(new LinkedHashMap<>(counts)), now(), id);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
