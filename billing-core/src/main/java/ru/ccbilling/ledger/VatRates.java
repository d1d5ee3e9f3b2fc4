package ru.ccbilling.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ru.ccbilling.money.Money;

/** VAT rates with the dates they take effect ({@code vat_rate}): 20% before 2026-01-01, 22% from then. */
@Component("ledgerVatRates") // the same vat_rate table as vat.VatRates, in percent for ledger entries
public class VatRates {

    private final JdbcTemplate jdbc;

    VatRates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** the rates by the day they take effect, read fresh (a handful of rows) */
    public NavigableMap<LocalDate, BigDecimal> table() {
        NavigableMap<LocalDate, BigDecimal> rates = new TreeMap<>();
        jdbc.query("select valid_from, rate from vat_rate", rs -> {
            rates.put(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2));
        });
        return rates;
    }

    /** the rate in percent in force on a day */
    public static BigDecimal rateOn(NavigableMap<LocalDate, BigDecimal> table, LocalDate day) {
        var entry = table.floorEntry(day);
        if (entry == null) {
            throw new IllegalStateException("no VAT rate in force on " + day);
        }
        return entry.getValue();
    }

    /** VAT of a net amount at a rate in percent, rounded half up to kopecks once */
    public static Money vat(Money net, BigDecimal ratePercent) {
        return Money.of(net.amount().multiply(ratePercent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
    }
}
