package ru.ccbilling.tariff.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * What sales change of a standard tariff for a client: a discount in percent per service group, prices of single
 * cells (which win over the discount) and a minimum monthly payment (null: none).
 */
public record Adjustments(List<Discount> discounts, List<CellOverride> overrides, BigDecimal minimumMonthlyPayment) {

    public Adjustments {
        discounts = discounts == null ? List.of() : List.copyOf(discounts);
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }

    public record Discount(ServiceGroup group, BigDecimal percent) {

        /** round_half_up(r × (1 − p/100), 2) */
        public BigDecimal apply(BigDecimal rate) {
            return rate.multiply(BigDecimal.ONE.subtract(percent.movePointLeft(2))).setScale(2, RoundingMode.HALF_UP);
        }
    }

    /** the price of one row of a decision table, known by its model and rule id */
    public record CellOverride(String model, String rule, BigDecimal price) { }

    public BigDecimal discountOf(ServiceGroup group) {
        return discounts.stream().filter(d -> d.group() == group).map(Discount::percent).findFirst().orElse(null);
    }
}
