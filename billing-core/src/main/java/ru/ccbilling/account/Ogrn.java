package ru.ccbilling.account;

import java.math.BigInteger;

/**
 * The state registration number: ОГРН of a company (13 digits, the last is the rest of the first 12 divided by 11,
 * its last digit) or ОГРНИП of an individual entrepreneur (15 digits, the rest of the first 14 divided by 13).
 */
public final class Ogrn {

    private Ogrn() { }

    /** true when the number has 13 or 15 digits and its check digit matches */
    public static boolean valid(String ogrn) {
        if (ogrn == null || !ogrn.matches("[0-9]{13}|[0-9]{15}")) {
            return false;
        }
        int body = ogrn.length() - 1;
        int divisor = ogrn.length() == 13 ? 11 : 13;
        int check = new BigInteger(ogrn.substring(0, body)).mod(BigInteger.valueOf(divisor)).intValue() % 10;
        return check == ogrn.charAt(body) - '0';
    }

    /** a company (10-digit INN) has a 13-digit ОГРН, an entrepreneur (12-digit INN) a 15-digit ОГРНИП */
    public static boolean matchesInn(String ogrn, String inn) {
        return inn == null || ogrn == null || (inn.length() == 10) == (ogrn.length() == 13);
    }
}
