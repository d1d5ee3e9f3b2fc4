package ru.ccbilling.cdrimport;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a mapping takes one value from a line: the first of its columns that has a value (one the regex finds,
 * taking its group 1 when it has one), replaced through the lookup list when listed there; else the default.
 */
record Pick(List<Column> from, Pattern regex, Map<String, String> lookup, String fallback) {

    record Column(int index, String name) { }

    /** a value and the column it came from (null for the default), to name it when it is refused */
    record Picked(String value, String column) { }

    Picked pick(CsvLine line) {
        for (Column column : from) {
            String value = line.value(column.index());
            if (value.isEmpty()) {
                continue;
            }
            if (regex != null) {
                Matcher m = regex.matcher(value);
                if (!m.find()) {
                    continue;
                }
                value = m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
            }
            return new Picked(lookup.getOrDefault(value, value), column.name());
        }
        return fallback == null ? null : new Picked(fallback, null);
    }

    /** the picked value, or null */
    String value(CsvLine line) {
        Picked picked = pick(line);
        return picked == null ? null : picked.value();
    }

    String describe() {
        return String.join("/", from.stream().map(Column::name).toList());
    }
}
