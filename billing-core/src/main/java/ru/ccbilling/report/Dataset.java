package ru.ccbilling.report;

/**
 * What a report is about. CALLS reads the facts rating keeps of its CDRs (a call per row of {@code report_call_day},
 * a priced line per row of {@code report_line_day}); LEDGER reads the ledger's entries (partner accruals among them).
 */
public enum Dataset {
    CALLS, LEDGER
}
