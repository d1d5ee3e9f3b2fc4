package ru.ccbilling.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An amount in RUB, exact, two decimals, rounded half up. The one money type of the platform. */
public record Money(BigDecimal amount) implements Comparable<Money> {

    public static final String CURRENCY = "RUB";
    public static final Money ZERO = new Money(BigDecimal.ZERO);
    /**
     * The largest amount a client may enter (a charge, a payment, a price, an item of an invoice), in absolute value:
     * sums of 100,000 of them stay within numeric(18,2) and within what {@code AmountInWords} can write (under 10^15).
     */
    public static final BigDecimal LARGEST_ENTERED = new BigDecimal("9999999999.99");

    public Money {
        if (amount == null) {
            throw new IllegalArgumentException("amount is required");
        }
        amount = amount.setScale(2, RoundingMode.HALF_UP);
    }

    public static Money of(String amount) {
        return new Money(new BigDecimal(amount));
    }

    public static Money of(BigDecimal amount) {
        return new Money(amount);
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    /** this amount times a factor, rounded once */
    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor));
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    /** "12.30" */
    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
