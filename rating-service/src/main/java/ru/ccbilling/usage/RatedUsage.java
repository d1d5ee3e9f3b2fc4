package ru.ccbilling.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ru.ccbilling.cdr.CdrWords;
import ru.ccbilling.cdr.CompactLines;
import ru.ccbilling.cdr.StoredCdr;
import ru.ccbilling.money.Money;
import ru.ccbilling.period.MonthUsage;
import ru.ccbilling.period.UsageSource;
import ru.ccbilling.period.UsageTotal;
import ru.ccbilling.rating.TimeBands;

/**
 * The rated usage billing asks for: CDR lines by call type and component (streamed and summed here from their
 * compact form), and one-time service events by service (summed in PostgreSQL), for a batch of accounts in a Moscow
 * calendar month. Three queries per batch, whatever the number of records.
 */
@Component
class RatedUsage implements UsageSource {

    private final JdbcTemplate jdbc;
    private final CdrWords words;

    RatedUsage(JdbcTemplate jdbc, CdrWords words) {
        this.jdbc = jdbc;
        this.words = words;
    }

    /** What one batch of accounts used, gathered query by query. */
    private static final class Gathered {
        final Map<String, List<UsageTotal>> totals = new HashMap<>();
        final Map<String, Long> networkSeconds = new HashMap<>();
        final Map<String, long[]> counts = new HashMap<>();
        final Map<String, String> fingerprints = new HashMap<>();
    }

    @Override
    public Map<String, MonthUsage> usage(YearMonth month, Collection<String> accounts) {
        if (accounts.isEmpty()) {
            return Map.of();
        }
        OffsetDateTime from = start(month);
        OffsetDateTime to = start(month.plusMonths(1));
        Object[] codes = accounts.toArray();
        Gathered g = new Gathered();
        callLines(codes, from, to, g);
        cdrCoverage(codes, from, to, g);
        serviceEvents(codes, from, to, g);
        Map<String, MonthUsage> result = new HashMap<>();
        g.counts.forEach((account, n) -> result.put(account, new MonthUsage(account,
                g.totals.getOrDefault(account, List.of()), minutes(g.networkSeconds.getOrDefault(account, 0L)), n[0],
                n[1], g.fingerprints.get(account))));
        return result;
    }

    /**
     * CDR lines summed by account, call type, component and price: the rate and the note (rule and table row), so
     * that documents print one line per price and say which calls it covers. The lines are stored compactly
     * ({@link CompactLines}): the rows are streamed and their lines summed here, exactly (BigDecimal), grouped as SQL
     * would group them (rates equal as numbers) and in the same order (account, call type, component, rate
     * descending with no rate first, note with no note last).
     */
    private void callLines(Object[] codes, OffsetDateTime from, OffsetDateTime to, Gathered g) {
        Map<LineKey, LineSum> sums = new HashMap<>();
        query("""
                select c.account_code, c.call_type, c.lines from cdr c
                 where c.status = 'RATED' and c.account_code = any(?) and c.start_time >= ? and c.start_time < ?
                """, codes, from, to, rs -> {
                    String account = rs.getString(1);
                    String callType = rs.getString(2);
                    for (StoredCdr.StoredLine l : CompactLines.decode(rs.getBytes(3), words::word)) {
                        BigDecimal rate = l.rate() == null ? null : new BigDecimal(l.rate());
                        LineKey key = new LineKey(account, callType, l.component(),
                                rate == null ? null : rate.stripTrailingZeros(), l.note());
                        LineSum sum = sums.computeIfAbsent(key, k -> new LineSum(rate));
                        if (l.amount() != null) {
                            BigDecimal amount = new BigDecimal(l.amount());
                            sum.amount = sum.amount == null ? amount : sum.amount.add(amount);
                            if (amount.signum() != 0) {
                                sum.charged++;
                            }
                        }
                        sum.seconds += l.billedSeconds();
                    }
                });
        List<Map.Entry<LineKey, LineSum>> ordered = new ArrayList<>(sums.entrySet());
        ordered.sort(Map.Entry.comparingByKey(LINE_ORDER));
        for (Map.Entry<LineKey, LineSum> e : ordered) {
            LineKey k = e.getKey();
            LineSum sum = e.getValue();
            g.totals.computeIfAbsent(k.account(), x -> new ArrayList<>()).add(new UsageTotal(k.callType(),
                    k.component(), UsageUnits.quantity(k.component(), sum.seconds, sum.charged),
                    UsageUnits.unit(k.component()), Money.of(sum.amount), sum.rate, k.note()));
            if (UsageTotal.NETWORK.equals(k.component())) {
                g.networkSeconds.merge(k.account(), sum.seconds, Long::sum);
            }
        }
    }

    private record LineKey(String account, String callType, String component, BigDecimal rate, String note) { }

    private static final class LineSum {
        final BigDecimal rate;
        BigDecimal amount;
        long seconds;
        long charged;

        LineSum(BigDecimal rate) {
            this.rate = rate;
        }
    }

    private static final Comparator<LineKey> LINE_ORDER = Comparator.comparing(LineKey::account)
            .thenComparing(LineKey::callType).thenComparing(LineKey::component)
            .thenComparing(LineKey::rate, Comparator.nullsFirst(Comparator.<BigDecimal>reverseOrder()))
            .thenComparing(LineKey::note, Comparator.nullsLast(Comparator.<String>naturalOrder()));

    /** how many rated CDRs each account has in the month, and a fingerprint of which */
    private void cdrCoverage(Object[] codes, OffsetDateTime from, OffsetDateTime to, Gathered g) {
        query("""
                select account_code, count(*), md5(string_agg(id::text, ',' order by id)) from cdr
                 where status = 'RATED' and account_code = any(?) and start_time >= ? and start_time < ?
                 group by 1
                """, codes, from, to, rs -> {
                    g.counts.computeIfAbsent(rs.getString(1), k -> new long[2])[0] = rs.getLong(2);
                    g.fingerprints.put(rs.getString(1), "cdr:" + rs.getString(3));
                });
    }

    /** one-time services summed by account and service */
    private void serviceEvents(Object[] codes, OffsetDateTime from, OffsetDateTime to, Gathered g) {
        query("""
                select account_code, service, sum(amount), sum(quantity), count(*),
                       md5(string_agg(source || ':' || event_id, ',' order by source, event_id))
                  from service_event
                 where status = 'RATED' and account_code = any(?) and event_time >= ? and event_time < ?
                 group by 1, 2 order by 1, 2
                """, codes, from, to, rs -> {
                    String service = rs.getString(2);
                    g.totals.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new UsageTotal(UsageTotal.ONE_TIME,
                            service, rs.getLong(4), UsageUnits.unit(service), Money.of(rs.getBigDecimal(3))));
                    g.counts.computeIfAbsent(rs.getString(1), k -> new long[2])[1] += rs.getLong(5);
                    g.fingerprints.merge(rs.getString(1), service + ":" + rs.getString(6), (a, b) -> a + "|" + b);
                });
    }

    static OffsetDateTime start(YearMonth month) {
        return month.atDay(1).atStartOfDay(TimeBands.MOSCOW).toOffsetDateTime();
    }

    static BigDecimal minutes(long seconds) {
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    private void query(String sql, Object[] codes, OffsetDateTime from, OffsetDateTime to,
                       org.springframework.jdbc.core.RowCallbackHandler handler) {
        jdbc.query(c -> {
            var ps = c.prepareStatement(sql);
            ps.setFetchSize(10_000);
            ps.setArray(1, c.createArrayOf("text", codes));
            ps.setObject(2, from);
            ps.setObject(3, to);
            return ps;
        }, handler);
    }
}
