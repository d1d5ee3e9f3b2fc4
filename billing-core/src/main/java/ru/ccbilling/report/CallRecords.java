package ru.ccbilling.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

/**
 * The calls behind a report's cell, read from the stored CDRs; implemented by rating, which owns them. The only place
 * a report reads raw records, one page at a time. {@code accounts} null for every account.
 */
public interface CallRecords {

    record Call(String source, String cdrId, OffsetDateTime startTime, String callType, String caller, String called,
                int durationSec, String account, String status, String reason, String tariff, Integer tariffVersion,
                BigDecimal total) { }

    record Page(List<Call> items, long total) { }

    /** the calls of the days from..to (Moscow, both included) whose dimensions have the filters' values, newest first */
    Page calls(LocalDate from, LocalDate to, List<ReportQuery.Filter> filters, Collection<String> accounts, int page,
               int size);
}
