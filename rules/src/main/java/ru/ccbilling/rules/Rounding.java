package ru.ccbilling.rules;

/**
 * Rounding schemes a tariff's rules may call (the only helpers besides the Line builders): pure functions of
 * whole seconds. Rules cannot declare functions of their own, since a DRL function is Java code.
 */
public final class Rounding {

    private Rounding() { }

    /** every started minute, in seconds: 61 s bill as 120 s */
    public static int startedMinutes(int seconds) {
        return everyStarted(seconds, 60);
    }

    /** 30/6: the first 30 seconds at once, then every started 6 seconds; a call of 0 s costs nothing */
    public static int thirtySix(int seconds) {
        return firstThenEvery(seconds, 30, 6);
    }

    /** every started step of the given seconds, in seconds */
    public static int everyStarted(int seconds, int step) {
        requirePositive(step);
        return ((seconds + step - 1) / step) * step;
    }

    /** the first seconds at once, then every started step; 0 s stays 0 s */
    public static int firstThenEvery(int seconds, int first, int step) {
        requirePositive(step);
        if (seconds == 0) {
            return 0;
        }
        if (seconds <= first) {
            return first;
        }
        return first + everyStarted(seconds - first, step);
    }

    private static void requirePositive(int step) {
        if (step <= 0) {
            throw new IllegalArgumentException("a rounding step is a positive number of seconds, not " + step);
        }
    }
}
