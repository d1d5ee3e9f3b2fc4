package ru.ccbilling.report;

/** The tables a report is computed from, with what each joins to reach a client's name. */
enum FactTable {
    CALLS("report_call_day f left join account a on a.code = f.account_code", "f.day", "f.account_code"),
    LINES("report_line_day f left join account a on a.code = f.account_code", "f.day", "f.account_code"),
    LEDGER("ledger_entry e left join account a on a.code = e.account_code", "e.period", "e.account_code");

    final String from;
    final String day;
    final String account;

    FactTable(String from, String day, String account) {
        this.from = from;
        this.day = day;
        this.account = account;
    }
}
