package ru.ccbilling.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * A table as CSV the way Russian Excel opens it with a double click: UTF-8 with a BOM, semicolons, CRLF, decimal
 * commas, dates dd.mm.yyyy. A cell that would start a formula (=, +, -, @) is quoted with an apostrophe.
 */
public final class CsvTable implements Table {

    private final Writer out;

    public CsvTable(Writer out) {
        this.out = out;
        write("\uFEFF");
    }

    @Override
    public void row(Object... cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(';');
            }
            line.append(cells[i] instanceof Number ? Cells.text(cells[i]) : cell(Cells.text(cells[i])));
        }
        write(line.append("\r\n").toString());
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }

    private static String cell(String value) {
        String v = value.replace(';', ',').replace('\n', ' ').replace('\r', ' ');
        return !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
