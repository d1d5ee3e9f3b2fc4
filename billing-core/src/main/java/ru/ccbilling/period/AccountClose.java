package ru.ccbilling.period;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.UUID;

/** The close of one account's month: who and when, what usage it covered, and the tariff version of its fees. */
public record AccountClose(long id, String account, YearMonth month, String closedBy, OffsetDateTime closedAt,
                           UUID job, long cdrs, long serviceEvents, String fingerprint, BigDecimal networkMinutes,
                           String tariff, Integer tariffVersion) { }
