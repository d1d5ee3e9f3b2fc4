package ru.ccbilling.period;

import java.math.BigDecimal;
import java.util.Optional;

import ru.ccbilling.money.Money;

/** What a tariff version says about the month: monthly fees and the volume coefficient. */
public interface MonthlyTerms {

    /** monthly fee names of the tariff's MonthlyFee table */
    String NUMBER_RENTAL = "NUMBER_RENTAL";
    String DEDICATED_SEAT = "DEDICATED_SEAT";
    /** a virtual-office number with the channels included (tariff sheet 7.3) */
    String VIRTUAL_OFFICE_NUMBER = "VIRTUAL_OFFICE_NUMBER";
    /** each channel of a virtual-office number beyond those included */
    String VIRTUAL_OFFICE_CHANNEL = "VIRTUAL_OFFICE_CHANNEL";
    /** not a fee: the minimum monthly payment of a client tariff, kept as a row of the MonthlyFee table */
    String MINIMUM_MONTHLY_PAYMENT = "MINIMUM_MONTHLY_PAYMENT";

    String tariff();

    int version();

    /** the full-month amount of a fee, when the tariff has one */
    Optional<Money> monthlyFee(String fee);

    /** how many channels the {@link #VIRTUAL_OFFICE_NUMBER} fee includes (2 in the tariff sheet, 7.3) */
    default int virtualOfficeChannelsIncluded() {
        return 2;
    }

    /**
     * the minimum monthly payment of a client tariff (the MonthlyFee row {@value #MINIMUM_MONTHLY_PAYMENT}): when
     * the month's usage entries (net of VAT, before monthly fees and the volume discount) are less than it prorated by
     * the days in force (round_half_up(M × days / days in month, 2), see {@link MinimumPayment}), the close posts the
     * difference as MINIMUM_TOPUP
     */
    default Optional<Money> minimumMonthlyPayment() {
        return Optional.empty();
    }

    /** the coefficient applied to the month's NETWORK amount for this many billed NETWORK minutes (1 when none) */
    BigDecimal volumeCoefficient(BigDecimal networkMinutes);
}
