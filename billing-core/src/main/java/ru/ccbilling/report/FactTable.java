package ru.ccbilling.report;

/**
 * The tables a report is computed from. The facts of calls and lines come in two grains with the same columns:
 * by day and by month ({@code day} is then the month's first day).
 */
enum FactTable {
    CALLS("report_call"), LINES("report_line"), LEDGER(null);

    /** report_call / report_line: _day and _month */
    final String facts;

    FactTable(String facts) {
        this.facts = facts;
    }

    String day() {
        return this == LEDGER ? "e.period" : "f.day";
    }

    String account() {
        return this == LEDGER ? "e.account_code" : "f.account_code";
    }
}
