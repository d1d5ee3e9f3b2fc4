package ru.ccbilling.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import ru.ccbilling.export.CsvTable;
import ru.ccbilling.export.Table;
import ru.ccbilling.export.Workbook;

/**
 * A list exported as a file: the rows go to a temporary file, not to memory (an export may be 100,000 rows), and the
 * file is deleted when it has been sent. A refusal while the rows are written (a bad filter) leaves no file behind.
 */
public final class Downloads {

    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private Downloads() { }

    /** {@code rows} as CSV for Russian Excel; {@code name} without the extension */
    public static ResponseEntity<Resource> csv(String name, Consumer<Table> rows) {
        return file(name + ".csv", new MediaType("text", "csv", StandardCharsets.UTF_8), file -> {
            try (var out = new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8);
                 Table table = new CsvTable(out)) {
                rows.accept(table);
            }
        });
    }

    /** {@code rows} as an Excel workbook with one sheet named {@code sheet} */
    public static ResponseEntity<Resource> xlsx(String name, String sheet, Consumer<Table> rows) {
        return file(name + ".xlsx", XLSX, file -> {
            try (var out = Files.newOutputStream(file); Table table = new Workbook(out, sheet)) {
                rows.accept(table);
            }
        });
    }

    private interface Writing {
        void into(Path file) throws IOException;
    }

    private static ResponseEntity<Resource> file(String filename, MediaType type, Writing writing) {
        try {
            Path file = Files.createTempFile("export", filename.substring(filename.lastIndexOf('.')));
            try {
                writing.into(file);
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return ResponseEntity.ok().contentType(type).contentLength(Files.size(file))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(filename).build().toString())
                    .body(new InputStreamResource(Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
