package ru.ccbilling.web;

import java.math.BigDecimal;

/** Decimals as the contract writes them. */
public final class Decimals {

    private Decimals() { }

    /** "120" rather than "120.000", "0.95" rather than "0.9500"; null stays null */
    public static String plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
