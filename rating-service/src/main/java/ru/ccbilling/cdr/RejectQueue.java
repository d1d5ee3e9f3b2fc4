package ru.ccbilling.cdr;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import ru.ccbilling.rating.RatingResult;
import ru.ccbilling.rating.RejectReason;

/**
 * The rejects queue (отсев): the records stored as REJECTED, listed newest first with counts by reason, and
 * locked a few hundred at a time for reprocessing ({@code for update skip locked}: two reprocessing calls never
 * take the same record). A re-rated record is updated in place, never inserted again, so it is billed once.
 */
@Repository
public class RejectQueue {

    /** which rejected records: every part is optional */
    public record Filter(RejectReason reason, Collection<String> sources, String account, OffsetDateTime from,
                         OffsetDateTime to) {
        public Filter withoutReason() {
            return new Filter(null, sources, account, from, to);
        }
    }

    /** a rejected record as the queue lists it */
    public record Rejected(String source, String cdrId, String callType, OffsetDateTime startTime, String caller,
                           String called, int durationSec, String account, String reason, String reasonDetail,
                           OffsetDateTime receivedAt, OffsetDateTime reprocessedAt) { }

    public record Page(List<Rejected> items, long total, Map<String, Long> countsByReason) { }

    /** a rejected record locked for reprocessing, with the record as it was received */
    record Locked(long id, String source, String cdrId, OffsetDateTime startTime, String reason, String record) { }

    /** the new rating of a locked record */
    record Rerated(Locked row, RatingResult result) { }

    private final JdbcTemplate jdbc;
    private final CdrWords words;
    private final CompactRecords records;
    private final CdrStore store;
    private final ReportFactsAtIntake facts;

    RejectQueue(JdbcTemplate jdbc, CdrWords words, CompactRecords records, CdrStore store,
                ReportFactsAtIntake facts) {
        this.jdbc = jdbc;
        this.words = words;
        this.records = records;
        this.store = store;
        this.facts = facts;
    }

    /** what the rejects queue (and its export) may be sorted by, and the column behind each name */
    private static final Map<String, String> SORTS = new LinkedHashMap<>();

    static {
        SORTS.put("startTime", "c.start_time");
        SORTS.put("receivedAt", "c.received_at");
        SORTS.put("reason", "c.reason");
        SORTS.put("account", "c.account_code");
        SORTS.put("accountCode", "c.account_code");
        SORTS.put("source", "c.source");
        SORTS.put("callType", "c.call_type");
        SORTS.put("durationSec", "c.duration_sec");
        SORTS.put("caller", "c.caller");
        SORTS.put("called", "c.called");
        SORTS.put("reprocessedAt", "c.reprocessed_at");
    }

    public Page list(Filter filter, String sort, int page, int size) {
        String order = CdrStore.orderBy(sort, SORTS);
        Map<String, Long> counts = countsByReason(filter);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(size);
        args.add((long) page * size);
        List<Rejected> items = jdbc.query("""
                select c.source, c.cdr_id, c.call_type, c.start_time, c.caller, c.called, c.duration_sec,
                       c.account_code, c.reason, c.reason_detail, c.received_at, c.reprocessed_at
                  from cdr c""" + where + " order by " + order + " limit ? offset ?",
                (rs, i) -> new Rejected(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getString(6), rs.getInt(7),
                        rs.getString(8), rs.getString(9), rs.getString(10), rs.getObject(11, OffsetDateTime.class),
                        rs.getObject(12, OffsetDateTime.class)), args.toArray());
        return new Page(items, total, counts);
    }

    /** the rejected records under the filter in the list's order (default newest first), as a table, Russian titles */
    public void export(Filter filter, String sort, ru.ccbilling.export.Table table) {
        String order = CdrStore.orderBy(sort, SORTS);
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(ru.ccbilling.export.Table.MAX_ROWS);
        table.row("Начало звонка", "Причина", "Подробности", "Тип звонка", "Кто звонил", "Куда звонил",
                "Длительность, с", "Лицевой счёт", "Источник", "Идентификатор", "Получен", "Перетарифицирован");
        jdbc.query("""
                select c.source, c.cdr_id, c.call_type, c.start_time, c.caller, c.called, c.duration_sec,
                       c.account_code, c.reason, c.reason_detail, c.received_at, c.reprocessed_at
                  from cdr c""" + where + " order by " + order + " limit ?", rs -> {
            table.row(rs.getObject(4, OffsetDateTime.class), CdrLabels.reason(rs.getString(9)), rs.getString(10),
                    CdrLabels.callType(rs.getString(3)), rs.getString(5), rs.getString(6), rs.getInt(7),
                    rs.getString(8), rs.getString(1), rs.getString(2), rs.getObject(11, OffsetDateTime.class),
                    rs.getObject(12, OffsetDateTime.class));
        }, args.toArray());
    }

    /** rejected records by reason under the filter, in the tariff's order of precedence */
    public Map<String, Long> countsByReason(Filter filter) {
        List<Object> args = new ArrayList<>();
        Map<String, Long> found = new LinkedHashMap<>();
        jdbc.query("select c.reason, count(*) from cdr c" + where(filter, args) + " group by c.reason",
                rs -> {
                    found.put(rs.getString(1), rs.getLong(2));
                }, args.toArray());
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (RejectReason reason : RejectReason.values()) {
            if (found.containsKey(reason.name())) {
                ordered.put(reason.name(), found.remove(reason.name()));
            }
        }
        ordered.putAll(found);
        return ordered;
    }

    /** the next rejected records under the filter after {@code after} (newest first), locked; skips locked ones */
    List<Locked> lockNext(Filter filter, Locked after, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(where(filter, args));
        if (after != null) {
            where.append(" and (c.start_time, c.id) < (?, ?)");
            args.add(after.startTime());
            args.add(after.id());
        }
        args.add(limit);
        return jdbc.query("select " + LOCKED + " from cdr c" + where
                + " order by c.start_time desc, c.id desc limit ? for update of c skip locked", this::locked,
                args.toArray());
    }

    /** the listed records that are rejected, locked; skips those another reprocessing holds */
    List<Locked> lock(List<String> sources, List<String> cdrIds) {
        return jdbc.execute((Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement("select " + LOCKED + """

                      from unnest(?::text[], ?::text[]) as w(source, cdr_id)
                      join cdr_key k on k.source = w.source and k.cdr_id = w.cdr_id
                      join cdr c on c.start_time = k.start_time and c.id = k.id
                     where c.status = 'REJECTED'
                       for update of c skip locked
                    """)) {
                ps.setArray(1, c.createArrayOf("text", sources.toArray()));
                ps.setArray(2, c.createArrayOf("text", cdrIds.toArray()));
                List<Locked> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(locked(rs, rows.size()));
                    }
                }
                return rows;
            }
        });
    }

    /** writes the new ratings over the locked records, in the caller's transaction */
    void update(List<Rerated> rerated, OffsetDateTime at) {
        facts.reprocessed(store.locked(rerated.stream().map(r -> r.row().source()).toList(),
                rerated.stream().map(r -> r.row().cdrId()).toList()), rerated);
        java.util.Set<String> needed = new java.util.HashSet<>();
        for (Rerated r : rerated) {
            if (r.result() instanceof RatingResult.Rated rated) {
                CompactLines.words(rated.lines(), needed);
            }
        }
        Map<String, Integer> ids = words.ids(needed);
        List<Object[]> rows = new ArrayList<>(rerated.size());
        for (Rerated r : rerated) {
            Locked row = r.row();
            if (r.result() instanceof RatingResult.Rated rated) {
                rows.add(new Object[] {"RATED", null, null, rated.account(), rated.tariff(), rated.tariffVersion(),
                        rated.total().amount(), CompactLines.encode(rated.lines(), ids), rated.callerRegion(),
                        rated.callerOperator(), at, row.id(), row.startTime()});
            } else {
                RatingResult.Rejected rejected = (RatingResult.Rejected) r.result();
                rows.add(new Object[] {"REJECTED", rejected.reason().name(), rejected.detail().russian(), rejected.account(),
                        rejected.tariff(), rejected.tariffVersion(), null, new byte[0], null, null, at, row.id(),
                        row.startTime()});
            }
        }
        jdbc.batchUpdate("""
                update cdr set status = ?, reason = ?, reason_detail = ?, account_code = ?, tariff_code = ?,
                               tariff_version = ?, total = ?, lines = ?, caller_region = ?, caller_operator = ?,
                               reprocessed_at = ?
                 where id = ? and start_time = ? and status = 'REJECTED'
                """, rows);
    }

    private static String where(Filter filter, List<Object> args) {
        return new CdrConditions("c.status = 'REJECTED'", args)
                .and("c.reason = ?", filter.reason() == null ? null : filter.reason().name())
                .andAnyOf("c.source", filter.sources())
                .and("c.account_code = ?", filter.account())
                .and("c.start_time >= ?", filter.from())
                .and("c.start_time < ?", filter.to())
                .toString();
    }

    private static final String LOCKED = "c.id, c.source, c.cdr_id, c.start_time, c.reason, c.record, c.call_type,"
            + " c.caller, c.called, c.trunk_code, c.forwarded_to";

    /** a locked row, its record rebuilt as received ({@link CompactRecords}) */
    private Locked locked(ResultSet rs, int i) throws SQLException {
        OffsetDateTime start = rs.getObject(4, OffsetDateTime.class);
        return new Locked(rs.getLong(1), rs.getString(2), rs.getString(3), start, rs.getString(5),
                records.decode(rs.getString(2), rs.getString(3), rs.getString(7), start, rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getBytes(6)).toString());
    }
}
