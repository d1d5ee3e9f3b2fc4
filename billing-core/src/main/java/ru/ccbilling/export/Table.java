package ru.ccbilling.export;

/**
 * A table being exported, written one row at a time while the rows are read (CSV or an XLSX workbook), so a list of
 * 100,000 rows never sits in memory whole. The first row is the Russian column titles.
 */
public interface Table extends AutoCloseable {

    /** at most this many rows go into one export (the portal's calls and the staff lists alike) */
    int MAX_ROWS = 100_000;

    /** one row: numbers stay numbers, dates and times Russian (dd.mm.yyyy, Moscow time), null an empty cell */
    void row(Object... cells);

    @Override
    void close() throws java.io.IOException;
}
