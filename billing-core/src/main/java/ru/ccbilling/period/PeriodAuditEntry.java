package ru.ccbilling.period;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.UUID;

/** One audited action on a period: CLOSE_REQUESTED, CLOSED, REOPENED, RERATED, CORRECTED. */
public record PeriodAuditEntry(long id, YearMonth month, String action, String actor, String reason, Integer accounts,
                               String detail, UUID job, OffsetDateTime at) { }
