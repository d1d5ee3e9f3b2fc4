package ru.ccbilling.input;

import java.time.LocalDate;
import java.time.YearMonth;

import ru.ccbilling.refusal.Text;

/**
 * Dates a client supplies (call times, periods, validity, payment and charge dates) lie in the years 2000 to 2100:
 * anything else is a typo or a broken clock, and 0001-01-01 or 9999-12-31 would break month arithmetic,
 * partitions and documents.
 */
public final class ClientDates {

    public static final int EARLIEST_YEAR = 2000;
    public static final int LATEST_YEAR = 2100;
    public static final Text RANGE = Text.of("date.range", EARLIEST_YEAR, LATEST_YEAR);

    private ClientDates() { }

    public static boolean inRange(int year) {
        return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
    }

    public static boolean inRange(LocalDate date) {
        return inRange(date.getYear());
    }

    public static boolean inRange(YearMonth month) {
        return inRange(month.getYear());
    }
}
