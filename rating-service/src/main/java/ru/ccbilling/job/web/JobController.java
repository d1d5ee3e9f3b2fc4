package ru.ccbilling.job.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.ccbilling.api.JobsApi;
import ru.ccbilling.job.Jobs;
import ru.ccbilling.web.ApiException;

@RestController
class JobController implements JobsApi {

    private final Jobs jobs;
    private final ObjectMapper json;

    JobController(Jobs jobs, ObjectMapper json) {
        this.jobs = jobs;
        this.json = json;
    }

    @Override
    public ResponseEntity<ru.ccbilling.api.model.Job> getJob(UUID id) {
        return jobs.find(id).map(this::view).map(ResponseEntity::ok)
                .orElseThrow(() -> ApiException.notFound("no job " + id));
    }

    @Override
    public ResponseEntity<List<ru.ccbilling.api.model.Job>> listJobs(String kind, Integer limit) {
        return ResponseEntity.ok(jobs.recent(kind, limit).stream().map(this::view).toList());
    }

    private ru.ccbilling.api.model.Job view(ru.ccbilling.job.Job job) {
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
