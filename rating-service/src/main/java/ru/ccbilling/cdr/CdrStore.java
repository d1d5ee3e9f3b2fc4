package ru.ccbilling.cdr;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import ru.ccbilling.rating.Cdr;
import ru.ccbilling.rating.RatingResult;

/**
 * CDRs in PostgreSQL. Storing a chunk claims the keys in one statement over arrays (unnest), which makes
 * source + cdrId unique for ever and tells duplicates apart, then copies the records that were new (COPY).
 * The keys are claimed in key order: two chunks sending the same keys in different orders then wait for each
 * other (the second answers DUPLICATE) but never deadlock.
 * The caller runs it in one transaction, so a chunk is stored whole or not at all.
 */
@Repository
public class CdrStore {

    /** A rated record waiting to be stored. */
    /**
     * A record to store (or to restate), with what of it only the tree it was read from holds ({@code residue}): intake
     * passes the record without that tree ({@link Cdr#withoutRaw}), so that the trees of a batch are garbage while it
     * is stored
     */
    public record Pending(Cdr cdr, RatingResult result, OffsetDateTime receivedAt, CompactRecords.Residue residue) {

        /** a record whose {@code raw} is still the tree it was read from */
        public Pending(Cdr cdr, RatingResult result, OffsetDateTime receivedAt, CompactRecords records) {
            this(cdr, result, receivedAt, records.residue(cdr));
        }

        String key() {
            return cdr.source() + '\u0000' + cdr.cdrId();
        }
    }

    /** which records: every part is optional; {@code sources} null for every source, empty for none */
    public record Filter(String status, String account, Collection<String> sources, OffsetDateTime from,
                         OffsetDateTime to) { }

    public record Page(List<StoredCdr> items, long total) { }

    private final JdbcTemplate jdbc;
    private final RejectHistory history;
    private final CdrWords words;
    private final CompactRecords records;
    private final ReportFactsAtIntake facts;

    CdrStore(JdbcTemplate jdbc, RejectHistory history, CdrWords words, CompactRecords records,
             ReportFactsAtIntake facts) {
        this.jdbc = jdbc;
        this.history = history;
        this.words = words;
        this.records = records;
        this.facts = facts;
    }

    /** Stores the records not seen before; answers the keys (source NUL cdrId) that were duplicates. */
    public Set<String> store(List<Pending> records) {
        if (records.isEmpty()) {
            return Set.of();
        }
        Map<String, Long> fresh = claimKeys(records);
        List<Pending> toInsert = new ArrayList<>(fresh.size());
        List<Long> ids = new ArrayList<>(fresh.size());
        Set<String> duplicates = new HashSet<>();
        Set<String> taken = new HashSet<>();
        for (Pending p : records) {
            String key = p.key();
            if (fresh.containsKey(key) && taken.add(key)) { // a key twice in the chunk is stored once
                toInsert.add(p);
                ids.add(fresh.get(key));
            } else {
                duplicates.add(key);
            }
        }
        if (!toInsert.isEmpty()) {
            insert(toInsert, ids);
        }
        return duplicates;
    }

    /** claims the new keys, each with the id of the row it will name; answers them (source NUL cdrId) with the ids */
    private Map<String, Long> claimKeys(List<Pending> records) {
        int n = records.size();
        String[] sources = new String[n];
        String[] cdrIds = new String[n];
        Timestamp[] starts = new Timestamp[n];
        for (int i = 0; i < n; i++) {
            Cdr cdr = records.get(i).cdr();
            sources[i] = cdr.source();
            cdrIds[i] = cdr.cdrId();
            starts[i] = Timestamp.from(cdr.startTime().toInstant());
        }
        return jdbc.execute((Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into cdr_key (source, cdr_id, start_time, id)
                    select source, cdr_id, start_time, nextval('cdr_seq')
                      from unnest(?::text[], ?::text[], ?::timestamptz[]) as k (source, cdr_id, start_time)
                     order by source, cdr_id
                    on conflict do nothing returning source, cdr_id, id
                    """)) {
                ps.setArray(1, c.createArrayOf("text", sources));
                ps.setArray(2, c.createArrayOf("text", cdrIds));
                ps.setArray(3, c.createArrayOf("timestamptz", starts));
                Map<String, Long> fresh = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        fresh.put(rs.getString(1) + '\u0000' + rs.getString(2), rs.getLong(3));
                    }
                }
                return fresh;
            }
        });
    }

    /** COPY of the new rows: the cheapest way into PostgreSQL; their first rejections go to the history */
    private void insert(List<Pending> records, List<Long> rowIds) {
        Set<String> needed = new HashSet<>();
        for (Pending p : records) {
            CompactRecords.words(p.cdr(), needed);
            if (p.result() instanceof RatingResult.Rated rated) {
                CompactLines.words(rated.lines(), needed);
            }
        }
        Map<String, Integer> ids = words.ids(needed);
        StringBuilder rows = new StringBuilder(records.size() * 300);
        List<RejectHistory.Rejection> rejections = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Pending p = records.get(i);
            byte[] lines = p.result() instanceof RatingResult.Rated rated ? CompactLines.encode(rated.lines(), ids) : null;
            CdrRows.appendCopyLine(rows, rowIds.get(i), p.cdr(), p.result(), p.receivedAt(), lines,
                    this.records.encode(p.cdr(), p.residue(), ids));
            if (p.result() instanceof RatingResult.Rejected rejected) {
                rejections.add(new RejectHistory.Rejection(p.cdr().source(), p.cdr().cdrId(), p.cdr().startTime(),
                        rejected.reason().name(), rejected.detail().russian(), p.receivedAt()));
            }
        }
        byte[] copy = rows.toString().getBytes(StandardCharsets.UTF_8);
        jdbc.execute((Connection c) -> {
            try {
                return c.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy cdr (" + CdrRows.COPY_COLUMNS + ") from stdin", new ByteArrayInputStream(copy));
            } catch (IOException e) {
                throw new SQLException("cannot send the rows to PostgreSQL", "08006", e);
            }
        });
        history.record(rejections);
        facts.stored(records);
    }

    /** Replaces the rating of stored records (re-rating): lines, total, tariff and version; nothing else changes. */
    public void restate(List<Pending> rerated) {
        facts.restated(locked(rerated.stream().map(p -> p.cdr().source()).toList(),
                rerated.stream().map(p -> p.cdr().cdrId()).toList()), rerated);
        Set<String> needed = new HashSet<>();
        for (Pending p : rerated) {
            CompactLines.words(((RatingResult.Rated) p.result()).lines(), needed);
        }
        Map<String, Integer> ids = words.ids(needed);
        jdbc.batchUpdate("""
                update cdr set lines = ?, total = ?, tariff_code = ?, tariff_version = ?
                 where id = (select k.id from cdr_key k where k.source = ? and k.cdr_id = ?) and start_time = ?
                   and status = 'RATED'
                """, rerated, 500, (ps, p) -> {
                    RatingResult.Rated rated = (RatingResult.Rated) p.result();
                    ps.setBytes(1, CompactLines.encode(rated.lines(), ids));
                    ps.setBigDecimal(2, rated.total().amount());
                    ps.setString(3, rated.tariff());
                    ps.setInt(4, rated.tariffVersion());
                    ps.setString(5, p.cdr().source());
                    ps.setString(6, p.cdr().cdrId());
                    ps.setTimestamp(7, Timestamp.from(p.cdr().startTime().toInstant()));
                });
    }

    /** the stored records of these keys, locked for update in the caller's transaction (for the report facts) */
    List<StoredCdr> locked(List<String> sources, List<String> cdrIds) {
        if (sources.isEmpty()) {
            return List.of();
        }
        return jdbc.query(SELECT + """
                  join cdr_key k on k.start_time = c.start_time and k.id = c.id
                  join unnest(?::text[], ?::text[]) as w (source, cdr_id) on w.source = k.source and w.cdr_id = k.cdr_id
                   for update of c
                """, this::row, sources.toArray(new String[0]), cdrIds.toArray(new String[0]));
    }

    public Optional<StoredCdr> find(String source, String cdrId) {
        return jdbc.query(SELECT + """
                 where c.start_time = (select k.start_time from cdr_key k where k.source = ? and k.cdr_id = ?)
                   and c.id = (select k.id from cdr_key k where k.source = ? and k.cdr_id = ?)
                """, this::row, source, cdrId, source, cdrId).stream().findFirst();
    }

    /** what the CDR list (and its export) may be sorted by, and the column behind each name */
    private static final Map<String, String> SORTS = new java.util.LinkedHashMap<>();

    static {
        SORTS.put("startTime", "c.start_time");
        SORTS.put("receivedAt", "c.received_at");
        SORTS.put("durationSec", "c.duration_sec");
        SORTS.put("total", "c.total");
        SORTS.put("account", "c.account_code");
        SORTS.put("accountCode", "c.account_code");
        SORTS.put("callType", "c.call_type");
        SORTS.put("status", "c.status");
        SORTS.put("reason", "c.reason");
        SORTS.put("source", "c.source");
        SORTS.put("caller", "c.caller");
        SORTS.put("called", "c.called");
    }

    /** the lists' default order, as before sorting existed: along the index (start_time desc, id desc) */
    static final String NEWEST_FIRST = "c.start_time desc, c.id desc";

    /**
     * The ORDER BY of a CDR or reject list for {@code sort} (fields of {@code sorts}, 400 naming sort otherwise).
     * By start time either way, id follows the direction and nulls are where PostgreSQL puts them, so both read the
     * index (start_time desc, id desc) forwards or backwards instead of sorting ({@code desc nulls last} would not
     * match it). Any other field: that field (nulls last), then newest first; id last, so pages never overlap.
     */
    static String orderBy(String sort, Map<String, String> sorts) {
        ru.ccbilling.export.ListOrder.Asked asked = ru.ccbilling.export.ListOrder.asked(sort, sorts);
        if (asked == null) {
            return NEWEST_FIRST;
        }
        if (asked.column().equals("c.start_time")) {
            return "c.start_time " + asked.direction() + ", c.id " + asked.direction();
        }
        return asked.column() + " " + asked.direction() + " nulls last, " + NEWEST_FIRST;
    }

    public Page list(Filter filter, String sort, int page, int size) {
        String order = orderBy(sort, SORTS);
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        Long total = jdbc.queryForObject("select count(*) from cdr c" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<StoredCdr> items = jdbc.query(SELECT + where + " order by " + order + " limit ? offset ?",
                this::row, pageArgs.toArray());
        return new Page(items, total == null ? 0 : total);
    }

    /** the records under the filter in the list's order (default newest first), as a table with Russian titles */
    public void export(Filter filter, String sort, ru.ccbilling.export.Table table) {
        String order = orderBy(sort, SORTS);
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(ru.ccbilling.export.Table.MAX_ROWS);
        table.row("Начало звонка", "Тип звонка", "Кто звонил", "Куда звонил", "Длительность, с", "Статус",
                "Причина отказа", "Лицевой счёт", "Тариф", "Версия тарифа", "Сумма без НДС, руб.", "Источник",
                "Идентификатор", "Получен");
        jdbc.query(SELECT + where + " order by " + order + " limit ?", rs -> {
            StoredCdr c = row(rs, 0);
            table.row(c.startTime(), CdrLabels.callType(c.callType()), c.caller(), c.called(), c.durationSec(),
                    CdrLabels.status(c.status()), CdrLabels.reason(c.reason()), c.account(), c.tariff(),
                    c.tariffVersion(), c.total(), c.source(), c.cdrId(), c.receivedAt());
        }, args.toArray());
    }

    private static String where(Filter filter, List<Object> args) {
        return new CdrConditions("true", args)
                .and("c.status = ?", filter.status())
                .and("c.account_code = ?", filter.account())
                .andAnyOf("c.source", filter.sources())
                .and("c.start_time >= ?", filter.from())
                .and("c.start_time < ?", filter.to())
                .toString();
    }

    private static final String SELECT = """
            select c.source, c.cdr_id, c.start_time, c.received_at, c.call_type, c.caller, c.called, c.duration_sec,
                   c.account_code, c.status, c.reason, c.reason_detail, c.tariff_code, c.tariff_version, c.total,
                   c.lines, c.record, c.caller_region, c.caller_operator, c.reprocessed_at, c.trunk_code, c.forwarded_to
              from cdr c
            """;

    private StoredCdr row(ResultSet rs, int i) throws SQLException {
        String source = rs.getString(1);
        String cdrId = rs.getString(2);
        OffsetDateTime start = rs.getObject(3, OffsetDateTime.class);
        try {
            return new StoredCdr(source, cdrId, start, rs.getObject(4, OffsetDateTime.class), rs.getString(5),
                    rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9), rs.getString(10), rs.getString(11),
                    rs.getString(12), rs.getString(13), (Integer) rs.getObject(14), rs.getBigDecimal(15),
                    CompactLines.decode(rs.getBytes(16), words::word),
                    records.decode(source, cdrId, rs.getString(5), start, rs.getString(6), rs.getString(7),
                            rs.getString(21), rs.getString(22), rs.getBytes(17)),
                    rs.getString(18), rs.getString(19), rs.getObject(20, OffsetDateTime.class));
        } catch (RuntimeException e) {
            throw new SQLException("unreadable stored CDR " + source + "/" + cdrId, e);
        }
    }
}
