package ru.ccbilling.account;

/**
 * The tax registration reason code (КПП) has no check digit; what can be checked is its structure: four digits of
 * the tax office (never 0000), two of the reason of registration (never 00), three of the sequence number.
 */
public final class Kpp {

    private Kpp() { }

    public static boolean valid(String kpp) {
        return kpp != null && kpp.matches("[0-9]{9}") && !kpp.startsWith("0000") && !kpp.startsWith("00", 4);
    }
}
