package ru.ccbilling.inventory;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Who held a number on a date: the port rating reads to find the account of a call to a number (the holder of the
 * {@code called} 8-800 or virtual-office number at the call's time, tariff sheet 2 and 7.2). Implemented from the
 * accounts' holdings today; the inventory will own it once it keeps the numbers' history.
 */
public interface Holders {

    /** An account held a number from a day (inclusive) to a day (exclusive, open when null). */
    record Holding(String number, NumberKind kind, Integer channels, String account, LocalDate validFrom,
                   LocalDate validTo) {

        public boolean covers(LocalDate date) {
            return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
        }
    }

    /** the holding of the number in force on that date, if an account held it */
    Optional<Holding> on(String number, LocalDate date);

    /** every holding of every number (for a snapshot that answers {@link #on} without the database) */
    List<Holding> all();
}
