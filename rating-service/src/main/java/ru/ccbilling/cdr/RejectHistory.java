package ru.ccbilling.cdr;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every rejection of a record, kept for good: written when a record is first stored as REJECTED and at every
 * reprocess that still rejects it, so a record that rates later still shows when and why it was rejected.
 */
@Repository
public class RejectHistory {

    /** one rejection of one record */
    public record Rejection(String source, String cdrId, OffsetDateTime startTime, String reason, String detail,
                            OffsetDateTime at) { }

    private final JdbcTemplate jdbc;

    RejectHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** adds the rejections, in the caller's transaction */
    void record(List<Rejection> rejections) {
        if (rejections.isEmpty()) {
            return;
        }
        int n = rejections.size();
        String[] sources = new String[n];
        String[] ids = new String[n];
        Timestamp[] starts = new Timestamp[n];
        String[] reasons = new String[n];
        String[] details = new String[n];
        Timestamp[] at = new Timestamp[n];
        for (int i = 0; i < n; i++) {
            Rejection r = rejections.get(i);
            sources[i] = r.source();
            ids[i] = r.cdrId();
            starts[i] = Timestamp.from(r.startTime().toInstant());
            reasons[i] = r.reason();
            details[i] = r.detail();
            at[i] = Timestamp.from(r.at().toInstant());
        }
        jdbc.execute((Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into cdr_reject_history (source, cdr_id, start_time, reason, reason_detail, rejected_at)
                    select * from unnest(?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::timestamptz[])
                    """)) {
                ps.setArray(1, c.createArrayOf("text", sources));
                ps.setArray(2, c.createArrayOf("text", ids));
                ps.setArray(3, c.createArrayOf("timestamptz", starts));
                ps.setArray(4, c.createArrayOf("text", reasons));
                ps.setArray(5, c.createArrayOf("text", details));
                ps.setArray(6, c.createArrayOf("timestamptz", at));
                return ps.executeUpdate();
            }
        });
    }

    /** the rejections of one record, oldest first */
    public List<Rejection> of(String source, String cdrId) {
        return jdbc.query("""
                select source, cdr_id, start_time, reason, reason_detail, rejected_at from cdr_reject_history
                 where source = ? and cdr_id = ? order by rejected_at, reason
                """, (rs, i) -> new Rejection(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class)), source, cdrId);
    }
}
