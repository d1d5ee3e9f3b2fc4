package ru.ccbilling.document;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import ru.ccbilling.document.IssuedDocument.PackageKind;
import ru.ccbilling.job.JobProgress;
import ru.ccbilling.job.Jobs;
import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.refusal.Text;

/**
 * The month's mass generation, as a job (kind DOCUMENT_RUN): the packages of every account whose month is closed,
 * in batches (a block of numbers per batch, rendering in parallel, batched inserts), then the corrections not yet
 * issued. Idempotent: a package already issued is kept, so running the month again completes what was left and
 * picks up new corrections. An account whose statement lacks what the forms need is skipped and reported.
 */
@Service
public class DocumentRun {

    public static final String KIND = "DOCUMENT_RUN";
    private static final int MAX_REPORTED_FAILURES = 200;

    private final PackageIssue issue;
    private final CorrectionInvoicing corrections;
    private final DocumentStore store;
    private final Jobs jobs;
    private final int batchSize;

    DocumentRun(PackageIssue issue, CorrectionInvoicing corrections, DocumentStore store, Jobs jobs,
                @Value("${ccbilling.documents.batch-size:100}") int batchSize) {
        this.issue = issue;
        this.corrections = corrections;
        this.store = store;
        this.jobs = jobs;
        this.batchSize = batchSize;
    }

    /** starts the run of a month; refused at once when no account has that month closed */
    public UUID start(YearMonth month, String startedBy) {
        StatementSource source = issue.source();
        List<String> accounts = accounts(source, month);
        return jobs.start(KIND, "Documents for " + month, startedBy, progress -> run(source, month, accounts, progress));
    }

    /** the same on the calling thread (the benchmark, tests that wait) */
    public ru.ccbilling.job.Job runHere(YearMonth month, String startedBy) {
        StatementSource source = issue.source();
        List<String> accounts = accounts(source, month);
        return jobs.runHere(KIND, "Documents for " + month, startedBy, progress -> run(source, month, accounts, progress));
    }

    private static List<String> accounts(StatementSource source, YearMonth month) {
        List<String> accounts = new ArrayList<>(source.closedAccounts(month));
        if (accounts.isEmpty()) {
            throw Refusal.conflict("document.noClosedMonth", month).at("month");
        }
        accounts.sort(null);
        return accounts;
    }

    private void run(StatementSource source, YearMonth month, List<String> accounts, JobProgress progress) {
        progress.total(accounts.size());
        Set<String> issued = store.monthlyAccounts(month);
        List<Map<String, String>> failures = new ArrayList<>();
        long newPackages = 0;
        long correctionCount = 0;
        long failed = 0;
        for (int from = 0; from < accounts.size(); from += batchSize) {
            List<String> chunk = accounts.subList(from, Math.min(accounts.size(), from + batchSize));
            List<Statement> ready = new ArrayList<>();
            for (String account : chunk) {
                if (issued.contains(account)) {
                    progress.advance(1, "ALREADY_ISSUED");
                    continue;
                }
                Optional<Statement> statement = source.statement(account, month);
                List<StatementCheck.Gap> missing = statement.map(StatementCheck::missing)
                        .orElse(List.of(new StatementCheck.Gap("statement", Text.of("document.need.statement"))));
                if (missing.isEmpty()) {
                    ready.add(statement.get());
                } else {
                    failed++;
                    if (failures.size() < MAX_REPORTED_FAILURES) {
                        failures.add(Map.of("account", account, "reason", StatementCheck.missingInRussian(missing)));
                    }
                    progress.advance(1, "FAILED");
                }
            }
            if (!ready.isEmpty()) {
                issue.issueAll(ready, PackageKind.MONTHLY);
                newPackages += ready.size();
                progress.advance(ready.size(), "ISSUED");
            }
            for (String account : chunk) {
                if (issued.contains(account) || ready.stream().anyMatch(s -> s.account().equals(account))) {
                    correctionCount += corrections.issue(account, month).size();
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("month", month.toString());
        result.put("accounts", accounts.size());
        result.put("issued", newPackages);
        result.put("alreadyIssued", accounts.size() - newPackages - failed);
        result.put("failed", failed);
        result.put("corrections", correctionCount);
        result.put("failures", failures);
        progress.result(DocumentJson.write(result));
    }
}
