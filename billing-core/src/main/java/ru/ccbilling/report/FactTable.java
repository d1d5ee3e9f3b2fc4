package ru.ccbilling.report;

/**
 * The tables a report is computed from. The facts of calls and lines come in two grains with the same columns:
 * by day and by month ({@code day} is then the month's first day); a third, by day without the account-level
 * dimensions ({@code _day_lean}: no account, hence no client; the source, a few switches, is kept), which a report
 * that needs neither reads instead of the daily and monthly facts (in the benchmark's year of 10,000,000 CDRs of 8
 * switches: 16,801 rows without the source, about eight times as many with it, against 5.4 million daily and
 * 337,920 monthly ones); and a fourth, of calls only, by account and day with nothing else but the status
 * ({@code report_call_account_day}), for the reports by day or week that name the account or client only (about 0.9
 * million rows in that year).
 */
enum FactTable {
    CALLS("report_call", "day, call_type, source, status, reason, tariff_code, tariff_version, caller_origin, destination_class,"
            + " time_band, trunk, calls, answered, duration_sec, billed_sec, amount",
            "day, account_code, status, calls, answered, duration_sec, billed_sec, amount"),
    LINES("report_line", "day, call_type, source, tariff_code, tariff_version, component, operator_id, site, calls, lines,"
            + " billed_sec, amount", null),
    LEDGER(null, null, null);

    /** report_call / report_line: _day, _month, _day_lean and _pending (and report_call_account_day) */
    final String facts;
    /** the columns of the lean daily facts, which the other grains but the one by account also have */
    final String leanColumns;
    /**
     * the columns of the facts by account and day, which the other grains but the lean one also have; calls only (a
     * report reads the line facts for a component, operator or site, which that grain would not have)
     */
    final String accountColumns;

    FactTable(String facts, String leanColumns, String accountColumns) {
        this.facts = facts;
        this.leanColumns = leanColumns;
        this.accountColumns = accountColumns;
    }

    String day() {
        return this == LEDGER ? "e.period" : "f.day";
    }

    String account() {
        return this == LEDGER ? "e.account_code" : "f.account_code";
    }
}
