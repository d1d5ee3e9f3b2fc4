package ru.ccbilling.cdr;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.ccbilling.job.Job;
import ru.ccbilling.job.JobHandler;
import ru.ccbilling.job.JobProgress;
import ru.ccbilling.job.Jobs;
import ru.ccbilling.rating.CdrReader;
import ru.ccbilling.rating.RatingEngine;
import ru.ccbilling.rating.RatingResult;

/**
 * Re-rates rejected records with the reference data and tariffs in force now, after an operator fixed what was
 * missing. Each chunk of records is locked, re-rated and updated in one transaction: a record that rates becomes
 * RATED, one still rejected keeps REJECTED with its new reason and a new line in its history. A selection larger
 * than {@link #AT_ONCE} records runs as a job; run again after a crash, it re-rates what is still rejected.
 */
@Service
public class RejectReprocessing implements JobHandler<RejectReprocessing.Params, RejectReprocessing.Result> {

    public static final String JOB_KIND = "REJECT_REPROCESS";
    /** selections up to this size are re-rated while the caller waits */
    public static final int AT_ONCE = 1000;
    static final int CHUNK = 500;
    private static final String RATED = "RATED";

    private static final Logger log = LoggerFactory.getLogger(RejectReprocessing.class);

    public record CdrKey(String source, String cdrId) { }

    /** the listed records, or (when {@code keys} is null) every rejected record under the filter */
    public record Selection(List<CdrKey> keys, RejectQueue.Filter filter) { }

    /** what a reprocessing job is started with: the selection and its size when asked */
    public record Params(Selection selection, long size) { }

    public record Result(long selected, long rated, long stillRejected, Map<String, Long> byReason, long skipped) { }

    /** re-rated at once, or started as a job */
    public sealed interface Answer permits Done, Started { }

    public record Done(Result result) implements Answer { }

    public record Started(Job job) implements Answer { }

    private final RejectQueue queue;
    private final RejectHistory history;
    private final RatingEngine engine;
    private final TransactionTemplate tx;
    private final Jobs jobs;
    private final ObjectMapper json;
    private final Clock clock;

    RejectReprocessing(RejectQueue queue, RejectHistory history, RatingEngine engine, TransactionTemplate tx, Jobs jobs,
                       ObjectMapper json, Clock clock) {
        this.queue = queue;
        this.history = history;
        this.engine = engine;
        this.tx = tx;
        this.jobs = jobs;
        this.json = json;
        this.clock = clock;
    }

    public Answer reprocess(Selection selection, String startedBy) {
        long size = selection.keys() != null ? selection.keys().size()
                : queue.countsByReason(selection.filter()).values().stream().mapToLong(Long::longValue).sum();
        if (size <= AT_ONCE) {
            return new Done(rerateAll(selection, null));
        }
        UUID id = jobs.start(this, new Params(selection, size), "Повторная обработка отклонённых записей: " + size, startedBy);
        return new Started(jobs.find(id).orElseThrow());
    }

    @Override
    public String kind() {
        return JOB_KIND;
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public Class<Result> resultType() {
        return Result.class;
    }

    @Override
    public Result run(Params params, JobProgress progress) {
        progress.total(params.size());
        return rerateAll(params.selection(), progress);
    }

    private Result rerateAll(Selection selection, JobProgress progress) {
        Tally tally = new Tally(progress);
        if (selection.keys() != null) {
            List<CdrKey> keys = new ArrayList<>(new LinkedHashSet<>(selection.keys()));
            for (int from = 0; from < keys.size(); from += CHUNK) {
                List<CdrKey> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
                List<String> outcomes = tx.execute(status -> rerate(queue.lock(
                        chunk.stream().map(CdrKey::source).toList(), chunk.stream().map(CdrKey::cdrId).toList())));
                tally.add(outcomes);
                tally.skipped(chunk.size() - outcomes.size());
            }
            return tally.result();
        }
        RejectQueue.Locked[] after = {null};
        List<String> outcomes;
        do {
            outcomes = tx.execute(status -> {
                List<RejectQueue.Locked> rows = queue.lockNext(selection.filter(), after[0], CHUNK);
                if (!rows.isEmpty()) {
                    after[0] = rows.get(rows.size() - 1);
                }
                return rerate(rows);
            });
            tally.add(outcomes);
        } while (outcomes.size() == CHUNK);
        return tally.result();
    }

    /** re-rates the locked rows and writes the outcome; answers each row's outcome: RATED or its reason */
    private List<String> rerate(List<RejectQueue.Locked> rows) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<RejectQueue.Rerated> rerated = new ArrayList<>(rows.size());
        List<RejectHistory.Rejection> rejections = new ArrayList<>();
        List<String> outcomes = new ArrayList<>(rows.size());
        for (RejectQueue.Locked row : rows) {
            RatingResult result = rate(row);
            if (result == null) {
                outcomes.add(row.reason());
                continue;
            }
            rerated.add(new RejectQueue.Rerated(row, result));
            if (result instanceof RatingResult.Rejected rejected) {
                rejections.add(new RejectHistory.Rejection(row.source(), row.cdrId(), row.startTime(),
                        rejected.reason().name(), rejected.detail().russian(), now));
                outcomes.add(rejected.reason().name());
            } else {
                outcomes.add(RATED);
            }
        }
        queue.update(rerated, now);
        history.record(rejections);
        return outcomes;
    }

    /** the record read again as intake read it; null (left as it is) if it no longer reads */
    private RatingResult rate(RejectQueue.Locked row) {
        try {
            CdrReader.Read read = CdrReader.read(json.readTree(row.record()));
            if (read.ok()) {
                return engine.rate(read.cdr());
            }
            log.warn("rejected record {}/{} no longer reads: {}", row.source(), row.cdrId(), read.problems());
        } catch (JsonProcessingException e) {
            log.warn("rejected record {}/{} is not JSON", row.source(), row.cdrId(), e);
        }
        return null;
    }

    /** what became of the records so far; reports to the job, if there is one */
    private static final class Tally {
        private final JobProgress progress;
        private long rated;
        private long stillRejected;
        private long skipped;
        private final Map<String, Long> byReason = new LinkedHashMap<>();

        Tally(JobProgress progress) {
            this.progress = progress;
        }

        void add(List<String> outcomes) {
            for (String outcome : outcomes) {
                if (outcome.equals(RATED)) {
                    rated++;
                } else {
                    stillRejected++;
                    byReason.merge(outcome, 1L, Long::sum);
                }
                if (progress != null) {
                    progress.advance(1, outcome.equals(RATED) ? RATED : "REJECTED");
                }
            }
        }

        void skipped(int n) {
            skipped += n;
            if (progress != null && n > 0) {
                progress.advance(n, "SKIPPED");
            }
        }

        Result result() {
            return new Result(rated + stillRejected, rated, stillRejected,
                    Collections.unmodifiableMap(new LinkedHashMap<>(byReason)), skipped);
        }
    }
}
