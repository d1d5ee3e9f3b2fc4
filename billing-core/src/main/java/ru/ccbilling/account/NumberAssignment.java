package ru.ccbilling.account;

import java.time.LocalDate;

/** An 8-800 number held by an account from a date (inclusive) to a date (exclusive, open when null). */
public record NumberAssignment(String number, LocalDate validFrom, LocalDate validTo) {

    public boolean covers(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
    }

    boolean overlaps(NumberAssignment other) {
        return (other.validTo == null || validFrom.isBefore(other.validTo))
                && (validTo == null || other.validFrom.isBefore(validTo));
    }
}
