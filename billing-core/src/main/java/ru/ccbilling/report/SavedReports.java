package ru.ccbilling.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.ccbilling.refusal.Refusal;

/**
 * Saved reports: a name, the builder's query as sent (so a report keeps working if the layer grows), private to its
 * owner or shared with every reader of reports, and optionally an address it goes to every month. The ready-made
 * reports are shared and shipped: nobody changes or deletes them (a copy is saved instead).
 */
@Repository
public class SavedReports {

    public enum Chart { BAR, LINE, STACKED, TABLE }

    public record SavedReport(long id, String name, String owner, boolean shared, boolean shipped,
                              ReportQuery.Draft query, Chart chart, String mailTo, OffsetDateTime updatedAt) { }

    public record Change(String name, boolean shared, ReportQuery.Draft query, Chart chart, String mailTo) { }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    SavedReports(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** the reports a reader sees: the shared ones and their own, shipped first, then by name */
    public List<SavedReport> visibleTo(String user) {
        return jdbc.query(SELECT + " where shared or owner = ? order by shipped desc, name, id", this::row, user);
    }

    public Optional<SavedReport> find(long id, String user) {
        return jdbc.query(SELECT + " where id = ? and (shared or owner = ?)", this::row, id, user).stream().findFirst();
    }

    public SavedReport create(String owner, Change change) {
        Long id = jdbc.queryForObject("""
                insert into saved_report (name, owner, shared, query, chart, mail_to) values (?, ?, ?, ?::jsonb, ?, ?)
                returning id
                """, Long.class, change.name(), owner, change.shared(), write(change.query()), change.chart().name(),
                change.mailTo());
        return find(id, owner).orElseThrow();
    }

    /** the owner (or an administrator) changes a report; a shipped one is refused (409) */
    @Transactional
    public SavedReport update(long id, String user, boolean admin, Change change) {
        SavedReport current = editable(id, user, admin);
        jdbc.update("""
                update saved_report set name = ?, shared = ?, query = ?::jsonb, chart = ?, mail_to = ?, updated_at = now()
                 where id = ?
                """, change.name(), change.shared(), write(change.query()), change.chart().name(), change.mailTo(), id);
        return find(id, current.owner()).orElseThrow();
    }

    @Transactional
    public void delete(long id, String user, boolean admin) {
        editable(id, user, admin);
        jdbc.update("delete from saved_report where id = ?", id);
    }

    /** the reports that go by e-mail every month */
    public List<SavedReport> mailed() {
        return jdbc.query(SELECT + " where mail_to is not null order by id", this::row);
    }

    private SavedReport editable(long id, String user, boolean admin) {
        SavedReport report = jdbc.query(SELECT + " where id = ? for update", this::row, id).stream().findFirst()
                .filter(r -> r.shared() || r.owner().equals(user))
                .orElseThrow(() -> Refusal.notFound("report.notFound", id));
        if (report.shipped()) {
            throw Refusal.conflict("report.shipped", report.name());
        }
        if (!admin && !report.owner().equals(user)) {
            throw Refusal.of(Refusal.Kind.FORBIDDEN, ru.ccbilling.refusal.Text.of("report.notOwner", report.owner()),
                    List.of());
        }
        return report;
    }

    private static final String SELECT = "select id, name, owner, shared, shipped, query::text, chart, mail_to, updated_at"
            + " from saved_report";

    private SavedReport row(ResultSet rs, int i) throws SQLException {
        try {
            return new SavedReport(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5),
                    json.readValue(rs.getString(6), ReportQuery.Draft.class), Chart.valueOf(rs.getString(7)),
                    rs.getString(8), rs.getObject(9, OffsetDateTime.class));
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable saved report " + rs.getLong(1), e);
        }
    }

    private String write(ReportQuery.Draft draft) {
        try {
            return json.writeValueAsString(draft);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
