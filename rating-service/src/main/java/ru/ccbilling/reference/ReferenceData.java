package ru.ccbilling.reference;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.ccbilling.account.OperatorIds;

/**
 * The reference data of rating in PostgreSQL: destination prefixes and classes, caller origins,
 * the holiday calendar, operators with their sites, trunks. Every change publishes {@link ReferenceChanged}.
 */
@Service
public class ReferenceData implements OperatorIds {

    public record Operator(String operatorId, String site, String name) { }

    public record Trunk(String trunk, String description) { }

    public record Holiday(LocalDate day, String name) { }

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    ReferenceData(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public PrefixTable destinations() {
        return new PrefixTable(pairs("select prefix, destination_class from destination_prefix order by prefix"));
    }

    public PrefixTable origins() {
        return new PrefixTable(pairs("select prefix, origin from origin_prefix order by prefix"));
    }

    public List<Holiday> holidays() {
        return jdbc.query("select day, name from holiday order by day",
                (rs, i) -> new Holiday(rs.getObject(1, LocalDate.class), rs.getString(2)));
    }

    public Set<LocalDate> holidayDates() {
        return new TreeSet<>(holidays().stream().map(Holiday::day).toList());
    }

    public List<Operator> operators() {
        return jdbc.query("select operator_id, site, name from operator order by operator_id",
                (rs, i) -> new Operator(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    @Override
    public boolean operatorExists(String operatorId) {
        Integer n = jdbc.queryForObject("select count(*) from operator where operator_id = ?", Integer.class, operatorId);
        return n != null && n > 0;
    }

    public List<Trunk> trunks() {
        return jdbc.query("select trunk, description from trunk order by trunk",
                (rs, i) -> new Trunk(rs.getString(1), rs.getString(2)));
    }

    @Transactional
    public void putDestination(String prefix, String destinationClass) {
        jdbc.update("""
                insert into destination_prefix (prefix, destination_class) values (?, ?)
                on conflict (prefix) do update set destination_class = excluded.destination_class
                """, prefix, destinationClass);
        events.publishEvent(new ReferenceChanged("destinations"));
    }

    @Transactional
    public boolean deleteDestination(String prefix) {
        return changed(jdbc.update("delete from destination_prefix where prefix = ?", prefix), "destinations");
    }

    @Transactional
    public void putOrigin(String prefix, String origin) {
        jdbc.update("""
                insert into origin_prefix (prefix, origin) values (?, ?)
                on conflict (prefix) do update set origin = excluded.origin
                """, prefix, origin);
        events.publishEvent(new ReferenceChanged("origins"));
    }

    @Transactional
    public boolean deleteOrigin(String prefix) {
        return changed(jdbc.update("delete from origin_prefix where prefix = ?", prefix), "origins");
    }

    @Transactional
    public void putHoliday(LocalDate day, String name) {
        jdbc.update("""
                insert into holiday (day, name) values (?, ?)
                on conflict (day) do update set name = excluded.name
                """, day, name);
        events.publishEvent(new ReferenceChanged("holidays"));
    }

    @Transactional
    public boolean deleteHoliday(LocalDate day) {
        return changed(jdbc.update("delete from holiday where day = ?", day), "holidays");
    }

    @Transactional
    public void putOperator(Operator operator) {
        jdbc.update("""
                insert into operator (operator_id, site, name) values (?, ?, ?)
                on conflict (operator_id) do update set site = excluded.site, name = excluded.name
                """, operator.operatorId(), operator.site(), operator.name());
        events.publishEvent(new ReferenceChanged("operators"));
    }

    @Transactional
    public void putTrunk(Trunk trunk) {
        jdbc.update("""
                insert into trunk (trunk, description) values (?, ?)
                on conflict (trunk) do update set description = excluded.description
                """, trunk.trunk(), trunk.description());
        events.publishEvent(new ReferenceChanged("trunks"));
    }

    private boolean changed(int rows, String what) {
        if (rows > 0) {
            events.publishEvent(new ReferenceChanged(what));
        }
        return rows > 0;
    }

    private Map<String, String> pairs(String sql) {
        Map<String, String> out = new LinkedHashMap<>();
        jdbc.query(sql, rs -> {
            out.put(rs.getString(1), rs.getString(2));
        });
        return out;
    }
}
