package ru.ccbilling.period;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.ccbilling.document.Documents;
import ru.ccbilling.document.IssuedDocument;
import ru.ccbilling.ledger.Ledger;
import ru.ccbilling.ledger.LedgerEntry;
import ru.ccbilling.refusal.Refusal;

/**
 * Reopens a closed (or partially closed) month, with a reason: every entry its closes made is reversed, and so is
 * every correction of the month booked since (re-rating), so that closing it again computes it afresh from the
 * records as they are then. Refused when such a correction sits in a period already closed for its account.
 */
@Service
public class PeriodReopen {

    private final Periods periods;
    private final Ledger ledger;
    private final Documents documents;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    PeriodReopen(Periods periods, Ledger ledger, Documents documents, JdbcTemplate jdbc, Clock clock) {
        this.periods = periods;
        this.ledger = ledger;
        this.documents = documents;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** answers how many account closes were undone */
    @Transactional
    public int reopen(YearMonth month, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw Refusal.invalid("reason", "period.reopenReason");
        }
        Periods.Row row = periods.lock(month);
        UUID running = periods.running(row.closingJob());
        if (running != null) {
            throw Refusal.conflict("period.closing", month, running).at("month");
        }
        List<AccountClose> closes = periods.closes(month);
        if (closes.isEmpty()) {
            throw Refusal.conflict("period.nothingToReopen", month).at("month");
        }
        List<String> accounts = closes.stream().map(AccountClose::account).toList();
        refuseWhenDocumentsWereIssued(month, accounts);
        List<LedgerEntry> corrections = ledger.corrections(month, accounts);
        for (LedgerEntry c : corrections) {
            if (!periods.isOpen(c.account(), c.period())) {
                throw Refusal.conflict("period.correctionInClosedPeriod", c.id(), month, c.account(), c.period()).at("month");
            }
        }
        String why = "открытие периода " + month + ": " + reason.trim();
        ledger.reverseCloses(closes.stream().map(AccountClose::id).toList(), why, actor);
        ledger.reverse(corrections.stream().map(LedgerEntry::id).toList(), why, actor);
        jdbc.update(c -> {
            var ps = c.prepareStatement("update account_close set reopened_at = ?, reopened_by = ?, reopen_reason = ?"
                    + " where id = any(?)");
            ps.setObject(1, OffsetDateTime.now(clock));
            ps.setString(2, actor);
            ps.setString(3, reason.trim());
            ps.setArray(4, c.createArrayOf("bigint", closes.stream().map(AccountClose::id).toArray()));
            return ps;
        });
        PeriodState state = periods.settle(month);
        periods.audit(month, "REOPENED", actor, reason.trim(), closes.size(), corrections.isEmpty() ? "состояние: " + state.inRussian()
                : "состояние: " + state.inRussian() + "; сторнировано корректировок: " + corrections.size(), null);
        return closes.size();
    }

    /**
     * Issued documents never change, so a month whose documents were issued stays closed: closing it again could
     * book other figures than the documents show, with nothing to correct them. Re-rating corrects it instead.
     */
    private void refuseWhenDocumentsWereIssued(YearMonth month, List<String> accounts) {
        List<IssuedDocument> issued = documents.issuedFor(month, accounts);
        if (!issued.isEmpty()) {
            String named = issued.stream().limit(10).map(d -> d.type() + " " + d.number() + " (" + d.account() + ")")
                    .collect(Collectors.joining(", "));
            throw (issued.size() > 10 ? Refusal.conflict("period.documentsIssuedAndMore", month, named, issued.size() - 10)
                    : Refusal.conflict("period.documentsIssued", month, named)).at("month");
        }
    }
}
