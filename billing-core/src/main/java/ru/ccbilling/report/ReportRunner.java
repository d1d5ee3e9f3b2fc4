package ru.ccbilling.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.ccbilling.export.Workbook;
import ru.ccbilling.refusal.Refusal;

/**
 * Runs checked reports over the facts: the table with its totals, the calls behind a cell (through
 * {@link CallRecords}), and exports streamed row by row. The number of rows is counted before any is read, so a report
 * over the limits is refused, never cut silently.
 */
@Service
public class ReportRunner {

    private final JdbcTemplate jdbc;
    private final ReportLimits limits;
    private final CallRecords calls;
    private final Clock clock;

    ReportRunner(JdbcTemplate jdbc, ReportLimits limits, CallRecords calls, Clock clock) {
        this.jdbc = jdbc;
        this.limits = limits;
        this.calls = calls;
        this.clock = clock;
    }

    public ReportTable run(ReportQuery q, ReportScope.Seen seen) {
        int cap = q.limit() != null ? q.limit() : limits.maxRows();
        List<ReportTable.Row> rows = new ArrayList<>();
        query(ReportSql.of(q, seen.accounts(), true, q.limit() != null ? cap : cap + 1), rs -> rows.add(row(q, rs)));
        if (rows.size() > cap) {
            long count = count(q, seen);
            throw Refusal.invalid("dimensions", "report.tooManyRows", count, cap);
        }
        List<Object> totals = new ArrayList<>();
        query(ReportSql.of(q, seen.accounts(), false, null), rs -> totals.addAll(row(q, rs).measures()));
        return new ReportTable(q, rows, totals, OffsetDateTime.now(clock));
    }

    /** the calls behind a cell: the report's filters and range narrowed by the cell's values of its dimensions */
    public CallRecords.Page calls(ReportQuery q, Map<String, String> cell, ReportScope.Seen seen, int page, int size) {
        if (q.dataset() != Dataset.CALLS) {
            throw Refusal.invalid("dataset", "report.drillCallsOnly");
        }
        if (size < 1 || size > limits.drillMaxSize()) {
            throw Refusal.invalid("size", "report.drillSize", limits.drillMaxSize());
        }
        if (page < 0) {
            throw Refusal.invalid("page", "report.drillPage");
        }
        LocalDate from = q.from();
        LocalDate to = q.to();
        List<ReportQuery.Filter> filters = new ArrayList<>(q.filters());
        for (Map.Entry<String, String> e : (cell == null ? Map.<String, String>of() : cell).entrySet()) {
            Dimension d = Dimension.byKey(e.getKey()).filter(q.dimensions()::contains)
                    .orElseThrow(() -> Refusal.invalid("cell." + e.getKey(), "report.cellNotDimension", e.getKey()));
            String value = e.getValue() == null ? "" : e.getValue();
            if (d.isTime()) {
                LocalDate start;
                try {
                    start = LocalDate.parse(value);
                } catch (java.time.format.DateTimeParseException ex) {
                    throw Refusal.invalid("cell." + e.getKey(), "report.cellDate", value);
                }
                LocalDate end = switch (d) {
                    case DAY -> start;
                    case WEEK -> start.plusDays(6);
                    default -> start.plusMonths(1).minusDays(1);
                };
                from = start.isAfter(from) ? start : from;
                to = end.isBefore(to) ? end : to;
            } else {
                filters.add(new ReportQuery.Filter(d, List.of(value)));
            }
        }
        if (to.isBefore(from)) {
            return new CallRecords.Page(List.of(), 0);
        }
        return calls.calls(from, to, filters, seen.accounts(), page, size);
    }

    public long count(ReportQuery q, ReportScope.Seen seen) {
        long[] n = new long[1];
        query(ReportSql.count(q, seen.accounts()), rs -> n[0] = rs.getLong(1));
        return n[0];
    }

    /** CSV for Excel: UTF-8 with BOM, semicolons, decimal points; the report's filters and generation time first */
    @Transactional(readOnly = true)
    public void csv(ReportQuery q, ReportScope.Seen seen, Locale locale, Writer out) {
        export(q, seen, locale, new Consumer<>() {
            @Override
            public void accept(List<Object> cells) {
                try {
                    StringBuilder line = new StringBuilder();
                    for (int i = 0; i < cells.size(); i++) {
                        Object c = cells.get(i);
                        line.append(i > 0 ? ";" : "").append(c == null ? "" : csvField(c));
                    }
                    out.write(line.append("\r\n").toString());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }, () -> {
            try {
                out.write('\uFEFF');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Transactional(readOnly = true)
    public void xlsx(ReportQuery q, ReportScope.Seen seen, Locale locale, OutputStream out) throws IOException {
        try (Workbook book = new Workbook(out, english(locale) ? "Report" : "Отчёт")) {
            export(q, seen, locale, cells -> book.row(cells.toArray()), () -> { });
        }
    }

    private void export(ReportQuery q, ReportScope.Seen seen, Locale locale, Consumer<List<Object>> sink, Runnable start) {
        long rows = count(q, seen);
        if (rows > limits.exportMaxRows()) {
            throw Refusal.invalid("dimensions", "report.exportTooManyRows", rows, limits.exportMaxRows());
        }
        boolean en = english(locale);
        start.run();
        sink.accept(List.of(en ? "Report" : "Отчёт", describe(q, en)));
        sink.accept(List.of(en ? "Period" : "Период", q.from() + " – " + q.to()));
        for (ReportQuery.Filter f : q.filters()) {
            sink.accept(List.of(en ? "Filter" : "Фильтр", label(f.dimension(), en) + " = " + String.join(", ", f.values())));
        }
        if (!seen.all()) {
            sink.accept(List.of(en ? "Accounts" : "Лицевые счета", String.join(", ", seen.accounts())));
        }
        sink.accept(List.of(en ? "Generated" : "Сформирован", OffsetDateTime.now(clock).atZoneSameInstant(ReportLimits.MOSCOW)
                .toOffsetDateTime().withNano(0).toString()));
        sink.accept(List.of());
        List<Object> header = new ArrayList<>();
        q.dimensions().forEach(d -> header.add(label(d, en)));
        q.measures().forEach(m -> header.add(en ? m.english() : m.russian()));
        sink.accept(header);
        query(ReportSql.of(q, seen.accounts(), true, null), rs -> {
            ReportTable.Row row = row(q, rs);
            List<Object> cells = new ArrayList<>(row.dimensions());
            cells.addAll(row.measures());
            sink.accept(cells);
        });
        query(ReportSql.of(q, seen.accounts(), false, null), rs -> {
            List<Object> cells = new ArrayList<>();
            for (int i = 0; i < q.dimensions().size(); i++) {
                cells.add(i == 0 ? (en ? "Total" : "Итого") : null);
            }
            if (q.dimensions().isEmpty()) {
                return; // the one row already is the total
            }
            cells.addAll(row(q, rs).measures());
            sink.accept(cells);
        });
    }

    private static String describe(ReportQuery q, boolean en) {
        List<String> names = new ArrayList<>();
        q.measures().forEach(m -> names.add(en ? m.english() : m.russian()));
        StringBuilder out = new StringBuilder(String.join(", ", names));
        if (!q.dimensions().isEmpty()) {
            out.append(en ? " by " : " по ");
            List<String> dims = new ArrayList<>();
            q.dimensions().forEach(d -> dims.add(label(d, en)));
            out.append(String.join(", ", dims));
        }
        return out.toString();
    }

    private static String label(Dimension d, boolean en) {
        return en ? d.english() : d.russian();
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    private static String csvField(Object value) {
        String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        if (text.indexOf(';') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static ReportTable.Row row(ReportQuery q, ResultSet rs) throws SQLException {
        int k = rs.getMetaData().getColumnCount() - q.measures().size();
        List<String> dims = new ArrayList<>(k);
        for (int i = 1; i <= k; i++) {
            dims.add(rs.getString(i));
        }
        List<Object> measures = new ArrayList<>(q.measures().size());
        for (int i = 0; i < q.measures().size(); i++) {
            BigDecimal v = rs.getBigDecimal(k + i + 1);
            measures.add(v == null ? null : q.measures().get(i).unit() == Measure.Unit.COUNT ? (Object) v.longValue() : v);
        }
        return new ReportTable.Row(dims, measures);
    }

    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    /** reads the rows as they arrive (a cursor of 1,000 rows at a time), in a read-only transaction */
    private void query(ReportSql sql, RowHandler handler) {
        PreparedStatementCreator creator = c -> {
            PreparedStatement ps = c.prepareStatement(sql.sql);
            ps.setFetchSize(1000);
            for (int i = 0; i < sql.args.size(); i++) {
                Object arg = sql.args.get(i);
                if (arg instanceof String[] values) {
                    Array array = c.createArrayOf("text", values);
                    ps.setArray(i + 1, array);
                } else {
                    ps.setObject(i + 1, arg);
                }
            }
            return ps;
        };
        jdbc.query(creator, rs -> {
            handler.handle(rs);
        });
    }
}
