package ru.ccbilling.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import ru.ccbilling.money.Money;
import ru.ccbilling.vat.VatRates;

/**
 * The VAT rates of {@link VatRates} as the ledger keeps them on its entries: in percent (22.00), with the VAT of an
 * entry rounded half up once. One table, one reader; this is only the ledger's unit.
 */
@Component
class VatPercent {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final VatRates rates;

    VatPercent(VatRates rates) {
        this.rates = rates;
    }

    /** the rates in percent by the day they take effect */
    NavigableMap<LocalDate, BigDecimal> table() {
        NavigableMap<LocalDate, BigDecimal> percent = new TreeMap<>();
        rates.all().forEach((day, rate) -> percent.put(day, rate.multiply(HUNDRED).setScale(2, RoundingMode.UNNECESSARY)));
        return percent;
    }

    /** the rate in percent in force on a day */
    static BigDecimal rateOn(NavigableMap<LocalDate, BigDecimal> table, LocalDate day) {
        var entry = table.floorEntry(day);
        if (entry == null) {
            throw new IllegalStateException("no VAT rate in force on " + day);
        }
        return entry.getValue();
    }

    /** VAT of a net amount at a rate in percent, rounded half up to kopecks once */
    static Money vat(Money net, BigDecimal ratePercent) {
        return Money.of(net.amount().multiply(ratePercent).divide(HUNDRED, 2, RoundingMode.HALF_UP));
    }
}
