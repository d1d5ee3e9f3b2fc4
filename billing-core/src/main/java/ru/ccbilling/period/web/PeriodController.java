package ru.ccbilling.period.web;

import static ru.ccbilling.web.Decimals.plain;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.ObjectMapper;

import ru.ccbilling.account.AccountDirectory;
import ru.ccbilling.api.PeriodsApi;
import ru.ccbilling.api.model.AccountCloseView;
import ru.ccbilling.api.model.AccountUsage;
import ru.ccbilling.api.model.EntryKind;
import ru.ccbilling.api.model.KindTotal;
import ru.ccbilling.api.model.PeriodAuditEntry;
import ru.ccbilling.api.model.PeriodCloseRequest;
import ru.ccbilling.api.model.PeriodState;
import ru.ccbilling.api.model.ReasonRequest;
import ru.ccbilling.api.model.RerateDifference;
import ru.ccbilling.api.model.RerateRequest;
import ru.ccbilling.api.model.RerateResult;
import ru.ccbilling.api.model.UsageLine;
import ru.ccbilling.job.Jobs;
import ru.ccbilling.job.web.JobView;
import ru.ccbilling.ledger.Ledger;
import ru.ccbilling.period.FinancialPeriod;
import ru.ccbilling.period.PeriodClose;
import ru.ccbilling.period.PeriodReopen;
import ru.ccbilling.period.PeriodRerating;
import ru.ccbilling.period.Periods;
import ru.ccbilling.period.UsageReport;
import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.web.CurrentUser;

@RestController
class PeriodController implements PeriodsApi {

    private final Periods periods;
    private final PeriodClose close;
    private final PeriodReopen reopen;
    private final PeriodRerating rerating;
    private final UsageReport usage;
    private final Ledger ledger;
    private final AccountDirectory accounts;
    private final ObjectMapper json;
    private final Jobs jobs;

    PeriodController(Periods periods, PeriodClose close, PeriodReopen reopen, PeriodRerating rerating, UsageReport usage,
                     Ledger ledger, AccountDirectory accounts, Jobs jobs, ObjectMapper json) {
        this.json = json;
        this.periods = periods;
        this.close = close;
        this.reopen = reopen;
        this.rerating = rerating;
        this.usage = usage;
        this.ledger = ledger;
        this.accounts = accounts;
        this.jobs = jobs;
    }

    @Override
    public ResponseEntity<List<ru.ccbilling.api.model.FinancialPeriod>> listPeriods() {
        return ResponseEntity.ok(periods.recent().stream().map(PeriodController::summary).toList());
    }

    @Override
    public ResponseEntity<ru.ccbilling.api.model.FinancialPeriod> getPeriod(String month) {
        return ResponseEntity.ok(detail(YearMonth.parse(month)));
    }

    /**
     * The body is optional: no body (and no Content-Type) closes every account. Spring decides whether a request
     * without a body matches from the implementing method's own annotation, hence it is repeated here.
     */
    @Override
    public ResponseEntity<ru.ccbilling.api.model.Job> closePeriod(String month, @RequestBody(required = false) PeriodCloseRequest request) {
        UUID job = close.request(YearMonth.parse(month), request == null ? null : request.getAccounts(),
                CurrentUser.name());
        ru.ccbilling.job.Job started = jobs.find(job).orElseThrow();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(JobView.of(started, json));
    }

    @Override
    public ResponseEntity<ru.ccbilling.api.model.FinancialPeriod> reopenPeriod(String month, ReasonRequest request) {
        YearMonth m = YearMonth.parse(month);
        reopen.reopen(m, request.getReason(), CurrentUser.name());
        return ResponseEntity.ok(detail(m));
    }

    @Override
    public ResponseEntity<RerateResult> reratePeriod(String month, RerateRequest request) {
        PeriodRerating.Outcome o = rerating.rerate(YearMonth.parse(month), request.getAccount(),
                blankToNull(request.getTariff()), request.getTariffVersion(), Boolean.TRUE.equals(request.getApply()),
                CurrentUser.name());
        return ResponseEntity.ok(new RerateResult(o.month().toString(), o.account(), o.closed(), o.applied(), o.records(),
                o.unrated(), o.differences().stream().map(d -> new RerateDifference(EntryKind.fromValue(d.kind().name()),
                        d.oldAmount().toString(), d.newAmount().toString(), d.difference().toString())
                        .service(d.service()).component(d.component())).toList(), o.corrections())
                .tariff(o.tariff()).tariffVersion(o.tariffVersion())
                .bookedIn(o.bookedIn() == null ? null : o.bookedIn().toString()));
    }

    @Override
    public ResponseEntity<List<PeriodAuditEntry>> getPeriodAudit(String month) {
        return ResponseEntity.ok(periods.audit(YearMonth.parse(month)).stream()
                .map(a -> new PeriodAuditEntry(a.id(), a.month().toString(), a.action(), a.actor(), a.at())
                        .reason(a.reason()).accounts(a.accounts()).detail(a.detail()).job(a.job())).toList());
    }

    @Override
    public ResponseEntity<AccountUsage> getAccountUsage(String account, String month) {
        if (!accounts.exists(account)) {
            throw Refusal.notFound("account.unknown", account);
        }
        UsageReport.Report report = usage.of(account, YearMonth.parse(month));
        return ResponseEntity.ok(new AccountUsage(account, month, report.closed(), report.lines().stream()
                .map(l -> new UsageLine(l.service(), l.component(), l.amount().toString())
                        .quantity(plain(l.quantity())).unit(l.unit())).toList(), report.total().toString())
                .networkMinutes(plain(report.networkMinutes())).cdrs(report.cdrs())
                .serviceEvents(report.serviceEvents()).lateRecords(report.lateRecords()));
    }

    private ru.ccbilling.api.model.FinancialPeriod detail(YearMonth month) {
        return summary(periods.find(month))
                .closes(periods.closes(month).stream().map(c -> new AccountCloseView(c.account(), c.closedBy(), c.closedAt())
                        .job(c.job()).cdrs(c.cdrs()).serviceEvents(c.serviceEvents())
                        .networkMinutes(plain(c.networkMinutes())).tariff(c.tariff()).tariffVersion(c.tariffVersion()))
                        .toList())
                .totals(ledger.totals(month).entrySet().stream()
                        .map(t -> new KindTotal(EntryKind.fromValue(t.getKey().name()), t.getValue().toString())).toList());
    }

    private static ru.ccbilling.api.model.FinancialPeriod summary(FinancialPeriod p) {
        return new ru.ccbilling.api.model.FinancialPeriod(p.month().toString(), PeriodState.fromValue(p.state().name()),
                p.closedAccounts(), p.accounts()).closingJob(p.closingJob()).updatedAt(p.updatedAt());
    }


    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
