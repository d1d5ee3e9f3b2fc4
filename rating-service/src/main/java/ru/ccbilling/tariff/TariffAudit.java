package ru.ccbilling.tariff;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Who created, changed, validated and published which version of a tariff, and when. */
@Repository
public class TariffAudit {

    public enum Action { CREATED, CHANGED, VALIDATED, PUBLISHED, SUPERSEDED, DELETED,
        /** the steps of a client tariff built by sales (tariff.sales) */
        SUBMITTED, APPROVED, RETURNED, ASSIGNED, REBASED }

    public record Entry(Integer version, Action action, String actor, OffsetDateTime at, String detail) { }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    TariffAudit(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String tariff, Integer version, Action action, String actor, String detail) {
        jdbc.update("insert into tariff_audit (tariff_code, version, action, actor, detail, at) values (?, ?, ?, ?, ?, ?)",
                tariff, version, action.name(), actor, detail, OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
    }

    public List<Entry> of(String tariff) {
        return jdbc.query("select version, action, actor, at, detail from tariff_audit where tariff_code = ? order by at desc, id desc",
                (rs, i) -> new Entry((Integer) rs.getObject(1), Action.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getString(5)), tariff);
    }
}
