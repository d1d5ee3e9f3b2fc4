package ru.ccbilling.account;

/** Published after an account, its tariff or its dedicated operators changed. */
public record AccountsChanged(String accountCode) { }
