package ru.ccbilling.job;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * A long-running job as last recorded: its state, progress (done of total), counts by outcome and result (the JSON of
 * its handler's result record; read it typed with {@link Jobs#result}).
 */
public record Job(UUID id, String kind, State state, String description, long done, Long total,
                  Map<String, Long> counts, String result, String error, String startedBy, OffsetDateTime startedAt,
                  OffsetDateTime updatedAt, OffsetDateTime finishedAt) {

    /**
     * RUNNING also while a job interrupted by a crash is resumed; INTERRUPTED is a job stopped by a crash that cannot
     * be resumed by itself (its kind has no handler, or it was started before jobs kept their parameters).
     */
    public enum State { RUNNING, SUCCEEDED, FAILED, INTERRUPTED }
}
