package ru.ccbilling.period;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import ru.ccbilling.job.Job;
import ru.ccbilling.job.Jobs;
import ru.ccbilling.ledger.OpenPeriods;

/**
 * Financial periods in PostgreSQL ({@code financial_period}, {@code account_close}, {@code period_audit}): their
 * state, which accounts are closed, and what was done to them. A period's row is created on first use.
 */
@Service
public class Periods implements OpenPeriods {

    private final JdbcTemplate jdbc;
    private final Jobs jobs;
    private final Clock clock;

    Periods(JdbcTemplate jdbc, Jobs jobs, Clock clock) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    public boolean isOpen(String account, YearMonth month) {
        return activeClose(account, month).isEmpty();
    }

    public Optional<AccountClose> activeClose(String account, YearMonth month) {
        return jdbc.query(CLOSE + " where account_code = ? and month = ? and reopened_at is null", this::close,
                account, day(month)).stream().findFirst();
    }

    /** the active closes of a month, by account */
    public List<AccountClose> closes(YearMonth month) {
        return jdbc.query(CLOSE + " where month = ? and reopened_at is null order by account_code", this::close, day(month));
    }

    /** the last twelve months up to the current one, and any other month that was ever acted on, newest first */
    public List<FinancialPeriod> recent() {
        YearMonth current = YearMonth.now(clock);
        Map<YearMonth, FinancialPeriod> byMonth = new TreeMap<>(java.util.Comparator.reverseOrder());
        long accounts = accountCount();
        for (int i = 0; i < 12; i++) {
            YearMonth m = current.minusMonths(i);
            byMonth.put(m, new FinancialPeriod(m, PeriodState.OPEN, 0, accounts, null, null));
        }
        Map<YearMonth, Long> closed = new TreeMap<>();
        jdbc.query("select month, count(*) from account_close where reopened_at is null group by month",
                rs -> { closed.put(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getLong(2)); });
        jdbc.query("select month, state, closing_job, updated_at from financial_period", rs -> {
            YearMonth m = YearMonth.from(rs.getObject(1, LocalDate.class));
            byMonth.put(m, new FinancialPeriod(m, PeriodState.valueOf(rs.getString(2)), closed.getOrDefault(m, 0L),
                    accounts, running(rs.getObject(3, UUID.class)), rs.getObject(4, OffsetDateTime.class)));
        });
        return new ArrayList<>(byMonth.values());
    }

    public FinancialPeriod find(YearMonth month) {
        long accounts = accountCount();
        Long closed = jdbc.queryForObject("select count(*) from account_close where month = ? and reopened_at is null",
                Long.class, day(month));
        return jdbc.query("select state, closing_job, updated_at from financial_period where month = ?",
                (rs, i) -> new FinancialPeriod(month, PeriodState.valueOf(rs.getString(1)), closed,
                        accounts, running(rs.getObject(2, UUID.class)), rs.getObject(3, OffsetDateTime.class)),
                day(month)).stream().findFirst()
                .orElse(new FinancialPeriod(month, PeriodState.OPEN, 0, accounts, null, null));
    }

    public List<PeriodAuditEntry> audit(YearMonth month) {
        return jdbc.query("select id, month, action, actor, reason, accounts, detail, job_id, at from period_audit"
                        + " where month = ? order by id",
                (rs, i) -> new PeriodAuditEntry(rs.getLong(1), YearMonth.from(rs.getObject(2, LocalDate.class)),
                        rs.getString(3), rs.getString(4), rs.getString(5), (Integer) rs.getObject(6), rs.getString(7),
                        rs.getObject(8, UUID.class), rs.getObject(9, OffsetDateTime.class)), day(month));
    }

    void audit(YearMonth month, String action, String actor, String reason, Integer accounts, String detail, UUID job) {
        jdbc.update("insert into period_audit (month, action, actor, reason, accounts, detail, job_id, at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                day(month), action, actor, reason, accounts, detail, job, OffsetDateTime.now(clock));
    }

    /** creates the period's row when missing and locks it until the end of the caller's transaction */
    Row lock(YearMonth month) {
        jdbc.update("insert into financial_period (month, updated_at) values (?, ?) on conflict do nothing", day(month),
                OffsetDateTime.now(clock));
        return jdbc.queryForObject("select state, closing_job from financial_period where month = ? for update",
                (rs, i) -> new Row(PeriodState.valueOf(rs.getString(1)), rs.getObject(2, UUID.class)), day(month));
    }

    record Row(PeriodState state, UUID closingJob) { }

    /** the id of a close job of this period that is still running, if any */
    UUID running(UUID closingJob) {
        if (closingJob == null) {
            return null;
        }
        return jobs.find(closingJob).filter(j -> j.state() == Job.State.RUNNING).map(Job::id).orElse(null);
    }

    void closing(YearMonth month, UUID job) {
        jdbc.update("update financial_period set closing_job = ?, updated_at = ? where month = ?", job,
                OffsetDateTime.now(clock), day(month));
    }

    /** sets the state from the closes: CLOSED when every account is closed, PARTIALLY_CLOSED when some */
    PeriodState settle(YearMonth month) {
        Long closed = jdbc.queryForObject("select count(*) from account_close where month = ? and reopened_at is null",
                Long.class, day(month));
        long all = accountCount();
        PeriodState state = closed == null || closed == 0 ? PeriodState.OPEN
                : closed >= all ? PeriodState.CLOSED : PeriodState.PARTIALLY_CLOSED;
        jdbc.update("update financial_period set state = ?, updated_at = ? where month = ?", state.name(),
                OffsetDateTime.now(clock), day(month));
        return state;
    }

    private long accountCount() {
        Long n = jdbc.queryForObject("select count(*) from account", Long.class);
        return n == null ? 0 : n;
    }

    private static final String CLOSE = """
            select id, account_code, month, closed_by, closed_at, job_id, cdrs, service_events, fingerprint,
                   network_minutes, tariff_code, tariff_version from account_close""";

    private AccountClose close(ResultSet rs, int i) throws SQLException {
        return new AccountClose(rs.getLong(1), rs.getString(2), YearMonth.from(rs.getObject(3, LocalDate.class)),
                rs.getString(4), rs.getObject(5, OffsetDateTime.class), rs.getObject(6, UUID.class), rs.getLong(7),
                rs.getLong(8), rs.getString(9), rs.getBigDecimal(10), rs.getString(11), (Integer) rs.getObject(12));
    }

    static Date day(YearMonth month) {
        return Date.valueOf(month.atDay(1));
    }
}
