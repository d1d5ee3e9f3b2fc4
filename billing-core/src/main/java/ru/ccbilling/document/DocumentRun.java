package ru.ccbilling.document;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import ru.ccbilling.document.IssuedDocument.PackageKind;
import ru.ccbilling.job.JobHandler;
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
public class DocumentRun implements JobHandler<DocumentRun.Params, DocumentRun.Report> {

    /** what a run is started with: the month and its closed accounts, in order */
    public record Params(YearMonth month, List<String> accounts) { }

    /** what a run answers: packages issued now and before, accounts skipped (the first 200, with why), corrections */
    public record Report(YearMonth month, int accounts, long issued, long alreadyIssued, long failed, long corrections,
                         List<Failure> failures) { }

    public record Failure(String account, String reason) { }

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
        return jobs.start(this, new Params(month, accounts(issue.source(), month)), "Документы за " + month, startedBy);
    }

    /** the same on the calling thread (the benchmark, tests that wait) */
    public ru.ccbilling.job.Job runHere(YearMonth month, String startedBy) {
        return jobs.runHere(this, new Params(month, accounts(issue.source(), month)), "Документы за " + month, startedBy);
    }

    private static List<String> accounts(StatementSource source, YearMonth month) {
        List<String> accounts = new ArrayList<>(source.closedAccounts(month));
        if (accounts.isEmpty()) {
            throw Refusal.conflict("document.noClosedMonth", month).at("month");
        }
        accounts.sort(null);
        return accounts;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public Class<Report> resultType() {
        return Report.class;
    }

    @Override
    public Report run(Params params, JobProgress progress) {
        StatementSource source = issue.source();
        YearMonth month = params.month();
        List<String> accounts = params.accounts();
        progress.total(accounts.size());
        Set<String> issued = store.monthlyAccounts(month);
        List<Failure> failures = new ArrayList<>();
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
                        failures.add(new Failure(account, StatementCheck.missingInRussian(missing)));
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
        return new Report(month, accounts.size(), newPackages, accounts.size() - newPackages - failed, failed,
                correctionCount, failures);
    }
}
