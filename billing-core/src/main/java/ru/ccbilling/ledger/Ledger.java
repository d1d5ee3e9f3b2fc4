package ru.ccbilling.ledger;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import ru.ccbilling.money.Money;

/**
 * The accounts' ledger in PostgreSQL ({@code ledger_entry}). Entries are only ever inserted: a mistake is
 * cancelled by a reversing entry, and every total (balance, a month's usage) is a sum over entries.
 */
@Service
public class Ledger {

    /** What a month holds for one item: the kind it is (a correction counts as what it corrects), service, component. */
    public record Item(EntryKind kind, String service, String component) { }

    /** The sum of an item's amounts and quantities. */
    public record Booked(Money amount, BigDecimal quantity, String unit) { }

    public record Page(List<LedgerEntry> items, long total) { }

    private static final String COLUMNS = """
            account_code, kind, period, entry_date, refers_to, corrects, service, component, reference, quantity, unit,
            rate, amount, vat_rate, vat, old_amount, new_amount, counterparty, reason, close_id, created_by, created_at,
            channels""";

    private final JdbcTemplate jdbc;
    private final VatPercent vatRates;
    private final Clock clock;

    Ledger(JdbcTemplate jdbc, VatPercent vatRates, Clock clock) {
        this.jdbc = jdbc;
        this.vatRates = vatRates;
        this.clock = clock;
    }

    /** Posts entries in batches (in the caller's transaction). */
    public void post(List<NewEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        NavigableMap<LocalDate, BigDecimal> rates = vatRates.table();
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.batchUpdate("insert into ledger_entry (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entries, 1000, (ps, e) -> bind(ps, e, rates, now));
    }

    /** Posts one entry and answers it as stored. */
    public LedgerEntry post(NewEntry entry) {
        NavigableMap<LocalDate, BigDecimal> rates = vatRates.table();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Long id = jdbc.query(c -> {
            PreparedStatement ps = c.prepareStatement("insert into ledger_entry (" + COLUMNS
                    + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id");
            bind(ps, entry, rates, now);
            return ps;
        }, rs -> rs.next() ? rs.getLong(1) : null);
        return find(id).orElseThrow();
    }

    private static void bind(PreparedStatement ps, NewEntry e, NavigableMap<LocalDate, BigDecimal> rates,
                             OffsetDateTime createdAt) throws SQLException {
        boolean taxed = e.kind() != EntryKind.PAYMENT && e.kind() != EntryKind.PARTNER_ACCRUAL;
        BigDecimal vatRate = taxed ? VatPercent.rateOn(rates, e.entryDate()) : null;
        ps.setString(1, e.account());
        ps.setString(2, e.kind().name());
        ps.setDate(3, month(e.period()));
        ps.setDate(4, Date.valueOf(e.entryDate()));
        ps.setDate(5, month(e.refersTo()));
        ps.setString(6, e.corrects() == null ? null : e.corrects().name());
        ps.setString(7, e.service());
        ps.setString(8, e.component());
        ps.setString(9, e.reference());
        ps.setBigDecimal(10, e.quantity());
        ps.setString(11, e.unit());
        ps.setBigDecimal(12, e.rate());
        ps.setBigDecimal(13, e.amount().amount());
        ps.setBigDecimal(14, vatRate);
        ps.setBigDecimal(15, taxed ? VatPercent.vat(e.amount(), vatRate).amount() : BigDecimal.ZERO);
        ps.setBigDecimal(16, e.oldAmount() == null ? null : e.oldAmount().amount());
        ps.setBigDecimal(17, e.newAmount() == null ? null : e.newAmount().amount());
        ps.setString(18, e.counterparty());
        ps.setString(19, e.reason());
        if (e.closeId() == null) {
            ps.setNull(20, Types.BIGINT);
        } else {
            ps.setLong(20, e.closeId());
        }
        ps.setString(21, e.createdBy());
        ps.setObject(22, createdAt);
        if (e.channels() == null) {
            ps.setNull(23, Types.INTEGER);
        } else {
            ps.setInt(23, e.channels());
        }
    }

    public java.util.Optional<LedgerEntry> find(long id) {
        return jdbc.query(SELECT + " where e.id = ?", this::row, id).stream().findFirst();
    }

    /** an account's entries, newest first, optionally of one period and/or kind */
    public Page entries(String account, YearMonth period, EntryKind kind, int page, int size) {
        StringBuilder where = new StringBuilder(" where e.account_code = ?");
        List<Object> args = new ArrayList<>(List.of(account));
        if (period != null) {
            where.append(" and e.period = ?");
            args.add(month(period));
        }
        if (kind != null) {
            where.append(" and e.kind = ?");
            args.add(kind.name());
        }
        Long total = jdbc.queryForObject("select count(*) from ledger_entry e" + where, Long.class, args.toArray());
        args.add(size);
        args.add((long) page * size);
        List<LedgerEntry> items = jdbc.query(SELECT + where + " order by e.id desc limit ? offset ?", this::row,
                args.toArray());
        return new Page(items, total == null ? 0 : total);
    }

    /** the sums of the entries booked in a period, by kind */
    public Map<EntryKind, Money> totals(YearMonth period) {
        Map<EntryKind, Money> totals = new java.util.EnumMap<>(EntryKind.class);
        jdbc.query("select kind, sum(amount) from ledger_entry where period = ? group by kind", rs -> {
            totals.put(EntryKind.valueOf(rs.getString(1)), Money.of(rs.getBigDecimal(2)));
        }, month(period));
        return totals;
    }

    /** the balance derived from every client entry of the account */
    public Balance balance(String account) {
        return jdbc.queryForObject("""
                select coalesce(sum(amount) filter (where kind <> 'PAYMENT'), 0),
                       coalesce(sum(vat) filter (where kind <> 'PAYMENT'), 0),
                       coalesce(-sum(amount) filter (where kind = 'PAYMENT'), 0)
                  from ledger_entry where account_code = ? and kind <> 'PARTNER_ACCRUAL'
                """, (rs, i) -> {
                    Money net = Money.of(rs.getBigDecimal(1));
                    Money vat = Money.of(rs.getBigDecimal(2));
                    Money paid = Money.of(rs.getBigDecimal(3));
                    return new Balance(net, vat, paid, net.plus(vat).minus(paid));
                }, account);
    }

    /**
     * What a month of an account holds now, item by item: the entries its close made (usage, volume discount, top-up
     * to the minimum payment, partner accrual) plus every correction of that month booked since, reversals included.
     */
    public Map<Item, Booked> booked(String account, YearMonth month) {
        Map<Item, Booked> booked = new HashMap<>();
        jdbc.query("""
                select coalesce(corrects, kind), service, component, sum(amount), sum(quantity), max(unit) from ledger_entry
                 where account_code = ? and kind in ('USAGE', 'VOLUME_DISCOUNT', 'MINIMUM_TOPUP', 'CORRECTION', 'PARTNER_ACCRUAL')
                   and ((period = ? and refers_to is null) or refers_to = ?)
                 group by 1, 2, 3
                """, rs -> {
                    booked.put(new Item(EntryKind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)),
                            new Booked(Money.of(rs.getBigDecimal(4)), rs.getBigDecimal(5), rs.getString(6)));
                }, account, month(month), month(month));
        return booked;
    }

    /** a usage item at one price: the rating note of the price is the entry's reference */
    public record PricedItem(String service, String component, String reference) { }

    /**
     * What a month of an account holds now in usage, price by price (the close's USAGE entries and the corrections of
     * them, by reference): re-rating corrects each price line, so that documents can correct the line they printed.
     */
    public Map<PricedItem, Booked> bookedUsageByPrice(String account, YearMonth month) {
        Map<PricedItem, Booked> booked = new java.util.LinkedHashMap<>();
        jdbc.query("""
                select service, component, reference, sum(amount), sum(quantity), max(unit) from ledger_entry
                 where account_code = ? and coalesce(corrects, kind) = 'USAGE' and kind in ('USAGE', 'CORRECTION')
                   and ((period = ? and refers_to is null) or refers_to = ?)
                 group by 1, 2, 3 order by 1, 2, 3
                """, rs -> {
                    booked.put(new PricedItem(rs.getString(1), rs.getString(2), rs.getString(3)),
                            new Booked(Money.of(rs.getBigDecimal(4)), rs.getBigDecimal(5), rs.getString(6)));
                }, account, month(month), month(month));
        return booked;
    }

    /** Reverses every entry of these closes not reversed yet, in the closes' own period; answers how many. */
    public int reverseCloses(Collection<Long> closeIds, String reason, String actor) {
        if (closeIds.isEmpty()) {
            return 0;
        }
        return jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement(REVERSE + " where e.close_id = any(?)" + NOT_REVERSED);
            ps.setString(1, reason);
            ps.setString(2, actor);
            ps.setObject(3, OffsetDateTime.now(clock));
            ps.setArray(4, c.createArrayOf("bigint", closeIds.toArray()));
            return ps;
        });
    }

    /** the corrections of a month (made by re-rating) that still count, with the period each is booked in */
    public List<LedgerEntry> corrections(YearMonth month, Collection<String> accounts) {
        return jdbc.query(c -> {
            PreparedStatement ps = c.prepareStatement(SELECT + " where e.refers_to = ? and e.account_code = any(?)"
                    + NOT_REVERSED + " order by e.id");
            ps.setDate(1, month(month));
            ps.setArray(2, c.createArrayOf("text", accounts.toArray()));
            return ps;
        }, this::row);
    }

    /** Reverses these entries, each in its own period; answers how many. */
    public int reverse(Collection<Long> entryIds, String reason, String actor) {
        if (entryIds.isEmpty()) {
            return 0;
        }
        return jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement(REVERSE + " where e.id = any(?)" + NOT_REVERSED);
            ps.setString(1, reason);
            ps.setString(2, actor);
            ps.setObject(3, OffsetDateTime.now(clock));
            ps.setArray(4, c.createArrayOf("bigint", entryIds.toArray()));
            return ps;
        });
    }

    private static final String REVERSE = "insert into ledger_entry (" + COLUMNS + ", reverses) "
            + """
            select account_code, kind, period, entry_date, refers_to, corrects, service, component, reference, -quantity,
                   unit, rate, -amount, vat_rate, -vat, old_amount, new_amount, counterparty, ?, close_id, ?, ?, channels, id
              from ledger_entry e""";

    private static final String NOT_REVERSED = " and e.reverses is null"
            + " and not exists (select 1 from ledger_entry r where r.reverses = e.id)";

    private static final String SELECT = """
            select e.id, e.account_code, e.kind, e.period, e.entry_date, e.service, e.component, e.reference, e.quantity,
                   e.unit, e.rate, e.amount, e.vat_rate, e.vat, e.refers_to, e.corrects, e.old_amount, e.new_amount,
                   e.counterparty, e.reason, e.close_id, e.reverses,
                   (select r.id from ledger_entry r where r.reverses = e.id) as reversed_by, e.created_by, e.created_at
              from ledger_entry e""";

    private LedgerEntry row(ResultSet rs, int i) throws SQLException {
        return new LedgerEntry(rs.getLong("id"), rs.getString("account_code"), EntryKind.valueOf(rs.getString("kind")),
                yearMonth(rs.getObject("period", LocalDate.class)), rs.getObject("entry_date", LocalDate.class),
                rs.getString("service"), rs.getString("component"), rs.getString("reference"),
                rs.getBigDecimal("quantity"), rs.getString("unit"), rs.getBigDecimal("rate"),
                Money.of(rs.getBigDecimal("amount")), rs.getBigDecimal("vat_rate"), Money.of(rs.getBigDecimal("vat")),
                yearMonth(rs.getObject("refers_to", LocalDate.class)),
                rs.getString("corrects") == null ? null : EntryKind.valueOf(rs.getString("corrects")),
                money(rs.getBigDecimal("old_amount")), money(rs.getBigDecimal("new_amount")),
                rs.getString("counterparty"), rs.getString("reason"), (Long) rs.getObject("close_id"),
                (Long) rs.getObject("reverses"), (Long) rs.getObject("reversed_by"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    private static Money money(BigDecimal value) {
        return value == null ? null : Money.of(value);
    }

    private static YearMonth yearMonth(LocalDate day) {
        return day == null ? null : YearMonth.from(day);
    }

    static Date month(YearMonth month) {
        return month == null ? null : Date.valueOf(month.atDay(1));
    }
}
