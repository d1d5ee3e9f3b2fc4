package ru.ccbilling.cdr;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ru.ccbilling.rating.TimeBands;
import ru.ccbilling.report.CallRecords;
import ru.ccbilling.report.Dimension;
import ru.ccbilling.report.ReportQuery;

/**
 * The calls behind a report's cell, from view {@code report_cdr} (rating V120): each CDR with the dimensions its facts
 * are grouped by, computed by the same SQL functions as the facts, so a cell's calls are exactly the calls it counts.
 * The days bound {@code start_time}, so only their monthly partitions are read.
 */
@Component
class ReportCalls implements CallRecords {

    private final JdbcTemplate jdbc;

    ReportCalls(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Page calls(LocalDate from, LocalDate to, List<ReportQuery.Filter> filters, Collection<String> accounts,
                      int page, int size) {
        List<Object> args = new ArrayList<>();
        OffsetDateTime start = from.atStartOfDay(TimeBands.MOSCOW).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(TimeBands.MOSCOW).toOffsetDateTime();
        CdrConditions where = new CdrConditions("c.start_time >= ?", args);
        args.add(start);
        where.and("c.start_time < ?", end);
        for (ReportQuery.Filter f : filters) {
            where.and(condition(f.dimension()), f.values().toArray(String[]::new));
        }
        if (accounts != null) {
            where.andAnyOf("c.account_code", accounts);
        }
        Long total = jdbc.queryForObject("select count(*) from report_cdr c" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<Call> items = jdbc.query("""
                select c.source, c.cdr_id, c.start_time, c.call_type, c.caller, c.called, c.duration_sec, c.account_code,
                       c.status, c.reason, c.tariff_code, c.tariff_version, c.total
                  from report_cdr c""" + where + " order by c.start_time desc, c.id desc limit ? offset ?",
                (rs, i) -> new Call(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11), (Integer) rs.getObject(12), rs.getBigDecimal(13)),
                pageArgs.toArray());
        return new Page(items, total == null ? 0 : total);
    }

    /** the call has one of the values (one parameter, a text array) */
    private static String condition(Dimension d) {
        return switch (d) {
            // a call is behind a line's cell when one of its lines (or the stage a line prices) has the value
            // the lines and stages are stored compactly (rating V122): read back by cdr_lines and cdr_stage_operator
            case COMPONENT -> "c.status = 'RATED' and exists (select 1 from cdr_lines(c.lines) l where l.component = any(?))";
            case OPERATOR -> "c.status = 'RATED' and exists (select 1 from cdr_lines(c.lines) l"
                    + " where coalesce(cdr_stage_operator(c.record, l.stage), '') = any(?))";
            case SITE -> "c.status = 'RATED' and exists (select 1 from cdr_lines(c.lines) l left join operator o"
                    + " on o.operator_id = cdr_stage_operator(c.record, l.stage) where coalesce(o.site, '') = any(?))";
            default -> column(d) + " = any(?)";
        };
    }

    /** the dimension as a text expression over {@code report_cdr c}, matching the facts' value ('' for none) */
    private static String column(Dimension d) {
        return switch (d) {
            case DAY -> "c.day::text";
            case WEEK -> "date_trunc('week', c.day)::date::text";
            case MONTH -> "date_trunc('month', c.day)::date::text";
            case CLIENT -> "coalesce((select a.client_name from account a where a.code = c.account_code), '')";
            case ACCOUNT -> "coalesce(c.account_code, '')";
            case SERVICE, CALL_TYPE -> "c.call_type";
            case CALLER_ORIGIN -> "c.caller_origin";
            case DESTINATION_CLASS -> "c.destination_class";
            case TIME_BAND -> "c.time_band";
            case TRUNK -> "c.trunk";
            case TARIFF -> "coalesce(c.tariff_code, '')";
            case TARIFF_VERSION -> "case when c.tariff_code is null then '' else c.tariff_code || ' v' || coalesce(c.tariff_version, 0) end";
            case SOURCE -> "c.source";
            case STATUS -> "c.status";
            case REASON -> "coalesce(c.reason, '')";
            case COMPONENT, OPERATOR, SITE, ENTRY_KIND, COUNTERPARTY ->
                    throw new IllegalArgumentException("not a column of calls: " + d);
        };
    }
}
