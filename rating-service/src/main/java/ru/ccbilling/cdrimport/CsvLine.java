package ru.ccbilling.cdrimport;

import java.util.List;

import ru.ccbilling.refusal.Text;

/**
 * One line of an equipment file: its number in the file and its fields, or why CSV could not read it.
 * A column past the end of the line reads as empty.
 */
record CsvLine(long number, List<String> values, Text unreadable) {

    String value(int column) {
        return column < values.size() ? values.get(column).trim() : "";
    }

    int size() {
        return values.size();
    }
}
