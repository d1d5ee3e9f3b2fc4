package ru.ccbilling.cdrimport;

import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A test on one column of a line: it equals a value, is one of a list, contains a match of a regex, is (not) empty,
 * or is (not) a virtual-office number that an account holds. Exactly one of {@code values}, {@code pattern},
 * {@code empty}, {@code virtualOfficeNumber} is set.
 */
record Condition(Pick.Column column, Set<String> values, Pattern pattern, Boolean empty, Boolean virtualOfficeNumber) {

    Condition(Pick.Column column, Set<String> values, Pattern pattern, Boolean empty) {
        this(column, values, pattern, empty, null);
    }

    /** {@code virtualOffice}: whether a number as the file writes it is a virtual-office number an account holds */
    boolean holds(CsvLine line, Predicate<String> virtualOffice) {
        String value = line.value(column.index());
        if (virtualOfficeNumber != null) {
            return virtualOfficeNumber == (!value.isEmpty() && virtualOffice.test(value));
        }
        if (values != null) {
            return values.contains(value);
        }
        if (pattern != null) {
            return pattern.matcher(value).find();
        }
        return empty == value.isEmpty();
    }
}
