package ru.ccbilling.cdr.web;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.ObjectMapper;

import ru.ccbilling.api.RejectsApi;
import ru.ccbilling.api.model.CallType;
import ru.ccbilling.api.model.RejectPage;
import ru.ccbilling.api.model.RejectReason;
import ru.ccbilling.api.model.RejectedCdr;
import ru.ccbilling.api.model.ReprocessRequest;
import ru.ccbilling.api.model.ReprocessResult;
import ru.ccbilling.cdr.RejectQueue;
import ru.ccbilling.cdr.RejectReprocessing;
import ru.ccbilling.job.web.JobView;
import ru.ccbilling.security.SourceScope;
import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.web.Downloads;

@RestController
class RejectController implements RejectsApi {

    private final RejectQueue queue;
    private final RejectReprocessing reprocessing;
    private final ObjectMapper json;

    RejectController(RejectQueue queue, RejectReprocessing reprocessing, ObjectMapper json) {
        this.queue = queue;
        this.reprocessing = reprocessing;
        this.json = json;
    }

    @Override
    public ResponseEntity<RejectPage> listRejects(RejectReason reason, String source, String account,
                                                  OffsetDateTime from, OffsetDateTime to, String sort, Integer page,
                                                  Integer size) {
        RejectQueue.Page found = queue.list(filter(reason, source, account, from, to), sort, page, size);
        return ResponseEntity.ok(new RejectPage(found.items().stream().map(RejectController::view).toList(),
                found.total(), page, size, found.countsByReason()));
    }

    @Override
    public ResponseEntity<org.springframework.core.io.Resource> exportRejectsCsv(RejectReason reason, String source,
            String account, OffsetDateTime from, OffsetDateTime to, String sort) {
        RejectQueue.Filter filter = filter(reason, source, account, from, to);
        return Downloads.csv("rejects", table -> queue.export(filter, sort, table));
    }

    @Override
    public ResponseEntity<org.springframework.core.io.Resource> exportRejectsXlsx(RejectReason reason, String source,
            String account, OffsetDateTime from, OffsetDateTime to, String sort) {
        RejectQueue.Filter filter = filter(reason, source, account, from, to);
        return Downloads.xlsx("rejects", "Отсев", table -> queue.export(filter, sort, table));
    }

    /** 200 with the result, or 202 with the job for a large selection */
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ResponseEntity<ReprocessResult> reprocessRejects(ReprocessRequest request) {
        RejectReprocessing.Answer answer = reprocessing.reprocess(selection(request), currentUser());
        if (answer instanceof RejectReprocessing.Started started) {
            // the generated signature knows only the 200 body; the contract answers 202 with the job
            return (ResponseEntity) ResponseEntity.status(HttpStatus.ACCEPTED).body(JobView.of(started.job(), json));
        }
        RejectReprocessing.Result result = ((RejectReprocessing.Done) answer).result();
        return ResponseEntity.ok(new ReprocessResult(result.selected(), result.rated(), result.stillRejected(),
                result.byReason()).skipped(result.skipped()));
    }

    private static RejectReprocessing.Selection selection(ReprocessRequest request) {
        boolean byIds = request.getIds() != null && !request.getIds().isEmpty();
        boolean all = Boolean.TRUE.equals(request.getAll());
        if (byIds && (all || request.getReason() != null)) {
            throw Refusal.invalid("ids", "reprocess.severalSelections");
        }
        if (byIds) {
            if (request.getSource() != null || request.getAccount() != null || request.getFrom() != null
                    || request.getTo() != null) {
                throw Refusal.invalid("ids", "reprocess.filtersWithIds");
            }
            return new RejectReprocessing.Selection(request.getIds().stream()
                    .map(k -> new RejectReprocessing.CdrKey(k.getSource(), k.getCdrId())).toList(), null);
        }
        if (!all && request.getReason() == null) {
            throw Refusal.invalid("ids", "reprocess.nothingSelected");
        }
        return new RejectReprocessing.Selection(null, filter(request.getReason(), request.getSource(),
                request.getAccount(), request.getFrom(), request.getTo()));
    }

    private static RejectQueue.Filter filter(RejectReason reason, String source, String account, OffsetDateTime from,
                                             OffsetDateTime to) {
        return new RejectQueue.Filter(reason == null ? null : ru.ccbilling.rating.RejectReason.valueOf(reason.getValue()),
                SourceScope.visible(blankToNull(source)), blankToNull(account), from, to);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? null : auth.getName();
    }

    private static RejectedCdr view(RejectQueue.Rejected r) {
        return new RejectedCdr(r.source(), r.cdrId(), r.startTime(), RejectReason.fromValue(r.reason()))
                .callType(CallType.fromValue(r.callType())).caller(r.caller()).called(r.called())
                .durationSec(r.durationSec()).account(r.account()).reasonDetail(r.reasonDetail())
                .receivedAt(r.receivedAt()).reprocessedAt(r.reprocessedAt());
    }

    static List<ru.ccbilling.api.model.Rejection> rejections(List<ru.ccbilling.cdr.RejectHistory.Rejection> history) {
        return history.stream().map(h -> new ru.ccbilling.api.model.Rejection(RejectReason.fromValue(h.reason()), h.at())
                .detail(h.detail())).toList();
    }
}
