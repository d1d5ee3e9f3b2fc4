package ru.ccbilling.period;

import java.time.YearMonth;
import java.util.Collection;
import java.util.Map;

/**
 * The rated usage of accounts in a month, as rating stored it; implemented by rating, which owns CDRs and
 * one-time service events. Period close asks for a batch of accounts at once, so the answer must come from
 * grouped queries, not a query per record.
 */
public interface UsageSource {

    /** usage by account; an account without any usage in the month may be absent */
    Map<String, MonthUsage> usage(YearMonth month, Collection<String> accounts);
}
