package ru.ccbilling.cdrimport;

import java.util.List;
import java.util.function.Predicate;

/** When a rule of a mapping applies: every {@code when} condition holds, and not every {@code unless} one does. */
record Rule(List<Condition> when, List<Condition> unless) {

    static final Rule ALWAYS = new Rule(List.of(), List.of());

    boolean applies(CsvLine line, Predicate<String> virtualOffice) {
        for (Condition c : when) {
            if (!c.holds(line, virtualOffice)) {
                return false;
            }
        }
        if (unless.isEmpty()) {
            return true;
        }
        for (Condition c : unless) {
            if (!c.holds(line, virtualOffice)) {
                return true;
            }
        }
        return false;
    }
}
