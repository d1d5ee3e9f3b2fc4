package ru.ccbilling.cdrimport;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A test on one column of a line: it equals a value, is one of a list, contains a match of a regex, or is
 * (not) empty. Exactly one of {@code values}, {@code pattern}, {@code empty} is set.
 */
record Condition(Pick.Column column, Set<String> values, Pattern pattern, Boolean empty) {

    boolean holds(CsvLine line) {
        String value = line.value(column.index());
        if (values != null) {
            return values.contains(value);
        }
        if (pattern != null) {
            return pattern.matcher(value).find();
        }
        return empty == value.isEmpty();
    }
}
