package ru.ccbilling.rules;

import java.math.BigDecimal;

/**
 * One line of a priced call: what was priced, for how long, at what rate, why, and the amount in RUB. {@code stage}
 * is the stage it prices (0-based, null for a call line); {@code participant} the conference participant it prices
 * (0-based, null otherwise).
 */
public record PricedLine(String component, Integer stage, BigDecimal amount, int billedSeconds, BigDecimal rate,
                         String note, Integer participant) {

    /** a line that prices no conference participant */
    public PricedLine(String component, Integer stage, BigDecimal amount, int billedSeconds, BigDecimal rate,
                      String note) {
        this(component, stage, amount, billedSeconds, rate, note, null);
    }
}
