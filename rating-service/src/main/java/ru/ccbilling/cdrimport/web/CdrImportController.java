package ru.ccbilling.cdrimport.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RestController;

import ru.ccbilling.api.CdrImportApi;
import ru.ccbilling.api.JobsApi;
import ru.ccbilling.api.model.Job;
import ru.ccbilling.cdrimport.CdrFileImport;
import ru.ccbilling.security.SourceScope;
import ru.ccbilling.refusal.Refusal;

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
        UUID id;
        try (InputStream file = body.getInputStream()) {
            id = imports.start(mapping, source, file, currentUser());
        } catch (IOException e) {
            throw Refusal.invalid("body", "import.file.notRead");
        }
        // the job as GET /api/v1/jobs/{id} shows it, so that both answers are the same document
        return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/" + id)).body(jobs.getJob(id).getBody());
    }

    private static String currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? null : auth.getName();
    }
}
