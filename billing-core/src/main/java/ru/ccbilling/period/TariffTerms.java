package ru.ccbilling.period;

import java.time.LocalDate;
import java.util.Optional;

/** The monthly terms of tariff versions; implemented by rating, which owns the tariffs. */
public interface TariffTerms {

    /** the version of the tariff in force on that day (Moscow time) */
    Optional<MonthlyTerms> inForce(String tariff, LocalDate day);

    /** a given version of the tariff, in any state */
    Optional<MonthlyTerms> version(String tariff, int version);
}
