package ru.ccbilling.account;

/** The number is held by another account over some of the same days. */
public class NumberTakenException extends RuntimeException {
    public NumberTakenException(String number, String holder) {
        super("number " + number + " is held by " + holder + " over some of these days");
    }
}
