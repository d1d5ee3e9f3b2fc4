package ru.ccbilling.ledger;

import java.time.YearMonth;

/** Whether an account's month still takes entries; answered by the financial periods. */
public interface OpenPeriods {
    boolean isOpen(String account, YearMonth month);
}
