package ru.ccbilling.job;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A long-running job as last recorded: its state, progress (done of total) and counts by outcome. */
public record Job(UUID id, String kind, State state, String description, long done, Long total,
                  Map<String, Long> counts, String result, String error, String startedBy, OffsetDateTime startedAt,
                  OffsetDateTime updatedAt, OffsetDateTime finishedAt) {

    public enum State { RUNNING, SUCCEEDED, FAILED, INTERRUPTED }
}
