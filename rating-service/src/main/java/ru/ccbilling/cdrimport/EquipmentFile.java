package ru.ccbilling.cdrimport;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ru.ccbilling.refusal.Text;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an equipment CSV file one line at a time, never whole. Each line is one record (both Asterisk and
 * FreeSWITCH write one line per call), so a line CSV cannot read (an unclosed quote) spoils only itself and
 * line numbers are those an editor shows. Blank lines are skipped; a header line too when the mapping says so.
 */
final class EquipmentFile implements Closeable {

    private static final char BOM = '\uFEFF';

    private final BufferedReader reader;
    private final CSVFormat format;
    private boolean headerToSkip;
    private long number;

    EquipmentFile(Path file, char delimiter, boolean header) throws IOException {
        // malformed UTF-8 is replaced, not fatal: it can only be in names, never in the fields rating needs
        this.reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16);
        this.format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
        this.headerToSkip = header;
    }

    /** how many lines {@link #next} will give: the non-blank ones, less the header */
    static long countRecords(Path file, boolean header) throws IOException {
        long count = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                if (!blank(text)) {
                    count++;
                }
            }
        }
        return header && count > 0 ? count - 1 : count;
    }

    /** whether the file has any character other than white space and a byte-order mark */
    static boolean hasContent(Path file) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            for (int c = in.read(); c >= 0; c = in.read()) {
                if (c != BOM && !Character.isWhitespace(c)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** the next line with content, or null at the end of the file */
    CsvLine next() throws IOException {
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
            number++;
            if (blank(text)) {
                continue;
            }
            if (headerToSkip) {
                headerToSkip = false;
                continue;
            }
            return parse(number == 1 && text.charAt(0) == BOM ? text.substring(1) : text);
        }
        return null;
    }

    private CsvLine parse(String text) {
        try (CSVParser parser = CSVParser.parse(text, format)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                return new CsvLine(number, List.of(), Text.of("import.csv.records", records.size()));
            }
            return new CsvLine(number, records.get(0).toList(), null);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return new CsvLine(number, List.of(), Text.of("import.csv.unreadable", e.getMessage()));
        }
    }

    private static boolean blank(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != BOM && !Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
