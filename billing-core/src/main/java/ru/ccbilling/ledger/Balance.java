package ru.ccbilling.ledger;

import ru.ccbilling.money.Money;

/**
 * An account's balance, derived from its entries: charges net of VAT, their VAT, payments received, and what
 * the client owes (positive) or has paid in advance (negative). Partner accruals are not part of it.
 */
public record Balance(Money net, Money vat, Money paid, Money balance) { }
