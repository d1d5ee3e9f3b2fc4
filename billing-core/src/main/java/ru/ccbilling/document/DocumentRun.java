package ru.ccbilling.document;

import java.time.LocalDate;
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

    /**
     * what a run is started with: the month and its closed accounts, in order, and the date of its documents (null:
     * the month's last day; else the day the run was started, fixed at the start so a resumed run keeps it)
     */
    public record Params(YearMonth month, List<String> accounts, LocalDate documentDate) {
        public Params(YearMonth month, List<String> accounts) {
            this(month, accounts, null);
        }
    }

    /** what a run answers: packages issued now and before, accounts skipped (the first 200, with why), corrections */
    public record Report(YearMonth month, int accounts, long issued, long alreadyIssued, long failed, long corrections,
                         List<Failure> failures) { }

    public record Failure(String account, String reason) { }

    public static final String KIND = "DOCUMENT_RUN";
    private static final int MAX_REPORTED_FAILURES = 200;

    private final PackageIssue issue;
    private final RunPreflight preflight;
    private final CorrectionInvoicing corrections;
    private final DocumentStore store;
    private final Jobs jobs;
    private final int batchSize;

    DocumentRun(PackageIssue issue, RunPreflight preflight, CorrectionInvoicing corrections, DocumentStore store, Jobs jobs,
                @Value("${ccbilling.documents.batch-size:100}") int batchSize) {
        this.issue = issue;
        this.preflight = preflight;
        this.corrections = corrections;
        this.store = store;
        this.jobs = jobs;
        this.batchSize = batchSize;
    }

    /** starts the run of a month dated at its end; refused at once when the pre-flight check finds a blocking problem */
    public UUID start(YearMonth month, String startedBy) {
        return start(month, RunPreflight.DocumentDate.MONTH_END, startedBy);
    }

    /**
     * starts the run of a month, its documents dated as {@code date} says; refused at once (409 naming each conflict)
     * when the pre-flight check finds a blocking problem, so a run never ends with nothing issued for a reason known
     * before it started
     */
    public UUID start(YearMonth month, RunPreflight.DocumentDate date, String startedBy) {
        RunPreflight.Result check = preflight.check(month, date);
        check.requireRunnable();
        List<String> accounts = preflight.accounts(month);
        LocalDate documentDate = date == RunPreflight.DocumentDate.RUN_DATE ? check.documentDate() : null;
        return jobs.start(this, new Params(month, accounts, documentDate), "Документы за " + month
                + (documentDate == null ? "" : " (датой запуска " + documentDate + ")"), startedBy);
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
        Set<String> withPackage = new java.util.LinkedHashSet<>();
        List<Failure> failures = new ArrayList<>();
        long newPackages = 0;
        long correctionCount = 0;
        long failed = 0;
        for (int from = 0; from < accounts.size(); from += batchSize) {
            List<String> chunk = accounts.subList(from, Math.min(accounts.size(), from + batchSize));
            List<Statement> ready = new ArrayList<>();
            for (String account : chunk) {
                if (issued.contains(account)) {
                    withPackage.add(account);
                    progress.advance(1, "ALREADY_ISSUED");
                    continue;
                }
                Optional<Statement> statement = source.statement(account, month);
                List<StatementCheck.Gap> missing = statement.map(StatementCheck::missing)
                        .orElse(List.of(new StatementCheck.Gap("statement", Text.of("document.need.statement"))));
                String reason = missing.isEmpty() ? RunPreflight.unbalanced(statement.get(),
                        issue.rateOn(statement.get().shipmentDate())).map(why -> Text.of("document.preflight.unbalanced",
                        account, why).russian()).orElse(null) : StatementCheck.missingInRussian(missing);
                if (reason == null) {
                    ready.add(statement.get());
                } else {
                    failed++;
                    if (failures.size() < MAX_REPORTED_FAILURES) {
                        failures.add(new Failure(account, reason));
                    }
                    progress.advance(1, "FAILED");
                }
            }
            if (!ready.isEmpty()) {
                issue.issueAll(ready, PackageKind.MONTHLY, params.documentDate());
                newPackages += ready.size();
                ready.forEach(s -> withPackage.add(s.account()));
                progress.advance(ready.size(), "ISSUED");
            }
        }
        // corrections after every package: in one chronological sequence a correction dated after the month's
        // documents would otherwise hold back the next batch's VAT invoices
        for (String account : withPackage) {
            correctionCount += corrections.issue(account, month).size();
        }
        return new Report(month, accounts.size(), newPackages, accounts.size() - newPackages - failed, failed,
                correctionCount, failures);
    }
}
