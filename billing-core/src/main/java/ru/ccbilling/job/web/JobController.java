package ru.ccbilling.job.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.ObjectMapper;

import ru.ccbilling.api.JobsApi;
import ru.ccbilling.job.Jobs;
import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.web.CurrentUser;

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
        // an API key sees the jobs it started; another's is "not found", as if it did not exist
        return jobs.find(id).filter(job -> !CurrentUser.isConfined() || CurrentUser.name().equals(job.startedBy()))
                .map(job -> JobView.of(job, json)).map(ResponseEntity::ok)
                .orElseThrow(() -> Refusal.notFound("job.unknown", id));
    }

    @Override
    public ResponseEntity<List<ru.ccbilling.api.model.Job>> listJobs(String kind, Integer limit) {
        String startedBy = CurrentUser.isConfined() ? CurrentUser.name() : null;
        return ResponseEntity.ok(jobs.recent(kind, startedBy, limit).stream().map(job -> JobView.of(job, json)).toList());
    }
}
