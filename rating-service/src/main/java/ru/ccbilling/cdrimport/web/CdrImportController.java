package ru.ccbilling.cdrimport.web;

import java.net.URI;
import java.util.UUID;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import ru.ccbilling.api.CdrImportApi;
import ru.ccbilling.api.JobsApi;
import ru.ccbilling.api.model.Job;
import ru.ccbilling.cdrimport.CdrFileImport;
import ru.ccbilling.security.SourceScope;
import ru.ccbilling.web.CurrentUser;

@RestController
class CdrImportController implements CdrImportApi {

    private final CdrFileImport imports;
    private final JobsApi jobs;

    CdrImportController(CdrFileImport imports, JobsApi jobs) {
        this.imports = imports;
        this.jobs = jobs;
    }

    @Override
    public ResponseEntity<Job> importCdrs(String mapping, String source, Resource body) {
        SourceScope.requireReachable(source, "source");
        UUID id = imports.start(mapping, source, body, CurrentUser.name());
        // the job as GET /api/v1/jobs/{id} shows it, so that both answers are the same document
        return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/" + id)).body(jobs.getJob(id).getBody());
    }
}
