package ru.ccbilling.period;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import ru.ccbilling.account.AccountDirectory;
import ru.ccbilling.account.Holdings;
import ru.ccbilling.job.JobHandler;
import ru.ccbilling.job.JobProgress;
import ru.ccbilling.job.Jobs;
import ru.ccbilling.ledger.Ledger;
import ru.ccbilling.ledger.NewEntry;
import ru.ccbilling.refusal.Refusal;

/**
 * Closes a month for every account or for a chosen set, as a PERIOD_CLOSE job. The request is checked and the
 * period row locked at once, so a second close of the same period is refused while one runs. The job works in
 * batches of accounts: one grouped usage query per batch, entries inserted in batches, each batch one
 * transaction holding whole account closes. An account's close is claimed by a unique row (one active close per
 * account and month): a close that is run again after a crash skips what is done and finishes the rest.
 */
@Service
public class PeriodClose implements JobHandler<PeriodClose.Params, PeriodClose.Closed> {

    /** what a close job is started with: the month, the accounts to close and who asked */
    public record Params(YearMonth month, List<String> accounts, String actor) { }

    /** what a close job answers: how many accounts this job closed and the period's state after it */
    public record Closed(YearMonth month, int closed, PeriodState state) { }

    public static final String JOB_KIND = "PERIOD_CLOSE";
    private static final Logger log = LoggerFactory.getLogger(PeriodClose.class);

    private final Periods periods;
    private final AccountDirectory accounts;
    private final UsageSource usage;
    private final TariffTerms tariffs;
    private final Ledger ledger;
    private final Jobs jobs;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CloseEntries.Partner partner;
    private final int batchSize;

    PeriodClose(Periods periods, AccountDirectory accounts, UsageSource usage, TariffTerms tariffs, Ledger ledger,
                Jobs jobs, JdbcTemplate jdbc, TransactionTemplate tx, Clock clock,
                @Value("${ccbilling.billing.partner.name:ПАО «ТелеСеть»}") String partnerName,
                @Value("${ccbilling.billing.partner.share:0.35}") BigDecimal partnerShare,
                @Value("${ccbilling.billing.close-batch:1000}") int batchSize) {
        this.periods = periods;
        this.accounts = accounts;
        this.usage = usage;
        this.tariffs = tariffs;
        this.ledger = ledger;
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.partner = new CloseEntries.Partner(partnerName, partnerShare);
        this.batchSize = batchSize;
    }

    CloseEntries.Partner partner() {
        return partner;
    }

    /**
     * Starts closing the month for these accounts (all not yet closed when null; an empty list is refused); answers the job.
     * Refused when the month has not ended, an account is unknown or already closed, or a close is running.
     */
    public UUID request(YearMonth month, List<String> chosen, String actor) {
        if (!month.isBefore(YearMonth.now(clock))) {
            throw Refusal.conflict("period.monthNotEnded", month).at("month");
        }
        if (chosen != null && chosen.isEmpty()) {
            // an empty list is a selection gone wrong on the client's side, not "every account"
            throw Refusal.invalid("accounts", "period.noAccountsChosen");
        }
        boolean all = chosen == null;
        if (!all) {
            for (int i = 0; i < chosen.size(); i++) {
                if (chosen.get(i) == null || !accounts.exists(chosen.get(i))) {
                    throw Refusal.notFound("account.unknown", chosen.get(i)).at("accounts[" + i + "]");
                }
            }
        }
        return tx.execute(status -> {
            Periods.Row row = periods.lock(month);
            UUID running = periods.running(row.closingJob());
            if (running != null) {
                throw Refusal.conflict("period.closing", month, running).at("month");
            }
            List<String> targets = targets(month, all ? null : chosen);
            String description = "Закрытие периода " + month + (all ? " по всем лицевым счетам" : ", лицевых счетов: " + targets.size());
            UUID job = jobs.start(this, new Params(month, targets, actor), description, actor);
            periods.closing(month, job);
            periods.audit(month, "CLOSE_REQUESTED", actor, null, targets.size(),
                    all ? "все лицевые счета" : String.join(", ", targets.size() > 20 ? targets.subList(0, 20) : targets)
                            + (targets.size() > 20 ? ", ..." : ""), job);
            return job;
        });
    }

    /** the accounts to close: those chosen (none of them closed yet) or every account not closed yet */
    private List<String> targets(YearMonth month, List<String> chosen) {
        Set<String> closed = new LinkedHashSet<>();
        periods.closes(month).forEach(c -> closed.add(c.account()));
        if (chosen == null) {
            List<String> targets = new ArrayList<>(accounts.codes());
            targets.removeAll(closed);
            if (targets.isEmpty()) {
                throw Refusal.conflict("period.closedForEveryAccount", month).at("month");
            }
            return targets;
        }
        List<String> targets = new ArrayList<>(new LinkedHashSet<>(chosen));
        List<String> already = targets.stream().filter(closed::contains).toList();
        if (!already.isEmpty()) {
            throw Refusal.conflict("period.alreadyClosedFor", month, String.join(", ", already)).at("accounts");
        }
        return targets;
    }

    @Override
    public String kind() {
        return JOB_KIND;
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public Class<Closed> resultType() {
        return Closed.class;
    }

    @Override
    public Closed run(Params params, JobProgress progress) {
        YearMonth month = params.month();
        List<String> targets = params.accounts();
        if (!Boolean.TRUE.equals(tx.execute(status -> holdsTheClose(month, progress.id())))) {
            log.warn("close job {} of {}: another close of the period runs; nothing done", progress.id(), month);
            return new Closed(month, 0, periods.find(month).state());
        }
        progress.total(targets.size());
        PeriodState state;
        try {
            for (int from = 0; from < targets.size(); from += batchSize) {
                List<String> batch = targets.subList(from, Math.min(targets.size(), from + batchSize));
                Integer n = tx.execute(status -> closeBatch(month, batch, params.actor(), progress.id()));
                progress.advance(n, "CLOSED");
                progress.advance(batch.size() - n, "SKIPPED");
            }
        } finally {
            state = tx.execute(status -> {
                periods.lock(month);
                periods.closing(month, null);
                PeriodState settled = periods.settle(month);
                periods.audit(month, "CLOSED", params.actor(), null, closedBy(progress.id(), month), "состояние: " + settled.inRussian(),
                        progress.id());
                return settled;
            });
        }
        return new Closed(month, closedBy(progress.id(), month), state);
    }

    /**
     * Whether this job holds the period's close, locking the period row (so it waits for the request's transaction):
     * its request recorded it, or it runs again after a crash that let the period go and no other close runs.
     */
    private boolean holdsTheClose(YearMonth month, UUID job) {
        UUID holder = periods.lock(month).closingJob();
        if (job.equals(holder)) {
            return true;
        }
        if (periods.running(holder) != null) {
            return false;
        }
        periods.closing(month, job);
        return true;
    }

    /** the accounts this job closed, in this run and in any run of it before a crash */
    private int closedBy(UUID job, YearMonth month) {
        Integer n = jdbc.queryForObject("select count(*) from account_close where job_id = ? and month = ? and reopened_at is null",
                Integer.class, job, Periods.day(month));
        return n == null ? 0 : n;
    }

    /** closes the accounts of a batch not closed yet; answers how many it closed */
    private int closeBatch(YearMonth month, List<String> batch, String actor, UUID job) {
        Map<String, Holdings> holdings = accounts.holdings(batch);
        Map<String, MonthUsage> used = usage.usage(month, holdings.keySet());
        Map<String, CloseEntries.Result> results = new HashMap<>();
        for (Holdings h : holdings.values()) {
            String code = h.account().code();
            results.put(code, CloseEntries.of(month, h, used.getOrDefault(code, MonthUsage.none(code)), tariffs,
                    partner, actor));
        }
        Map<String, Long> claimed = claim(month, results, used, actor, job);
        List<NewEntry> entries = new ArrayList<>();
        claimed.forEach((code, closeId) -> results.get(code).entries().forEach(e -> entries.add(e.withClose(closeId))));
        ledger.post(entries);
        return claimed.size();
    }

    /** inserts the close rows, skipping accounts closed meanwhile; answers the close id of each account claimed */
    private Map<String, Long> claim(YearMonth month, Map<String, CloseEntries.Result> results,
                                    Map<String, MonthUsage> used, String actor, UUID job) {
        int n = results.size();
        String[] codes = new String[n];
        Long[] cdrs = new Long[n];
        Long[] events = new Long[n];
        String[] fingerprints = new String[n];
        BigDecimal[] minutes = new BigDecimal[n];
        String[] tariffCodes = new String[n];
        Integer[] versions = new Integer[n];
        int i = 0;
        for (var r : results.entrySet()) {
            MonthUsage u = used.getOrDefault(r.getKey(), MonthUsage.none(r.getKey()));
            MonthlyTerms terms = r.getValue().terms();
            codes[i] = r.getKey();
            cdrs[i] = u.cdrs();
            events[i] = u.serviceEvents();
            fingerprints[i] = u.fingerprint();
            minutes[i] = u.networkMinutes();
            tariffCodes[i] = terms == null ? null : terms.tariff();
            versions[i] = terms == null ? null : terms.version();
            i++;
        }
        Map<String, Long> claimed = new HashMap<>();
        jdbc.execute((Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into account_close (account_code, month, closed_by, closed_at, job_id, cdrs, service_events,
                                               fingerprint, network_minutes, tariff_code, tariff_version)
                    select a, ?, ?, ?, ?, n, e, f, m, t, v
                      from unnest(?::text[], ?::bigint[], ?::bigint[], ?::text[], ?::numeric[], ?::text[], ?::int[])
                           as x(a, n, e, f, m, t, v)
                    on conflict (account_code, month) where reopened_at is null do nothing
                    returning account_code, id
                    """)) {
                ps.setDate(1, Periods.day(month));
                ps.setString(2, actor);
                ps.setObject(3, OffsetDateTime.now(clock));
                ps.setObject(4, job);
                ps.setArray(5, c.createArrayOf("text", codes));
                ps.setArray(6, c.createArrayOf("bigint", cdrs));
                ps.setArray(7, c.createArrayOf("bigint", events));
                ps.setArray(8, c.createArrayOf("text", fingerprints));
                ps.setArray(9, c.createArrayOf("numeric", minutes));
                ps.setArray(10, c.createArrayOf("text", tariffCodes));
                ps.setArray(11, c.createArrayOf("int4", versions));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        claimed.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return null;
        });
        return claimed;
    }
}
