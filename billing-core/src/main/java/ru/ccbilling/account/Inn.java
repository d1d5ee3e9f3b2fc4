package ru.ccbilling.account;

/**
 * The taxpayer number (ИНН) check digits: 10 digits for a company (one check digit), 12 for an individual
 * entrepreneur (two). A mistyped digit is caught here, before it reaches a VAT invoice the tax office rejects.
 */
public final class Inn {

    private static final int[] TEN = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] ELEVEN = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] TWELVE = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};

    private Inn() { }

    /** true when the number has 10 or 12 digits and its check digits match */
    public static boolean valid(String inn) {
        if (inn == null || !inn.matches("[0-9]{10}|[0-9]{12}")) {
            return false;
        }
        if (inn.length() == 10) {
            return check(inn, TEN) == digit(inn, 9);
        }
        return check(inn, ELEVEN) == digit(inn, 10) && check(inn, TWELVE) == digit(inn, 11);
    }

    private static int check(String inn, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * digit(inn, i);
        }
        return sum % 11 % 10;
    }

    private static int digit(String inn, int index) {
        return inn.charAt(index) - '0';
    }
}
