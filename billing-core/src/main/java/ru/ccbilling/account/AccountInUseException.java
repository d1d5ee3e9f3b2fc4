package ru.ccbilling.account;

/** The account has history (entries, closes, numbers...) and cannot be deleted. */
public class AccountInUseException extends RuntimeException {
    public AccountInUseException(String code) {
        super("account " + code + " has history (tariffs, numbers, operators, ledger entries or closes) and cannot be deleted");
    }
}
