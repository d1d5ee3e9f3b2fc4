package ru.ccbilling.security;

/** Tells the standard tariff, which only tariff managers and admins change, from client tariffs (sales' work). */
public interface StandardTariffs {

    /** a code no tariff can have (codes are upper case): stands for "some client tariff" when asking the matrix */
    String NOT_A_TARIFF = "client-tariff";

    /** true for the standard tariff; false for a client tariff or an unknown code */
    boolean isStandard(String tariffCode);

    /** the code of a standard tariff (the shipped one), to ask the matrix about standard tariffs in general */
    String standardCode();
}
