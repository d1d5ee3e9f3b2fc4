package ru.ccbilling.period;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.UUID;

/** A financial period (a calendar month): its state, how many accounts are closed of how many, a running close. */
public record FinancialPeriod(YearMonth month, PeriodState state, long closedAccounts, long accounts, UUID closingJob,
                              OffsetDateTime updatedAt) { }
