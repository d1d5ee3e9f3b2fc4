package ru.ccbilling.usage;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ru.ccbilling.cdr.CdrStore;
import ru.ccbilling.cdr.CompactRecords;
import ru.ccbilling.money.Money;
import ru.ccbilling.period.MonthUsage;
import ru.ccbilling.period.Rerating;
import ru.ccbilling.period.UsageTotal;
import ru.ccbilling.rating.Cdr;
import ru.ccbilling.rating.CdrReader;
import ru.ccbilling.rating.RatingEngine;
import ru.ccbilling.rating.RatingResult;
import ru.ccbilling.rating.TariffChoice;
import ru.ccbilling.rules.PricedLine;
import ru.ccbilling.serviceevent.ServiceEvent;
import ru.ccbilling.serviceevent.ServiceEventPricing;
import ru.ccbilling.serviceevent.ServiceEvents;

/**
 * Re-rating for billing: the account's RATED CDRs and one-time services of the month, read back from their stored
 * records and priced again by the same engine under the chosen tariff version; with {@code store}, their stored
 * prices are replaced. Records the choice cannot price are listed and nothing is stored.
 */
@Component
class CdrRerating implements Rerating {

    private record Key(String service, String component, BigDecimal rate, String detail) { }

    private final JdbcTemplate jdbc;
    private final CompactRecords records;
    private final RatingEngine engine;
    private final CdrStore cdrs;
    private final ServiceEventPricing eventPricing;
    private final ServiceEvents events;

    CdrRerating(JdbcTemplate jdbc, CompactRecords records, RatingEngine engine, CdrStore cdrs,
                ServiceEventPricing eventPricing, ServiceEvents events) {
        this.jdbc = jdbc;
        this.records = records;
        this.engine = engine;
        this.cdrs = cdrs;
        this.eventPricing = eventPricing;
        this.events = events;
    }

    /** What re-rating one account's month gathers: totals, records that cannot be priced, new prices to store. */
    private static final class Gathered {
        final Map<Key, UsageTotal> totals = new LinkedHashMap<>();
        final List<String> unrated = new ArrayList<>();
        final List<CdrStore.Pending> cdrs = new ArrayList<>();
        final List<ServiceEventPricing.Priced> events = new ArrayList<>();
        long networkSeconds;
    }

    @Override
    public Rerated rerate(String account, YearMonth month, String tariff, Integer version, boolean store) {
        TariffChoice choice = new TariffChoice(tariff, version);
        OffsetDateTime from = RatedUsage.start(month);
        OffsetDateTime to = RatedUsage.start(month.plusMonths(1));
        Gathered g = new Gathered();
        rerateCalls(account, from, to, choice, g);
        repriceServices(account, from, to, choice, g);
        if (store && g.unrated.isEmpty()) {
            cdrs.restate(g.cdrs);
            events.restate(g.events);
        }
        MonthUsage usage = new MonthUsage(account, new ArrayList<>(g.totals.values()), RatedUsage.minutes(g.networkSeconds),
                g.cdrs.size(), g.events.size(), null);
        return new Rerated(usage, g.cdrs.size() + g.events.size(), g.unrated);
    }

    private void rerateCalls(String account, OffsetDateTime from, OffsetDateTime to, TariffChoice choice, Gathered g) {
        jdbc.query("select source, cdr_id, call_type, start_time, caller, called, trunk_code, forwarded_to, record from cdr"
                + " where account_code = ? and status = 'RATED' and start_time >= ? and start_time < ?"
                + " order by start_time, id", rs -> {
                    String id = rs.getString(1) + "/" + rs.getString(2);
                    Cdr cdr = read(records.decode(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getBytes(9)), id);
                    RatingResult result = engine.rate(cdr, choice);
                    if (!(result instanceof RatingResult.Rated rated) || !account.equals(result.account())) {
                        g.unrated.add(id + ": " + (result instanceof RatingResult.Rejected r
                                ? r.reason() + " " + r.detail().russian()
                                : ru.ccbilling.refusal.Text.of("usage.nowBelongs", result.account()).russian()));
                        return;
                    }
                    for (PricedLine line : rated.lines()) {
                        add(g.totals, cdr.callType().name(), line, Money.of(line.amount()));
                        if (UsageTotal.NETWORK.equals(line.component())) {
                            g.networkSeconds += line.billedSeconds();
                        }
                    }
                    g.cdrs.add(new CdrStore.Pending(cdr, rated, null, records));
                }, account, from, to);
    }

    private void repriceServices(String account, OffsetDateTime from, OffsetDateTime to, TariffChoice choice, Gathered g) {
        jdbc.query("select source, event_id, service, account_code, event_time, quantity from service_event"
                + " where account_code = ? and status = 'RATED' and event_time >= ? and event_time < ?"
                + " order by event_time, source, event_id", rs -> {
                    ServiceEvent event = new ServiceEvent(rs.getString(1), rs.getString(2),
                            ServiceEvent.Service.valueOf(rs.getString(3)), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class), rs.getInt(6));
                    ServiceEventPricing.Priced priced = eventPricing.price(event, choice);
                    if (priced.reason() != null) {
                        g.unrated.add(event.source() + "/" + event.eventId() + ": " + priced.reason());
                        return;
                    }
                    Key key = new Key(UsageTotal.ONE_TIME, event.service().name(), null, null);
                    g.totals.merge(key, new UsageTotal(key.service(), key.component(), event.quantity(),
                            UsageUnits.unit(key.component()), priced.amount()), UsageTotal::plus);
                    g.events.add(priced);
                }, account, from, to);
    }

    /** by call type, component and price, as {@link RatedUsage} groups the stored lines */
    private static void add(Map<Key, UsageTotal> totals, String service, PricedLine line, Money amount) {
        long charged = amount.amount().signum() != 0 ? 1 : 0;
        String component = line.component();
        BigDecimal rate = line.rate() == null ? null : line.rate().stripTrailingZeros();
        totals.merge(new Key(service, component, rate, line.note()), new UsageTotal(service, component,
                UsageUnits.quantity(component, line.billedSeconds(), charged), UsageUnits.unit(component), amount,
                line.rate(), line.note()), UsageTotal::plus);
    }

    private static Cdr read(com.fasterxml.jackson.databind.JsonNode record, String id) {
        CdrReader.Read read = CdrReader.read(record);
        if (!read.ok()) {
            throw new IllegalStateException("stored CDR " + id + " no longer reads: " + read.problems());
        }
        return read.cdr();
    }
}
