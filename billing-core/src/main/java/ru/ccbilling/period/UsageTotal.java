package ru.ccbilling.period;

import java.math.BigDecimal;

import ru.ccbilling.money.Money;

/**
 * Rated usage of one service and component in a month: calls by call type (INBOUND_800, OUTBOUND, FORWARD) and
 * priced component (NETWORK, OPERATOR...), or one-time services (service ONE_TIME, component SMS, EMAIL, FAX).
 * The quantity is in {@code unit}: SEC (billed seconds), CALL (charged calls), MESSAGE or PAGE.
 * Rating may split a component by price: {@code rate} is the tariff's price per minute (per call for fees) and
 * {@code detail} the rating note that tells the price apart (the rule and the table row, e.g.
 * "every started minute (NetworkMinute[MOBILE, PEAK])"); both null when the total spans prices.
 */
public record UsageTotal(String service, String component, long quantity, String unit, Money amount,
                         BigDecimal rate, String detail) {

    public static final String ONE_TIME = "ONE_TIME";
    public static final String NETWORK = "NETWORK";

    /** a total over every price of the component */
    public UsageTotal(String service, String component, long quantity, String unit, Money amount) {
        this(service, component, quantity, unit, amount, null, null);
    }

    public UsageTotal plus(UsageTotal other) {
        boolean samePrice = java.util.Objects.equals(rate, other.rate) && java.util.Objects.equals(detail, other.detail);
        return new UsageTotal(service, component, quantity + other.quantity, unit, amount.plus(other.amount),
                samePrice ? rate : null, samePrice ? detail : null);
    }
}
