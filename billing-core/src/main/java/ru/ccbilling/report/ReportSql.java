package ru.ccbilling.report;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The SQL of a report, built from the semantic layer's expressions only; every value the user chose is a bind
 * parameter. Text arrays travel as {@code String[]} and are bound by the runner.
 */
final class ReportSql {

    final String sql;
    final List<Object> args;

    private ReportSql(String sql, List<Object> args) {
        this.sql = sql;
        this.args = args;
    }

    /** one row per combination of the dimensions (all of them when {@code grouped}, none for the totals) */
    static ReportSql of(ReportQuery q, Collection<String> accounts, boolean grouped, Integer limit) {
        FactTable table = q.table();
        List<Object> args = new ArrayList<>();
        StringBuilder select = new StringBuilder("select ");
        List<Dimension> dims = grouped ? q.dimensions() : List.of();
        for (Dimension d : dims) {
            select.append('(').append(d.sql(table)).append(")::text, ");
        }
        for (int i = 0; i < q.measures().size(); i++) {
            select.append(i > 0 ? ", " : "").append(q.measures().get(i).sql(table));
        }
        select.append(" from ");
        // the lean daily facts when the report needs no account-level dimension and covers every account
        boolean lean = table != FactTable.LEDGER && accounts == null
                && q.dimensions().stream().noneMatch(Dimension::accountLevel)
                && q.filters().stream().noneMatch(f -> f.dimension().accountLevel());
        // the facts by account and day when the report needs nothing else (the account or client by day or week,
        // a salesperson's reports)
        boolean byAccount = !lean && table == FactTable.CALLS
                && q.dimensions().stream().allMatch(Dimension::onAccountDays)
                && q.filters().stream().allMatch(f -> f.dimension().onAccountDays());
        from(q, table, lean, byAccount, select, args);
        select.append(table == FactTable.LEDGER ? " e" : " f");
        if (!lean) {
            select.append(" left join account a on a.code = ").append(table.account());
        }
        if (table != FactTable.LEDGER && q.measures().stream().anyMatch(Measure::needsVatRate)) {
            // each rate with the day the next one starts: a range join of a few rows, not a lookup per fact
            select.append(" left join (select r.valid_from, lead(r.valid_from, 1, date '9999-12-31') over (order by r.valid_from)"
                    + " as until, r.rate from vat_rate r) v on f.day >= v.valid_from and f.day < v.until");
        }
        select.append(" where ").append(table.day()).append(" >= ? and ").append(table.day()).append(" <= ?");
        args.add(Date.valueOf(table == FactTable.LEDGER ? q.from().withDayOfMonth(1) : q.from()));
        args.add(Date.valueOf(q.to()));
        for (ReportQuery.Filter f : q.filters()) {
            if (f.dimension() == Dimension.CLIENT && !f.values().contains("")) {
                // the clients' accounts: the facts' account index serves it, where the joined client name cannot
                // (with '' among the values the join decides, as it also matches facts of accounts that do not exist)
                select.append(" and ").append(table.account())
                        .append(" in (select c.code from account c where c.client_name = any(?))");
            } else {
                select.append(" and (").append(f.dimension().sql(table)).append(")::text = any(?)");
            }
            args.add(f.values().toArray(String[]::new));
        }
        if (accounts != null) {
            select.append(" and ").append(table.account()).append(" = any(?)");
            args.add(accounts.toArray(String[]::new));
        }
        if (!dims.isEmpty()) {
            select.append(" group by ").append(positions(dims.size()));
            select.append(" order by ");
            if (q.sort() != null) {
                select.append(dims.size() + q.measures().indexOf(q.sort()) + 1).append(" desc nulls last, ");
            }
            select.append(positions(dims.size()));
        }
        if (limit != null) {
            select.append(" limit ?");
            args.add(limit);
        }
        return new ReportSql(select.toString(), args);
    }

    /**
     * The facts of the range: without the accounts ({@code lean}) the lean daily facts; otherwise the monthly facts for
     * the whole months in it and the daily facts for the days at its edges, unless the report is by day or week (then
     * the daily facts only); the daily facts are those by account and day when the report needs no other dimension
     * ({@code byAccount}, and then only their columns are read from the monthly facts too); and the pending facts of
     * the range.
     */
    private static void from(ReportQuery q, FactTable table, boolean lean, boolean byAccount, StringBuilder sql,
                             List<Object> args) {
        if (table == FactTable.LEDGER) {
            sql.append("ledger_entry");
            return;
        }
        boolean daily = q.dimensions().stream().anyMatch(ReportSql::byDay)
                || q.filters().stream().anyMatch(f -> byDay(f.dimension()));
        LocalDate firstMonth = q.from().getDayOfMonth() == 1 ? q.from() : q.from().withDayOfMonth(1).plusMonths(1);
        LocalDate afterMonths = q.to().getDayOfMonth() == q.to().lengthOfMonth() ? q.to().withDayOfMonth(1).plusMonths(1)
                : q.to().withDayOfMonth(1);
        // the pending facts (appended as CDRs are stored, not yet folded into the facts) count too, read in the same
        // statement as the facts, so a fold between two reports changes nothing.
        // Without the accounts: the lean daily facts over the whole range (a year of them is smaller than a year of
        // the monthly facts, which keep the accounts), with the lean columns of the pending facts
        if (lean) {
            sql.append("(select ").append(table.leanColumns).append(" from ").append(table.facts)
                    .append("_day_lean union all select ").append(table.leanColumns).append(" from ")
                    .append(table.facts).append("_pending)");
            return;
        }
        String columns = byAccount ? table.accountColumns : "*";
        String days = byAccount ? "report_call_account_day" : table.facts + "_day";
        if (daily || !firstMonth.isBefore(afterMonths)) {
            sql.append("(select ").append(columns).append(" from ").append(days).append(" union all select ")
                    .append(columns).append(" from ").append(table.facts).append("_pending)");
            return;
        }
        sql.append("(select ").append(columns).append(" from ").append(table.facts).append("_month where day >= ? and day < ?")
                .append(" union all select ").append(columns).append(" from ").append(days)
                .append(" where (day >= ? and day < ?) or (day >= ? and day <= ?)")
                .append(" union all select ").append(columns).append(" from ").append(table.facts).append("_pending)");
        args.addAll(List.of(Date.valueOf(firstMonth), Date.valueOf(afterMonths), Date.valueOf(q.from()),
                Date.valueOf(firstMonth), Date.valueOf(afterMonths), Date.valueOf(q.to())));
    }

    private static boolean byDay(Dimension d) {
        return d == Dimension.DAY || d == Dimension.WEEK;
    }

    /** how many rows the grouped report has, counted without reading them */
    static ReportSql count(ReportQuery q, Collection<String> accounts) {
        ReportSql rows = of(q, accounts, true, null);
        return new ReportSql("select count(*) from (" + rows.sql + ") r", rows.args);
    }

    private static String positions(int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            out.append(i > 1 ? ", " : "").append(i);
        }
        return out.toString();
    }
}
