package ru.ccbilling.serviceevent;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import ru.ccbilling.money.Money;

/** Priced one-time services in PostgreSQL; source + eventId is unique, a repeat is a duplicate. */
@Repository
public class ServiceEvents {

    public record Stored(String source, String eventId, String service, String account, OffsetDateTime time,
                         int quantity, String status, String reason, Money unitPrice, Money amount, String tariff,
                         Integer tariffVersion) { }

    public record Page(List<Stored> items, long total) { }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ServiceEvents(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** stores what is new; answers the keys (source NUL eventId) that were already there */
    public Set<String> store(List<ServiceEventPricing.Priced> priced) {
        Set<String> duplicates = new HashSet<>();
        Timestamp receivedAt = Timestamp.from(clock.instant());
        for (ServiceEventPricing.Priced p : priced) {
            ServiceEvent e = p.event();
            int inserted = jdbc.update("""
                    insert into service_event (source, event_id, service, account_code, event_time, quantity, status,
                                               reason, unit_price, amount, tariff_code, tariff_version, received_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (source, event_id) do nothing
                    """, e.source(), e.eventId(), e.service().name(), e.account(), Timestamp.from(e.time().toInstant()),
                    e.quantity(), p.reason() == null ? "RATED" : "REJECTED",
                    p.reason() == null ? null : p.reason().name(),
                    p.unitPrice() == null ? null : p.unitPrice().amount(), p.amount() == null ? null : p.amount().amount(),
                    p.tariff(), p.tariffVersion(), receivedAt);
            if (inserted == 0) {
                duplicates.add(e.source() + '\u0000' + e.eventId());
            }
        }
        return duplicates;
    }

    /** replaces the prices of rated events (re-rating); the events themselves do not change */
    public void restate(List<ServiceEventPricing.Priced> priced) {
        jdbc.batchUpdate("""
                update service_event set unit_price = ?, amount = ?, tariff_code = ?, tariff_version = ?
                 where source = ? and event_id = ? and status = 'RATED'
                """, priced, 500, (ps, p) -> {
                    ps.setBigDecimal(1, p.unitPrice().amount());
                    ps.setBigDecimal(2, p.amount().amount());
                    ps.setString(3, p.tariff());
                    ps.setInt(4, p.tariffVersion());
                    ps.setString(5, p.event().source());
                    ps.setString(6, p.event().eventId());
                });
    }

    /** events newest first, of {@code account} when given, of {@code sources} when given (null: every source) */
    public Page list(String account, Collection<String> sources, int page, int size) {
        List<String> conditions = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (account != null) {
            conditions.add("account_code = ?");
            args.add(account);
        }
        if (sources != null) {
            conditions.add("source = any(?)");
            args.add(sources.toArray(String[]::new));
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        Long total = jdbc.queryForObject("select count(*) from service_event" + where, Long.class, args.toArray());
        args.add(size);
        args.add((long) page * size);
        List<Stored> items = jdbc.query("""
                select source, event_id, service, account_code, event_time, quantity, status, reason, unit_price,
                       amount, tariff_code, tariff_version from service_event""" + where
                        + " order by event_time desc, source, event_id limit ? offset ?",
                (rs, i) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getInt(6), rs.getString(7), rs.getString(8),
                        rs.getBigDecimal(9) == null ? null : Money.of(rs.getBigDecimal(9)),
                        rs.getBigDecimal(10) == null ? null : Money.of(rs.getBigDecimal(10)), rs.getString(11),
                        (Integer) rs.getObject(12)), args.toArray());
        return new Page(items, total == null ? 0 : total);
    }
}
