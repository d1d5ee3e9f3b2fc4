package ru.ccbilling.rules;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A price a decision table gave for one component of the call: per minute for time-billed components,
 * per call for fees. {@code key} tells prices of one component apart (the operator's site); {@code source}
 * names the table and the inputs that matched, for the line's note.
 */
public final class Rate {
    private static final Pattern PLAIN_FACTOR = Pattern.compile("\\d{1,6}(\\.\\d{1,6})?");

    private final String component;
    private final String key;
    private final BigDecimal value;
    private final String source;
    /** the value as a line shows it, computed once (a benign race: every thread computes the same value) */
    private BigDecimal shown;

    public Rate(String component, String key, BigDecimal value, String source) {
        this.component = component;
        this.key = key;
        this.value = value;
        this.source = source;
    }

    public String getComponent() { return component; }
    public String getKey() { return key; }
    public BigDecimal getValue() { return value; }
    public String getSource() { return source; }

    /** the value without trailing zeros, at least 2 decimals: 1.5000 shows as 1.50, 0.0150 as 0.015 */
    BigDecimal shownValue() {
        BigDecimal value = shown;
        if (value == null) {
            BigDecimal plain = this.value.stripTrailingZeros();
            value = plain.setScale(Math.max(2, plain.scale()));
            shown = value;
        }
        return value;
    }

    /** this rate multiplied by a factor, e.g. "0.5" for a half rate */
    public Rate times(String factor) {
        // the factor comes from a tariff model: a huge exponent or length would make every amount expensive
        if (factor == null || !PLAIN_FACTOR.matcher(factor).matches()) {
            throw new IllegalArgumentException("a rate factor is a plain decimal such as \"0.5\", not " + factor);
        }
        return new Rate(component, key, value.multiply(new BigDecimal(factor)), source + " x " + factor);
    }
}
