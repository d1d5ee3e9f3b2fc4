package ru.ccbilling.security;

/** Tells the standard tariff, which only tariff managers and admins change, from client tariffs (sales' work). */
public interface StandardTariffs {

    /** true for the standard tariff; false for a client tariff or an unknown code */
    boolean isStandard(String tariffCode);
}
