package ru.ccbilling.portal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import ru.ccbilling.cdr.CdrLabels;
import ru.ccbilling.cdr.CdrWords;
import ru.ccbilling.cdr.CompactLines;
import ru.ccbilling.cdr.StoredCdr;
import ru.ccbilling.clock.ClockConfiguration;
import ru.ccbilling.export.Table;
import ru.ccbilling.refusal.Refusal;

/**
 * The client's calls: listed with filters, one with its priced lines, exported as CSV, counted per day. Every
 * statement carries the scope of the signed-in user ({@link PortalScope#ACCOUNTS}) besides the chosen account.
 */
@Repository
public class PortalCalls {

    public static final int MAX_DAYS = 366;
    public static final int MAX_EXPORT = Table.MAX_ROWS;
    private static final ZoneId ZONE = ClockConfiguration.BUSINESS_ZONE;

    /** which calls: the account (checked against the scope), a period of days, digits of a number, a status */
    public record Filter(String account, LocalDate from, LocalDate to, String number, String status) {

        /** refuses a period upside down or longer than a year (400 naming {@code from}/{@code to}) */
        public Filter {
            if (from.isAfter(to)) {
                throw Refusal.invalid("from", "portal.period.order");
            }
            if (from.plusDays(MAX_DAYS).isBefore(to)) {
                throw Refusal.invalid("to", "portal.period.tooLong", MAX_DAYS);
            }
            if (number != null && !number.matches("[0-9]{1,20}")) {
                throw Refusal.invalid("number", "portal.number.digits");
            }
        }
    }

    public record Page(List<StoredCdr> items, long total) { }

    public record Day(LocalDate date, long calls, BigDecimal amount) { }

    public record ServiceCalls(String service, long calls) { }

    private final JdbcTemplate jdbc;
    private final CdrWords words;

    PortalCalls(JdbcTemplate jdbc, CdrWords words) {
        this.jdbc = jdbc;
        this.words = words;
    }

    public Page list(String username, Filter filter, int page, int size) {
        List<Object> args = new ArrayList<>();
        String where = where(username, filter, args);
        Long total = jdbc.queryForObject("select count(*) from cdr c" + where, Long.class, args.toArray());
        args.add(size);
        args.add((long) page * size);
        List<StoredCdr> items = jdbc.query(SELECT + where + " order by c.start_time desc, c.id desc limit ? offset ?",
                this::row, args.toArray());
        return new Page(items, total == null ? 0 : total);
    }

    public Optional<StoredCdr> find(String username, String source, String cdrId) {
        return jdbc.query(SELECT + """
                 where c.start_time = (select k.start_time from cdr_key k where k.source = ? and k.cdr_id = ?)
                   and c.id = (select k.id from cdr_key k where k.source = ? and k.cdr_id = ?)
                   and c.account_code in (""" + PortalScope.ACCOUNTS + ")",
                this::row, source, cdrId, source, cdrId, username).stream().findFirst();
    }

    /**
     * the calls as a table for a spreadsheet (CSV or XLSX, {@link ru.ccbilling.export}): times in Moscow time as
     * text, durations and amounts as numbers, up to {@link #MAX_EXPORT} rows
     */
    public void export(String username, Filter filter, Table table) {
        List<Object> args = new ArrayList<>();
        String where = where(username, filter, args);
        args.add(MAX_EXPORT);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");
        table.row("Дата и время", "Тип звонка", "Кто звонил", "Куда звонил", "Длительность, с", "Статус",
                "Сумма без НДС, руб.", "Лицевой счёт", "Источник", "Идентификатор");
        jdbc.query(SELECT + where + " order by c.start_time desc, c.id desc limit ?", rs -> {
            StoredCdr c = row(rs, 0);
            table.row(c.startTime().atZoneSameInstant(ZONE).format(time), CdrLabels.callType(c.callType()), c.caller(),
                    c.called(), c.durationSec(), CdrLabels.status(c.status()), c.total(), c.account(), c.source(),
                    c.cdrId());
        }, args.toArray());
    }

    /** calls and amounts of each day of the period that had any (rated calls) */
    public List<Day> perDay(String username, String account, LocalDate from, LocalDate to) {
        return jdbc.query("""
                select (c.start_time at time zone 'Europe/Moscow')::date, count(*), coalesce(sum(c.total), 0)
                  from cdr c
                 where c.account_code = ? and c.account_code in (""" + PortalScope.ACCOUNTS + """
                )  and c.status = 'RATED' and c.start_time >= ? and c.start_time < ?
                 group by 1 order by 1
                """, (rs, i) -> new Day(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getBigDecimal(3)),
                account, username, start(from), start(to.plusDays(1)));
    }

    /** rated calls of the period by call type */
    public List<ServiceCalls> byService(String username, String account, LocalDate from, LocalDate to) {
        return jdbc.query("""
                select c.call_type, count(*) from cdr c
                 where c.account_code = ? and c.account_code in (""" + PortalScope.ACCOUNTS + """
                )  and c.status = 'RATED' and c.start_time >= ? and c.start_time < ?
                 group by 1 order by 1
                """, (rs, i) -> new ServiceCalls(rs.getString(1), rs.getLong(2)),
                account, username, start(from), start(to.plusDays(1)));
    }

    private static String where(String username, Filter f, List<Object> args) {
        StringBuilder where = new StringBuilder(" where c.account_code = ? and c.account_code in (")
                .append(PortalScope.ACCOUNTS).append(") and c.start_time >= ? and c.start_time < ?");
        args.add(f.account());
        args.add(username);
        args.add(start(f.from()));
        args.add(start(f.to().plusDays(1)));
        if (f.status() != null) {
            where.append(" and c.status = ?");
            args.add(f.status());
        }
        if (f.number() != null) {
            where.append(" and (strpos(c.caller, ?) > 0 or strpos(c.called, ?) > 0)");
            args.add(f.number());
            args.add(f.number());
        }
        return where.toString();
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ZONE).toInstant());
    }

    /** a text cell that a spreadsheet must not read as a formula, without the separator */
    private static final String SELECT = """
            select c.source, c.cdr_id, c.start_time, c.received_at, c.call_type, c.caller, c.called, c.duration_sec,
                   c.account_code, c.status, c.reason, c.reason_detail, c.tariff_code, c.tariff_version, c.total,
                   c.lines, c.caller_region, c.caller_operator
              from cdr c
            """;

    private StoredCdr row(ResultSet rs, int i) throws SQLException {
        return new StoredCdr(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getInt(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                rs.getString(13), (Integer) rs.getObject(14), rs.getBigDecimal(15),
                CompactLines.decode(rs.getBytes(16), words::word), null, rs.getString(17), rs.getString(18), null);
    }
}
