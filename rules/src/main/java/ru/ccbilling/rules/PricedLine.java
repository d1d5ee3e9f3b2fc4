package ru.ccbilling.rules;

import java.math.BigDecimal;

/** One line of a priced call: what was priced, for how long, at what rate, why, and the amount in RUB. */
public record PricedLine(String component, Integer stage, BigDecimal amount, int billedSeconds, BigDecimal rate,
                         String note) { }
