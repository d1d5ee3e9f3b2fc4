package ru.ccbilling.account;

/** No account has this code. */
public class UnknownAccountException extends RuntimeException {
    public UnknownAccountException(String code) {
        super("no account " + code);
    }
}
