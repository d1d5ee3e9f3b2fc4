package ru.ccbilling.period;

import java.math.BigDecimal;
import java.util.Optional;

import ru.ccbilling.money.Money;

/** What a tariff version says about the month: monthly fees and the volume coefficient. */
public interface MonthlyTerms {

    /** monthly fee names of the tariff's MonthlyFee table */
    String NUMBER_RENTAL = "NUMBER_RENTAL";
    String DEDICATED_SEAT = "DEDICATED_SEAT";

    String tariff();

    int version();

    /** the full-month amount of a fee, when the tariff has one */
    Optional<Money> monthlyFee(String fee);

    /** the coefficient applied to the month's NETWORK amount for this many billed NETWORK minutes (1 when none) */
    BigDecimal volumeCoefficient(BigDecimal networkMinutes);
}
