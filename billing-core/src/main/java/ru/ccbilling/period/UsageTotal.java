package ru.ccbilling.period;

import ru.ccbilling.money.Money;

/**
 * Rated usage of one service and component in a month: calls by call type (INBOUND_800, OUTBOUND, FORWARD) and
 * priced component (NETWORK, OPERATOR...), or one-time services (service ONE_TIME, component SMS, EMAIL, FAX).
 * The quantity is in {@code unit}: SEC (billed seconds), CALL (charged calls), MESSAGE or PAGE.
 */
public record UsageTotal(String service, String component, long quantity, String unit, Money amount) {

    public static final String ONE_TIME = "ONE_TIME";
    public static final String NETWORK = "NETWORK";

    public UsageTotal plus(UsageTotal other) {
        return new UsageTotal(service, component, quantity + other.quantity, unit, amount.plus(other.amount));
    }
}
