package ru.ccbilling.vat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import ru.ccbilling.money.Money;

/**
 * VAT rates by effective date (table {@code vat_rate}): 20% from 2019, 22% from 2026-01-01 (425-FZ).
 * A document takes the rate in force on its shipment date. Per line VAT = round_half_up(net × rate, 2).
 */
@Service
public class VatRates {

    private final JdbcTemplate jdbc;

    VatRates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** the rate in force on that date, e.g. 0.22 */
    public BigDecimal rateOn(LocalDate date) {
        List<BigDecimal> rates = jdbc.queryForList(
                "select rate / 100 from vat_rate where valid_from <= ? order by valid_from desc limit 1",
                BigDecimal.class, date);
        if (rates.isEmpty()) {
            throw new IllegalStateException("no VAT rate is in force on " + date);
        }
        return rates.get(0).stripTrailingZeros();
    }

    /** every rate with the date it took effect, in date order */
    public NavigableMap<LocalDate, BigDecimal> all() {
        NavigableMap<LocalDate, BigDecimal> out = new TreeMap<>();
        for (Map<String, Object> row : jdbc.queryForList("select valid_from as effective_from, rate / 100 as rate from vat_rate")) {
            out.put(((java.sql.Date) row.get("effective_from")).toLocalDate(), ((BigDecimal) row.get("rate")).stripTrailingZeros());
        }
        return out;
    }

    /** VAT of one line: round_half_up(net × rate, 2), negative for a negative line (a discount) */
    public static Money vatOf(Money net, BigDecimal rate) {
        return Money.of(net.amount().multiply(rate).setScale(2, RoundingMode.HALF_UP));
    }

    /** "22%" */
    public static String percent(BigDecimal rate) {
        return rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
