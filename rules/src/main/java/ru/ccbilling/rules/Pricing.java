package ru.ccbilling.rules;

import java.math.BigDecimal;
import java.util.List;

/** The outcome of pricing a call: its lines and total, or the reason the tariff has no price for it. */
public sealed interface Pricing {

    record Priced(List<PricedLine> lines, BigDecimal total) implements Pricing {
        public Priced {
            lines = List.copyOf(lines);
        }
    }

    /** The tariff has no rate for the call (no table row matched); {@code detail} says which. */
    record NoRate(String detail) implements Pricing { }
}
