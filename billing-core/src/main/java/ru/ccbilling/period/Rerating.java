package ru.ccbilling.period;

import java.time.YearMonth;
import java.util.List;

/**
 * Re-rates an account's month: its rated CDRs and one-time services priced again under a chosen tariff version.
 * Implemented by rating, which owns the records and the engine.
 */
public interface Rerating {

    /**
     * The account's usage in the month as the chosen tariff (null: the one assigned) and version (null: the one in
     * force at each record's time) prices it. With {@code store} the new prices replace the stored ones, in the
     * caller's transaction. {@code unrated} lists the records the choice cannot price (nothing is stored then).
     */
    Rerated rerate(String account, YearMonth month, String tariff, Integer version, boolean store);

    record Rerated(MonthUsage usage, int records, List<String> unrated) {
        public Rerated {
            unrated = List.copyOf(unrated);
        }
    }
}
