package ru.ccbilling.cdr;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.ccbilling.rating.Cdr;
import ru.ccbilling.rating.RatingResult;

/**
 * CDRs in PostgreSQL. Storing a chunk is two statements over arrays (unnest): claim the keys, which makes
 * source + cdrId unique for ever and tells duplicates apart, then insert the records that were new.
 * The caller runs it in one transaction, so a chunk is stored whole or not at all.
 */
@Repository
public class CdrStore {

    /** A rated record waiting to be stored. */
    public record Pending(Cdr cdr, RatingResult result, OffsetDateTime receivedAt) {
        String key() {
            return cdr.source() + '\u0000' + cdr.cdrId();
        }
    }

    public record Filter(String status, String account, String source, OffsetDateTime from, OffsetDateTime to) { }

    public record Page(List<StoredCdr> items, long total) { }

    private static final TypeReference<List<StoredCdr.StoredLine>> LINES = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    CdrStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores the records not seen before; answers the keys (source NUL cdrId) that were duplicates. */
    public Set<String> store(List<Pending> records) {
        if (records.isEmpty()) {
            return Set.of();
        }
        Set<String> fresh = claimKeys(records);
        List<Pending> toInsert = records.stream().filter(p -> fresh.contains(p.key())).toList();
        if (!toInsert.isEmpty()) {
            insert(toInsert);
        }
        Set<String> duplicates = new HashSet<>();
        records.forEach(p -> {
            if (!fresh.contains(p.key())) {
                duplicates.add(p.key());
            }
        });
        return duplicates;
    }

    private Set<String> claimKeys(List<Pending> records) {
        int n = records.size();
        String[] sources = new String[n];
        String[] ids = new String[n];
        Timestamp[] starts = new Timestamp[n];
        for (int i = 0; i < n; i++) {
            Cdr cdr = records.get(i).cdr();
            sources[i] = cdr.source();
            ids[i] = cdr.cdrId();
            starts[i] = Timestamp.from(cdr.startTime().toInstant());
        }
        return jdbc.execute((Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into cdr_key (source, cdr_id, start_time)
                    select * from unnest(?::text[], ?::text[], ?::timestamptz[])
                    on conflict do nothing returning source, cdr_id
                    """)) {
                ps.setArray(1, c.createArrayOf("text", sources));
                ps.setArray(2, c.createArrayOf("text", ids));
                ps.setArray(3, c.createArrayOf("timestamptz", starts));
                Set<String> fresh = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        fresh.add(rs.getString(1) + '\u0000' + rs.getString(2));
                    }
                }
                return fresh;
            }
        });
    }

    private void insert(List<Pending> records) {
        int n = records.size();
        Object[][] columns = new Object[18][n];
        for (int i = 0; i < n; i++) {
            Pending p = records.get(i);
            Cdr cdr = p.cdr();
            RatingResult result = p.result();
            columns[0][i] = cdr.source();
            columns[1][i] = cdr.cdrId();
            columns[2][i] = Timestamp.from(cdr.startTime().toInstant());
            columns[3][i] = Timestamp.from(p.receivedAt().toInstant());
            columns[4][i] = cdr.callType().name();
            columns[5][i] = cdr.caller();
            columns[6][i] = cdr.called();
            columns[7][i] = cdr.durationSec();
            columns[8][i] = result.account();
            if (result instanceof RatingResult.Rated rated) {
                columns[9][i] = "RATED";
                columns[12][i] = rated.tariff();
                columns[13][i] = rated.tariffVersion();
                columns[14][i] = rated.total().amount();
                columns[15][i] = write(rated.lines().stream().map(l -> new StoredCdr.StoredLine(l.component(), l.stage(),
                        l.amount().toPlainString(), l.billedSeconds(), l.rate().toPlainString(), l.note())).toList());
                columns[16][i] = rated.callerRegion();
                columns[17][i] = rated.callerOperator();
            } else {
                RatingResult.Rejected rejected = (RatingResult.Rejected) result;
                columns[9][i] = "REJECTED";
                columns[10][i] = rejected.reason().name();
                columns[11][i] = rejected.detail();
                columns[12][i] = rejected.tariff();
                columns[13][i] = rejected.tariffVersion();
                columns[15][i] = "[]";
            }
        }
        String[] raw = new String[n];
        for (int i = 0; i < n; i++) {
            raw[i] = records.get(i).cdr().raw().toString();
        }
        jdbc.execute((Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into cdr (source, cdr_id, start_time, received_at, call_type, caller, called, duration_sec,
                                     account_code, status, reason, reason_detail, tariff_code, tariff_version, total,
                                     lines, caller_region, caller_operator, record)
                    select s, i, st, r, ct, cr, cd, d, a, stt, rs, rd, tc, tv, tot, l::jsonb, reg, op, rec::jsonb
                    from unnest(?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::text[], ?::text[], ?::text[],
                                ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::numeric[],
                                ?::text[], ?::text[], ?::text[], ?::text[])
                         as t(s, i, st, r, ct, cr, cd, d, a, stt, rs, rd, tc, tv, tot, l, reg, op, rec)
                    """)) {
                String[] types = {"text", "text", "timestamptz", "timestamptz", "text", "text", "text", "int4", "text",
                        "text", "text", "text", "text", "int4", "numeric", "text", "text", "text"};
                for (int col = 0; col < 18; col++) {
                    ps.setArray(col + 1, array(c, types[col], columns[col]));
                }
                ps.setArray(19, c.createArrayOf("text", raw));
                ps.executeUpdate();
                return null;
            }
        });
    }

    /** Replaces the rating of stored records (re-rating): lines, total, tariff and version; nothing else changes. */
    public void restate(List<Pending> rerated) {
        jdbc.batchUpdate("""
                update cdr set lines = ?::jsonb, total = ?, tariff_code = ?, tariff_version = ?
                 where source = ? and cdr_id = ? and start_time = ? and status = 'RATED'
                """, rerated, 500, (ps, p) -> {
                    RatingResult.Rated rated = (RatingResult.Rated) p.result();
                    ps.setString(1, write(rated.lines().stream().map(l -> new StoredCdr.StoredLine(l.component(), l.stage(),
                            l.amount().toPlainString(), l.billedSeconds(), l.rate().toPlainString(), l.note())).toList()));
                    ps.setBigDecimal(2, rated.total().amount());
                    ps.setString(3, rated.tariff());
                    ps.setInt(4, rated.tariffVersion());
                    ps.setString(5, p.cdr().source());
                    ps.setString(6, p.cdr().cdrId());
                    ps.setTimestamp(7, Timestamp.from(p.cdr().startTime().toInstant()));
                });
    }

    private static Array array(Connection c, String type, Object[] values) throws SQLException {
        return c.createArrayOf(type, values);
    }

    public Optional<StoredCdr> find(String source, String cdrId) {
        return jdbc.query(SELECT + """
                 where c.source = ? and c.cdr_id = ?
                   and c.start_time = (select k.start_time from cdr_key k where k.source = ? and k.cdr_id = ?)
                """, this::row, source, cdrId, source, cdrId).stream().findFirst();
    }

    public Page list(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (filter.status() != null) {
            where.append(" and c.status = ?");
            args.add(filter.status());
        }
        if (filter.account() != null) {
            where.append(" and c.account_code = ?");
            args.add(filter.account());
        }
        if (filter.source() != null) {
            where.append(" and c.source = ?");
            args.add(filter.source());
        }
        if (filter.from() != null) {
            where.append(" and c.start_time >= ?");
            args.add(filter.from());
        }
        if (filter.to() != null) {
            where.append(" and c.start_time < ?");
            args.add(filter.to());
        }
        Long total = jdbc.queryForObject("select count(*) from cdr c" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<StoredCdr> items = jdbc.query(SELECT + where + " order by c.start_time desc, c.id desc limit ? offset ?",
                this::row, pageArgs.toArray());
        return new Page(items, total == null ? 0 : total);
    }

    private static final String SELECT = """
            select c.source, c.cdr_id, c.start_time, c.received_at, c.call_type, c.caller, c.called, c.duration_sec,
                   c.account_code, c.status, c.reason, c.reason_detail, c.tariff_code, c.tariff_version, c.total,
                   c.lines::text, c.record::text, c.caller_region, c.caller_operator
              from cdr c
            """;

    private StoredCdr row(ResultSet rs, int i) throws SQLException {
        try {
            return new StoredCdr(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                    rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getString(6), rs.getString(7),
                    rs.getInt(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                    rs.getString(13), (Integer) rs.getObject(14), rs.getBigDecimal(15),
                    json.readValue(rs.getString(16), LINES), json.readTree(rs.getString(17)), rs.getString(18),
                    rs.getString(19));
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable stored CDR " + rs.getString(1) + "/" + rs.getString(2), e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
