package ru.ccbilling.reference;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.ccbilling.refusal.Text;

/**
 * The Russian number-range registry (Минцифры open data, files ABC-3xx.csv … DEF-9xx.csv): which operator
 * and region hold a number. Imported file by file; looked up in memory by binary search over the ranges.
 */
@Service
public class NumberRangeRegistry {

    /** One range of the registry; numbers are the 10 national digits (code + 7 digits). */
    public record Range(String code, long from, long to, long capacity, String operator, String region, String inn) { }

    /** a line of the file that is not a range, and why */
    public record Problem(int line, Text message) { }

    public record ImportResult(int imported, Set<String> codes, List<Problem> skipped) { }

    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private volatile Range[] ranges = new Range[0];

    NumberRangeRegistry(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void load() {
        List<Range> loaded = jdbc.query(
                "select code, from_number, to_number, capacity, operator, region, inn from number_range order by from_number",
                (rs, i) -> new Range(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), rs.getString(7)));
        ranges = loaded.toArray(new Range[0]);
    }

    /** the range holding a Russian number given as 7 + 10 digits (or the 10 national digits) */
    public Optional<Range> lookup(String number) {
        String national = number.length() == 11 && number.startsWith("7") ? number.substring(1) : number;
        if (national.length() != 10 || !national.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        long n = Long.parseLong(national);
        Range[] all = ranges;
        int low = 0;
        int high = all.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            Range r = all[mid];
            if (n < r.from()) {
                high = mid - 1;
            } else if (n > r.to()) {
                low = mid + 1;
            } else {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** the ranges of a registry file, and the lines that are not ranges with the reason */
    record Parsed(List<Range> ranges, List<Problem> skipped) { }

    static Parsed parseFile(byte[] content) {
        List<Problem> skipped = new ArrayList<>();
        List<Range> parsed = new ArrayList<>();
        String[] lines = decode(content).split("\\r?\\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || (i == 0 && !looksLikeData(line))) {
                continue;
            }
            try {
                parsed.add(parse(line));
            } catch (BadLine e) {
                skipped.add(new Problem(i + 1, e.reason));
            }
        }
        return new Parsed(parsed, skipped);
    }

    /** Imports one registry file, replacing the ranges of the codes it contains. */
    @Transactional
    public ImportResult importFile(byte[] content) {
        Parsed file = parseFile(content);
        List<Range> parsed = file.ranges();
        List<Problem> skipped = file.skipped();
        Set<String> codes = new LinkedHashSet<>();
        parsed.forEach(r -> codes.add(r.code()));
        for (String code : codes) {
            jdbc.update("delete from number_range where code = ?", code);
        }
        jdbc.batchUpdate("""
                insert into number_range (code, from_number, to_number, capacity, operator, region, inn)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (from_number, to_number) do update
                set code = excluded.code, capacity = excluded.capacity, operator = excluded.operator,
                    region = excluded.region, inn = excluded.inn
                """, parsed, 1000, (ps, r) -> {
                    ps.setString(1, r.code());
                    ps.setLong(2, r.from());
                    ps.setLong(3, r.to());
                    ps.setLong(4, r.capacity());
                    ps.setString(5, r.operator());
                    ps.setString(6, r.region());
                    ps.setString(7, r.inn());
                });
        events.publishEvent(new ReferenceChanged("number-ranges"));
        load();
        return new ImportResult(parsed.size(), codes, skipped);
    }

    static Range parse(String line) {
        String[] cells = Arrays.stream(line.split(";", -1)).map(NumberRangeRegistry::clean).toArray(String[]::new);
        if (cells.length < 6) {
            throw new BadLine("registry.line.columns", cells.length);
        }
        String code = cells[0];
        if (!code.matches("[0-9]{3}")) {
            throw new BadLine("registry.line.code", code);
        }
        long from = digits(cells[1], "От");
        long to = digits(cells[2], "До");
        if (to < from) {
            throw new BadLine("registry.line.toBelowFrom");
        }
        long capacity = cells[3].isEmpty() ? to - from + 1 : capacity(cells[3]);
        String operator = cells[4];
        String region = cells[5];
        if ((region.isEmpty() || region.equals("-")) && cells.length > 6 && !cells[6].isEmpty()) {
            region = cells[6];
        }
        region = region.replace('|', ',').replace(",", ", ").replaceAll("\\s+", " ").trim();
        String inn = cells.length > 7 && !cells[7].isEmpty() ? cells[7] : null;
        long base = Long.parseLong(code) * 10_000_000L;
        return new Range(code, base + from, base + to, capacity, operator, region, inn);
    }

    private static long digits(String cell, String column) {
        if (!cell.matches("[0-9]{1,7}")) {
            throw new BadLine("registry.line.digits", column, cell);
        }
        return Long.parseLong(cell);
    }

    private static long capacity(String cell) {
        if (!cell.matches("[0-9]{1,8}")) {
            throw new BadLine("registry.line.capacity", cell);
        }
        return Long.parseLong(cell);
    }

    private static String clean(String cell) {
        String c = cell.trim();
        if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
            c = c.substring(1, c.length() - 1).replace("\"\"", "\"");
        }
        return c.trim();
    }

    private static boolean looksLikeData(String line) {
        String[] cells = line.split(";", -1);
        return cells.length > 1 && clean(cells[1]).matches("[0-9]+");
    }

    /** UTF-8 with or without BOM, else windows-1251 (older files) */
    static String decode(byte[] content) {
        if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF) {
            return new String(content, 3, content.length - 3, StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return new String(content, WINDOWS_1251);
        }
    }

    /** a line that is not a registry range; the reason in the catalogue */
    static final class BadLine extends IllegalArgumentException {
        private final transient Text reason;

        BadLine(String key, Object... args) {
            super(Text.of(key, args).russian());
            this.reason = Text.of(key, args);
        }
    }
}
