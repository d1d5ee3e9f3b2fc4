package ru.ccbilling.cdr;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ru.ccbilling.rating.RatingResult;
import ru.ccbilling.rating.ReferenceSource;

/**
 * Keeps billing's report facts equal to the stored CDRs, in the transaction that stores or changes them: a chunk
 * stored at intake, re-rated ({@link CdrStore#restate}) or reprocessed ({@link RejectQueue}) is grouped in Java
 * ({@link ReportFacts}) and the grouped rows are appended to the pending facts with one COPY each
 * (report_call_pending, report_line_pending); {@link ReportFactsFold} folds them into the daily and monthly facts.
 * A change counts -1 for the records as they were stored (read back as {@link StoredCdr}) and +1 as they are now.
 * {@code ccbilling.reports.facts-at-intake=false} leaves intake's facts out: only for the intake benchmark (the facts
 * are then short of the records stored).
 */
@Component
public class ReportFactsAtIntake {

    private final JdbcTemplate jdbc;
    private final ReferenceSource reference;
    private final boolean atIntake;

    ReportFactsAtIntake(JdbcTemplate jdbc, ReferenceSource reference,
                        @Value("${ccbilling.reports.facts-at-intake:true}") boolean atIntake) {
        this.jdbc = jdbc;
        this.reference = reference;
        this.atIntake = atIntake;
    }

    /** the records of a chunk stored at intake: +1 each */
    void stored(List<CdrStore.Pending> records) {
        if (!atIntake || records.isEmpty()) {
            return;
        }
        ReportFacts facts = new ReportFacts(reference.current());
        for (CdrStore.Pending p : records) {
            facts.add(p, 1);
        }
        append(facts);
    }

    /** stored records replaced: -1 for each as it was, +1 for each as it is now */
    private void replaced(List<StoredCdr> before, List<StoredCdr> after) {
        ReportFacts facts = new ReportFacts(reference.current());
        for (StoredCdr c : before) {
            facts.add(c, -1);
        }
        for (StoredCdr c : after) {
            facts.add(c, 1);
        }
        append(facts);
    }

    /** re-rated records ({@link CdrStore#restate}): lines, total, tariff and version replaced on the RATED ones */
    void restated(List<StoredCdr> before, List<CdrStore.Pending> rerated) {
        Map<String, RatingResult.Rated> byKey = new HashMap<>();
        for (CdrStore.Pending p : rerated) {
            byKey.put(p.key(), (RatingResult.Rated) p.result());
        }
        List<StoredCdr> old = new ArrayList<>(before.size());
        List<StoredCdr> now = new ArrayList<>(before.size());
        for (StoredCdr c : before) {
            RatingResult.Rated r = byKey.get(c.source() + '\u0000' + c.cdrId());
            if (r == null || !"RATED".equals(c.status())) {
                continue;
            }
            old.add(c);
            now.add(new StoredCdr(c.source(), c.cdrId(), c.startTime(), c.receivedAt(), c.callType(), c.caller(),
                    c.called(), c.durationSec(), c.account(), c.status(), c.reason(), c.reasonDetail(), r.tariff(),
                    r.tariffVersion(), r.total().amount(), lines(r), c.record(), c.callerRegion(),
                    c.callerOperator(), c.reprocessedAt()));
        }
        replaced(old, now);
    }

    /** rejected records rated again ({@link RejectQueue#update}): rated now, or rejected again (maybe otherwise) */
    void reprocessed(List<StoredCdr> before, List<RejectQueue.Rerated> rerated) {
        Map<String, RatingResult> byKey = new HashMap<>();
        for (RejectQueue.Rerated r : rerated) {
            byKey.put(r.row().source() + '\u0000' + r.row().cdrId(), r.result());
        }
        List<StoredCdr> old = new ArrayList<>(before.size());
        List<StoredCdr> now = new ArrayList<>(before.size());
        for (StoredCdr c : before) {
            RatingResult r = byKey.get(c.source() + '\u0000' + c.cdrId());
            if (r == null || !"REJECTED".equals(c.status())) {
                continue;
            }
            old.add(c);
            if (r instanceof RatingResult.Rated rated) {
                now.add(new StoredCdr(c.source(), c.cdrId(), c.startTime(), c.receivedAt(), c.callType(), c.caller(),
                        c.called(), c.durationSec(), rated.account(), "RATED", null, null, rated.tariff(),
                        rated.tariffVersion(), rated.total().amount(), lines(rated), c.record(), rated.callerRegion(),
                        rated.callerOperator(), c.reprocessedAt()));
            } else {
                RatingResult.Rejected rejected = (RatingResult.Rejected) r;
                now.add(new StoredCdr(c.source(), c.cdrId(), c.startTime(), c.receivedAt(), c.callType(), c.caller(),
                        c.called(), c.durationSec(), rejected.account(), "REJECTED", rejected.reason().name(), null,
                        rejected.tariff(), rejected.tariffVersion(), null, List.of(), c.record(), null, null,
                        c.reprocessedAt()));
            }
        }
        replaced(old, now);
    }

    private static List<StoredCdr.StoredLine> lines(RatingResult.Rated rated) {
        return rated.lines().stream().map(l -> new StoredCdr.StoredLine(l.component(), l.stage(),
                l.amount().toPlainString(), l.billedSeconds(), null, null, l.participant())).toList();
    }

    private void append(ReportFacts facts) {
        StringBuilder calls = new StringBuilder(facts.calls.size() * 120);
        for (Map.Entry<ReportFacts.CallKey, ReportFacts.CallSums> e : facts.calls.entrySet()) {
            ReportFacts.CallSums s = e.getValue();
            if (s.zero()) {
                continue;
            }
            ReportFacts.CallKey k = e.getKey();
            calls.append(k.day()).append('\t');
            field(calls, k.account());
            field(calls, k.callType());
            field(calls, k.source());
            field(calls, k.status());
            field(calls, k.reason());
            field(calls, k.tariff());
            calls.append(k.tariffVersion()).append('\t');
            field(calls, k.callerOrigin());
            field(calls, k.destinationClass());
            field(calls, k.timeBand());
            field(calls, k.trunk());
            calls.append(s.calls).append('\t').append(s.answered).append('\t').append(s.durationSec).append('\t')
                    .append(s.billedSec).append('\t').append(s.amount.toPlainString()).append('\n');
        }
        StringBuilder lines = new StringBuilder(facts.lines.size() * 100);
        for (Map.Entry<ReportFacts.LineKey, ReportFacts.LineSums> e : facts.lines.entrySet()) {
            ReportFacts.LineSums s = e.getValue();
            if (s.zero()) {
                continue;
            }
            ReportFacts.LineKey k = e.getKey();
            lines.append(k.day()).append('\t');
            field(lines, k.account());
            field(lines, k.callType());
            field(lines, k.source());
            field(lines, k.tariff());
            lines.append(k.tariffVersion()).append('\t');
            field(lines, k.component());
            field(lines, k.operatorId());
            field(lines, k.site());
            lines.append(s.calls).append('\t').append(s.lines).append('\t').append(s.billedSec).append('\t')
                    .append(s.amount.toPlainString()).append('\n');
        }
        if (calls.isEmpty() && lines.isEmpty()) {
            return;
        }
        jdbc.execute((Connection c) -> {
            try {
                var copy = c.unwrap(PGConnection.class).getCopyAPI();
                if (!calls.isEmpty()) {
                    copy.copyIn("copy report_call_pending from stdin", new StringReader(calls.toString()));
                }
                if (!lines.isEmpty()) {
                    copy.copyIn("copy report_line_pending from stdin", new StringReader(lines.toString()));
                }
                return null;
            } catch (IOException e) {
                throw new SQLException("cannot send the report facts to PostgreSQL", "08006", e);
            }
        });
    }

    /** a text value for COPY text format, then a tab: backslash, tab, newline and carriage return escaped */
    private static void field(StringBuilder out, String value) {
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        out.append('\t');
    }
}
