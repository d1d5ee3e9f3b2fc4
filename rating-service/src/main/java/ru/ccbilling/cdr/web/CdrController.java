package ru.ccbilling.cdr.web;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import ru.ccbilling.api.CdrsApi;
import ru.ccbilling.api.model.CallType;
import ru.ccbilling.api.model.CdrBatch;
import ru.ccbilling.api.model.CdrBatchResult;
import ru.ccbilling.api.model.CdrOutcome;
import ru.ccbilling.api.model.CdrPage;
import ru.ccbilling.api.model.CdrStatus;
import ru.ccbilling.api.model.Outcome;
import ru.ccbilling.api.model.ChargeLine;
import ru.ccbilling.api.model.RatedCdr;
import ru.ccbilling.api.model.RejectReason;
import ru.ccbilling.cdr.CdrIntake;
import ru.ccbilling.cdr.CdrStore;
import ru.ccbilling.cdr.IntakeOutcome;
import ru.ccbilling.cdr.RejectHistory;
import ru.ccbilling.cdr.StoredCdr;
import ru.ccbilling.money.Money;
import ru.ccbilling.rating.LineNotes;
import ru.ccbilling.security.SourceScope;
import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.web.Downloads;
import ru.ccbilling.web.Problems;

@RestController
class CdrController implements CdrsApi {

    static final int MAX_BATCH = 10_000;

    private final CdrIntake intake;
    private final CdrStore store;
    private final RejectHistory history;

    CdrController(CdrIntake intake, CdrStore store, RejectHistory history) {
        this.intake = intake;
        this.store = store;
        this.history = history;
    }

    @Override
    public ResponseEntity<CdrBatchResult> submitCdrs(CdrBatch batch) {
        if (batch.getRecords() == null) {
            throw Refusal.invalid("records", "value.required");
        }
        if (batch.getRecords().size() > MAX_BATCH) {
            throw Refusal.invalid("records", "cdr.records.tooMany", MAX_BATCH, batch.getRecords().size());
        }
        SourceScope.requireReachable(batch.getRecords(), "records");
        List<CdrOutcome> results = intake.submit(batch.getRecords()).stream().map(CdrController::outcome).toList();
        return ResponseEntity.ok(new CdrBatchResult(results));
    }

    @Override
    public ResponseEntity<RatedCdr> getCdr(String source, String cdrId) {
        // another source's record is "not found", so that a key learns nothing of what it may not read
        return store.find(source, cdrId).filter(cdr -> SourceScope.reaches(source)).map(CdrController::view)
                .map(cdr -> cdr.rejections(RejectController.rejections(history.of(source, cdrId))))
                .map(ResponseEntity::ok)
                .orElseThrow(() -> Refusal.notFound("cdr.notFound", cdrId, source));
    }

    @Override
    public ResponseEntity<CdrPage> listCdrs(CdrStatus status, String account, String source, OffsetDateTime from,
                                           OffsetDateTime to, String sort, Integer page, Integer size) {
        var result = store.list(new CdrStore.Filter(status == null ? null : status.getValue(), account,
                SourceScope.visible(source), from, to),
                sort, page, size);
        return ResponseEntity.ok(new CdrPage(result.items().stream().map(CdrController::view).toList(),
                result.total(), page, size));
    }

    @Override
    public ResponseEntity<org.springframework.core.io.Resource> exportCdrsCsv(CdrStatus status, String account,
            String source, OffsetDateTime from, OffsetDateTime to, String sort) {
        CdrStore.Filter filter = filter(status, account, source, from, to);
        return Downloads.csv("cdrs", table -> store.export(filter, sort, table));
    }

    @Override
    public ResponseEntity<org.springframework.core.io.Resource> exportCdrsXlsx(CdrStatus status, String account,
            String source, OffsetDateTime from, OffsetDateTime to, String sort) {
        CdrStore.Filter filter = filter(status, account, source, from, to);
        return Downloads.xlsx("cdrs", "Записи CDR", table -> store.export(filter, sort, table));
    }

    private static CdrStore.Filter filter(CdrStatus status, String account, String source, OffsetDateTime from,
                                          OffsetDateTime to) {
        return new CdrStore.Filter(status == null ? null : status.getValue(), account, SourceScope.visible(source),
                from, to);
    }

    private static CdrOutcome outcome(IntakeOutcome o) {
        CdrOutcome out = new CdrOutcome(Outcome.fromValue(o.kind().name())).source(o.source()).cdrId(o.cdrId())
                .errors(null);
        if (o.total() != null) {
            out.total(o.total().toString());
        }
        if (o.reason() != null) {
            out.reason(RejectReason.fromValue(o.reason().name()));
        }
        if (!o.errors().isEmpty()) {
            out.errors(Problems.fieldErrors(o.errors()));
        }
        return out;
    }

    static RatedCdr view(StoredCdr c) {
        return new RatedCdr(Money.CURRENCY, c.lines().stream().map(l -> new ChargeLine(ChargeLine.ComponentEnum.fromValue(l.component()),
                        l.amount(), l.billedSeconds()).stage(l.stage()).participant(l.participant()).rate(l.rate())
                        .note(LineNotes.forReader(l.note(), LocaleContextHolder.getLocale())))
                        .toList())
                .source(c.source()).cdrId(c.cdrId()).status(CdrStatus.fromValue(c.status()))
                .callType(CallType.fromValue(c.callType())).startTime(c.startTime()).caller(c.caller())
                .called(c.called()).durationSec(c.durationSec()).account(c.account()).tariff(c.tariff())
                .tariffVersion(c.tariffVersion()).total(c.total() == null ? null : c.total().toPlainString())
                .reason(c.reason() == null ? null : RejectReason.fromValue(c.reason())).reasonDetail(c.reasonDetail())
                .callerRegion(c.callerRegion()).callerOperator(c.callerOperator()).receivedAt(c.receivedAt())
                .record(c.record()).reprocessedAt(c.reprocessedAt()).rejections(null).errors(null);
    }
}
