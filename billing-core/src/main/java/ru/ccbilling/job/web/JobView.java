package ru.ccbilling.job.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.ccbilling.job.Job;

/** A job as the contract shows it; shared by every endpoint that answers with a job. */
public final class JobView {

    private JobView() { }

    public static ru.ccbilling.api.model.Job of(Job job, ObjectMapper json) {
        try {
            return new ru.ccbilling.api.model.Job(job.id(), job.kind(),
                    ru.ccbilling.api.model.Job.StateEnum.fromValue(job.state().name()), job.done(), job.counts())
                    .description(job.description()).total(job.total())
                    .result(job.result() == null ? null : json.readValue(job.result(), Object.class))
                    .error(job.error()).startedBy(job.startedBy()).startedAt(job.startedAt())
                    .updatedAt(job.updatedAt()).finishedAt(job.finishedAt());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
