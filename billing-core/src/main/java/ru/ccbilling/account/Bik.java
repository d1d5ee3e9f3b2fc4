package ru.ccbilling.account;

/**
 * A Russian bank's identification code (БИК, 9 digits, country code 04 first) and the control key of an account
 * held at that bank (Bank of Russia rules No. 579-П): weights 7, 1, 3 over the BIK's last three digits and the 20
 * digits of the account; the sum ends in 0. The key catches a mistyped account or an account of another bank.
 */
public final class Bik {

    private static final int[] WEIGHTS = {7, 1, 3};

    private Bik() { }

    public static boolean valid(String bik) {
        return bik != null && bik.matches("04[0-9]{7}");
    }

    /** true when the 20-digit settlement account's control key matches the bank's BIK */
    public static boolean accountMatches(String bik, String account) {
        if (!valid(bik) || account == null || !account.matches("[0-9]{20}")) {
            return false;
        }
        String digits = bik.substring(6) + account;
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i % 3];
        }
        return sum % 10 == 0;
    }
}
