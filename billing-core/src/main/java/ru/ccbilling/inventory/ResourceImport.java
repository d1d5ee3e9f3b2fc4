package ru.ccbilling.inventory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.refusal.Refusal.Fault;
import ru.ccbilling.refusal.Refusal.Kind;
import ru.ccbilling.refusal.Text;

/**
 * Adds resources to a pool from CSV, Free: each line one resource ({@code GW-MSK-1/0/1}) or a range
 * {@code first,last[,category]} whose ends share a prefix and end in digits of one width ({@code 78001000000,78001999999},
 * {@code MSK-L0001,MSK-L0030}). Every line is checked first, ranges against each other and against the inventory;
 * one bad line refuses the file and nothing is added. The rows go in by COPY (a million in seconds).
 */
@Service
public class ResourceImport {

    public record Report(int lines, long resources) { }

    /** one line of the file: a prefix and a run of numbers of a width */
    private record Range(int line, String prefix, long first, long last, int width, String category) {
        String id(long n) {
            String digits = Long.toString(n);
            return prefix + "0".repeat(width - digits.length()) + digits;
        }

        long size() {
            return last - first + 1;
        }
    }

    static final long MAX_RESOURCES = 5_000_000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Pattern TAIL = Pattern.compile("^(.*?)([0-9]{1,18})$");
    private static final Set<String> HEADERS = Set.of("first", "from", "resource", "начало", "ресурс", "номер");

    private final JdbcClient db;
    private final DataSource dataSource;
    private final ResourceCatalogue catalogue;
    private final Inventory inventory;
    private final Clock clock;

    ResourceImport(JdbcClient db, DataSource dataSource, ResourceCatalogue catalogue, Inventory inventory, Clock clock) {
        this.db = db;
        this.dataSource = dataSource;
        this.catalogue = catalogue;
        this.inventory = inventory;
        this.clock = clock;
    }

    @Transactional
    public Report importCsv(String poolCode, InputStream csv) {
        if (poolCode == null || poolCode.isBlank()) {
            throw Refusal.invalid("pool", "value.required");
        }
        ResourcePool pool = catalogue.pools().stream().filter(p -> p.code().equals(poolCode)).findFirst()
                .orElseThrow(() -> Refusal.field(Kind.INVALID, "pool", Text.of("inventory.unknownPool", poolCode)));
        ResourceKind kind = inventory.kind(pool.kind());
        List<Fault> faults = new ArrayList<>();
        List<Range> ranges = parse(csv, kind, pool, faults);
        if (faults.isEmpty() && ranges.isEmpty()) {
            faults.add(new Fault("file", Text.of("inventory.importEmpty")));
        }
        long total = ranges.stream().mapToLong(Range::size).sum();
        if (total > MAX_RESOURCES) {
            faults.add(new Fault("file", Text.of("inventory.importTooLarge", total, MAX_RESOURCES)));
        }
        if (total <= MAX_RESOURCES) {
            overlaps(ranges, faults);
        }
        if (!faults.isEmpty()) {
            throw Refusal.of(Kind.INVALID, Text.of("inventory.importRefused", faults.size()),
                    faults.subList(0, Math.min(faults.size(), 50)));
        }
        // a file of millions takes longer than the platform's usual statement_timeout
        db.sql("set local statement_timeout = '300s'").update();
        copy(ranges, kind, pool);
        return new Report(ranges.size(), total);
    }

    private List<Range> parse(InputStream csv, ResourceKind kind, ResourcePool pool, List<Fault> faults) {
        List<Range> ranges = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String text;
            int line = 0;
            while ((text = in.readLine()) != null && faults.size() < 50) {
                line++;
                String row = line == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text;
                if (row.isBlank() || row.startsWith("#")) {
                    continue;
                }
                String[] cells = row.split("[,;]", -1);
                String first = cells[0].trim();
                if (line == 1 && HEADERS.contains(first.toLowerCase())) {
                    continue;
                }
                String last = cells.length > 1 && !cells[1].isBlank() ? cells[1].trim() : first;
                String category = cells.length > 2 && !cells[2].isBlank() ? cells[2].trim() : pool.category();
                String field = "line " + line;
                if (cells.length > 3) {
                    faults.add(new Fault(field, Text.of("inventory.importColumns")));
                    continue;
                }
                Range range = range(line, first, last, category, kind, field, faults);
                if (range != null) {
                    ranges.add(range);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ranges;
    }

    private static Range range(int line, String first, String last, String category, ResourceKind kind, String field,
                               List<Fault> faults) {
        for (String id : List.of(first, last)) {
            if (!ID.matcher(id).matches()) {
                faults.add(new Fault(field, Text.of("inventory.importBadId", id)));
                return null;
            }
            if (kind.phoneNumber() && !id.matches("[0-9]{11}")) {
                faults.add(new Fault(field, Text.of("inventory.importNotNumber", id)));
                return null;
            }
            if (kind.code().equals("TOLL_FREE_800") && !id.startsWith("7800")) {
                faults.add(new Fault(field, Text.of("inventory.importNot800", id)));
                return null;
            }
            if (kind.code().equals("VIRTUAL_OFFICE") && id.startsWith("7800")) {
                faults.add(new Fault(field, Text.of("account.tollFreeNotVirtualOffice", id)));
                return null;
            }
        }
        Matcher a = TAIL.matcher(first);
        Matcher b = TAIL.matcher(last);
        if (first.equals(last) && !a.matches()) {
            return new Range(line, first, 0, 0, 0, category);
        }
        if (!a.matches() || !b.matches() || !a.group(1).equals(b.group(1)) || a.group(2).length() != b.group(2).length()) {
            faults.add(new Fault(field, Text.of("inventory.importRangeShape", first, last)));
            return null;
        }
        long from = Long.parseLong(a.group(2));
        long to = Long.parseLong(b.group(2));
        if (to < from) {
            faults.add(new Fault(field, Text.of("inventory.importRangeBackwards", first, last)));
            return null;
        }
        return new Range(line, a.group(1), from, to, a.group(2).length(), category);
    }

    /** ranges of the file against each other, then each against what the inventory holds */
    private void overlaps(List<Range> ranges, List<Fault> faults) {
        List<Range> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparing(Range::prefix).thenComparingInt(Range::width).thenComparingLong(Range::first));
        for (int i = 1; i < sorted.size(); i++) {
            Range before = sorted.get(i - 1);
            Range r = sorted.get(i);
            if (before.prefix().equals(r.prefix()) && before.width() == r.width() && r.first() <= before.last()) {
                faults.add(new Fault("line " + r.line(), Text.of("inventory.importOverlapsLine", before.line())));
            }
        }
        for (Range r : ranges) {
            if (faults.size() >= 50) {
                return;
            }
            String lowest = r.width() == 0 ? r.prefix() : r.id(r.first());
            String highest = r.width() == 0 ? r.prefix() : r.id(r.last());
            db.sql("select resource from network_resource where resource between :a and :b and length(resource) = :len"
                            + " order by resource limit 1")
                    .param("a", lowest).param("b", highest).param("len", lowest.length())
                    .query(String.class).optional()
                    .ifPresent(taken -> faults.add(new Fault("line " + r.line(), Text.of("inventory.importExists", taken))));
        }
    }

    private void copy(List<Range> ranges, ResourceKind kind, ResourcePool pool) {
        String since = LocalDate.now(clock).toString();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy network_resource (resource, kind, pool_code, category, status, status_since) from stdin");
            StringBuilder chunk = new StringBuilder(1 << 20);
            String tail = "\t" + kind.code() + "\t" + pool.code() + "\t";
            for (Range r : ranges) {
                String rowTail = tail + (r.category() == null ? "\\N" : escape(r.category())) + "\tFREE\t" + since + "\n";
                for (long n = r.first(); n <= r.last(); n++) {
                    chunk.append(r.width() == 0 ? r.prefix() : r.id(n)).append(rowTail);
                    if (chunk.length() > (1 << 20) - 200) {
                        write(in, chunk);
                    }
                }
            }
            write(in, chunk);
            in.endCopy();
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into network_resource failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void write(CopyIn in, StringBuilder chunk) throws SQLException {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        chunk.setLength(0);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }
}
