package ru.ccbilling.period;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ru.ccbilling.document.Correction;
import ru.ccbilling.document.DocumentSettings;
import ru.ccbilling.document.LinePrices;
import ru.ccbilling.document.Sellers;
import ru.ccbilling.document.Statement;
import ru.ccbilling.document.StatementSource;
import ru.ccbilling.money.Money;

/**
 * The statements documents are issued from: the entries a month's close wrote for an account (usage by service,
 * monthly fees, the volume discount), the one-time charges and deductions of that month, and the client's legal
 * details; and the corrections re-rating booked against a closed month. Partner accruals are not the client's.
 */
@Component
class ClosedMonthStatements implements StatementSource {

    private final JdbcTemplate jdbc;
    private final Sellers sellers;
    private final DocumentSettings settings;

    ClosedMonthStatements(JdbcTemplate jdbc, Sellers sellers, DocumentSettings settings) {
        this.jdbc = jdbc;
        this.sellers = sellers;
        this.settings = settings;
    }

    @Override
    public List<String> closedAccounts(YearMonth month) {
        return jdbc.queryForList("select account_code from account_close where month = ? and reopened_at is null"
                + " order by account_code", String.class, Date.valueOf(month.atDay(1)));
    }

    @Override
    public boolean isClosed(String account, YearMonth month) {
        return activeClose(account, month).isPresent();
    }

    private Optional<Long> activeClose(String account, YearMonth month) {
        return jdbc.queryForList("select id from account_close where account_code = ? and month = ? and reopened_at is null",
                Long.class, account, Date.valueOf(month.atDay(1))).stream().findFirst();
    }

    @Override
    public Optional<Statement> statement(String account, YearMonth month) {
        Optional<Long> close = activeClose(account, month);
        if (close.isEmpty()) {
            return Optional.empty();
        }
        List<Statement.Client> clients = jdbc.query("""
                select client_name, inn, kpp, legal_postal_code, legal_address, postal_postal_code, postal_address,
                       delivery_method, delivery_email from account where code = ?
                """, (rs, i) -> new Statement.Client(rs.getString(1), rs.getString(2), rs.getString(3),
                        joined(rs.getString(4), rs.getString(5)),
                        rs.getString(7) == null ? null : new Statement.PostalAddress(rs.getString(6), rs.getString(7)),
                        rs.getString(8) == null ? Statement.DeliveryMethod.PORTAL
                                : Statement.DeliveryMethod.valueOf(rs.getString(8)),
                        rs.getString(9), settings.kindFor(account), null), account);
        if (clients.isEmpty()) {
            return Optional.empty();
        }
        List<Statement.Line> lines = lines(rows(account, close.get(), month), month);
        Statement.Seller seller = sellers.find(Sellers.DEFAULT).orElseThrow(
                () -> new IllegalStateException("no seller " + Sellers.DEFAULT + " to issue documents"));
        return Optional.of(new Statement(account, month, month.atEndOfMonth(), seller, clients.get(0), null, lines));
    }

    /** A ledger entry as a statement reads it. */
    private record Row(String kind, String service, String component, String reference, BigDecimal quantity,
                       String unit, BigDecimal rate, Money amount, String reason, Integer channels) {

        /**
         * what a correction refers to: the close's usage by price, the volume discount and the top-up to the minimum
         * payment; other rows are unique
         */
        String key(int index) {
            return "USAGE".equals(kind) || "VOLUME_DISCOUNT".equals(kind) || "MINIMUM_TOPUP".equals(kind)
                    ? kind + "|" + service + "|" + component + "|" + reference : kind + "#" + index;
        }

        Row corrected(Row by) {
            BigDecimal q = quantity == null ? by.quantity : by.quantity == null ? quantity : quantity.add(by.quantity);
            return new Row(kind, service, component, reference, q, unit == null ? by.unit : unit,
                    by.rate != null ? by.rate : rate, amount.plus(by.amount), reason, channels);
        }
    }

    /** the entries of the close and the month's one-time charges and deductions, in the order they are printed */
    private List<Row> rows(String account, long close, YearMonth month) {
        return jdbc.query("""
                select kind, service, component, reference, quantity, unit, rate, amount, reason, channels from ledger_entry
                 where account_code = ? and reverses is null
                   and not exists (select 1 from ledger_entry r where r.reverses = ledger_entry.id)
                   and ((close_id = ? and kind in ('USAGE', 'MONTHLY_FEE', 'VOLUME_DISCOUNT', 'MINIMUM_TOPUP'))
                     or (period = ? and kind in ('ONE_TIME_CHARGE', 'DEDUCTION')))
                 order by case kind when 'USAGE' then 0 when 'ONE_TIME_CHARGE' then 1 when 'DEDUCTION' then 1
                          when 'MONTHLY_FEE' then 2 when 'MINIMUM_TOPUP' then 3 else 4 end, service, component, rate desc nulls last, reference, id
                """, (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getString(6), rs.getBigDecimal(7), Money.of(rs.getBigDecimal(8)),
                        rs.getString(9), (Integer) rs.getObject(10)), account, close, Date.valueOf(month.atDay(1)));
    }

    private static List<Statement.Line> lines(List<Row> rows, YearMonth month) {
        List<Statement.Line> lines = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (("USAGE".equals(r.kind) || "VOLUME_DISCOUNT".equals(r.kind) || "MINIMUM_TOPUP".equals(r.kind))
                    && r.amount.amount().signum() == 0) {
                continue;
            }
            lines.add(StatementLines.line(r.kind, r.service, r.component, r.reference, r.quantity, r.unit, r.rate,
                    r.amount, r.reason, r.channels, month).keyed(r.key(i)));
        }
        distinguish(lines);
        return lines;
    }

    /**
     * One correction per booking month: what re-rating changed in the closed month, price line by price line, and
     * the month's statement lines after it (the close's lines with this and every earlier correction applied), from
     * which the documents make rows А and Б. Dated the Moscow day the last of its entries was booked.
     */
    @Override
    public List<Correction> corrections(String account, YearMonth month) {
        Optional<Long> close = activeClose(account, month);
        Map<LocalDate, List<Correction.Line>> byBooking = new LinkedHashMap<>();
        Map<LocalDate, List<Row>> changes = new LinkedHashMap<>();
        Map<LocalDate, LocalDate> dates = new LinkedHashMap<>();
        jdbc.query("""
                select period, (created_at at time zone 'Europe/Moscow')::date, service, component, old_amount, new_amount,
                       corrects, reference, quantity, unit, rate, amount from ledger_entry
                 where account_code = ? and kind = 'CORRECTION' and refers_to = ? and reverses is null
                   and not exists (select 1 from ledger_entry r where r.reverses = ledger_entry.id)
                   and old_amount is not null and new_amount is not null
                 order by period, id
                """, rs -> {
                    LocalDate booked = rs.getObject(1, LocalDate.class);
                    dates.merge(booked, rs.getObject(2, LocalDate.class), (a, b) -> a.isAfter(b) ? a : b);
                    Money before = Money.of(rs.getBigDecimal(5));
                    Money after = Money.of(rs.getBigDecimal(6));
                    byBooking.computeIfAbsent(booked, k -> new ArrayList<>()).add(new Correction.Line(
                            StatementLines.name(rs.getString(3), rs.getString(4), null, null)
                                    + UsageNames.qualifier(rs.getString(4), rs.getString(8)), "796", "шт",
                            BigDecimal.ONE, BigDecimal.ONE, before.amount(), after.amount(), before, after));
                    changes.computeIfAbsent(booked, k -> new ArrayList<>()).add(new Row(rs.getString(7), rs.getString(3),
                            rs.getString(4), rs.getString(8), rs.getBigDecimal(9), rs.getString(10), rs.getBigDecimal(11),
                            Money.of(rs.getBigDecimal(12)), null, null));
                }, account, Date.valueOf(month.atDay(1)));
        Map<String, Row> state = new LinkedHashMap<>();
        if (close.isPresent()) {
            List<Row> rows = rows(account, close.get(), month);
            for (int i = 0; i < rows.size(); i++) {
                state.put(rows.get(i).key(i), rows.get(i));
            }
        }
        List<Correction> out = new ArrayList<>();
        byBooking.forEach((booked, lines) -> {
            for (Row change : changes.get(booked)) {
                state.merge(change.key(-1), change, Row::corrected);
            }
            out.add(new Correction(account + "/" + month + "/" + YearMonth.from(booked), account, month,
                    dates.get(booked), "Перетарификация за " + month, null, null, lines,
                    close.isPresent() ? lines(new ArrayList<>(state.values()), month) : null));
        });
        return out;
    }

    /**
     * Names that would repeat are made to differ: first by the call type (an operator's minutes of inbound and of
     * outbound calls), then by the price, so that a reader tells every line apart.
     */
    static void distinguish(List<Statement.Line> lines) {
        rename(lines, l -> callType(l.key()));
        rename(lines, l -> l.price() == null || StatementLines.SERVICE_UNIT_CODE.equals(l.unitCode()) ? null
                : "по " + LinePrices.rub(l.price()) + " руб./" + l.unitName());
    }

    private static void rename(List<Statement.Line> lines, java.util.function.Function<Statement.Line, String> suffix) {
        Map<String, Long> names = new java.util.HashMap<>();
        lines.forEach(l -> names.merge(l.name(), 1L, Long::sum));
        for (int i = 0; i < lines.size(); i++) {
            Statement.Line l = lines.get(i);
            String added = names.get(l.name()) > 1 ? suffix.apply(l) : null;
            if (added != null) {
                lines.set(i, l.named(l.name() + ", " + added));
            }
        }
    }

    /** "входящие вызовы 8-800" for a line keyed USAGE|INBOUND_800|..., null when the key names no call type */
    private static String callType(String key) {
        String[] parts = key == null ? new String[0] : key.split("\\|");
        if (parts.length < 2 || !"USAGE".equals(parts[0])) {
            return null;
        }
        return switch (parts[1]) {
            case "INBOUND_800" -> "входящие вызовы 8-800";
            case "OUTBOUND" -> "исходящие вызовы";
            case "FORWARD" -> "переадресованные вызовы";
            default -> null;
        };
    }

    private static String joined(String postalCode, String address) {
        if (address == null) {
            return null;
        }
        return postalCode == null ? address : postalCode + ", " + address;
    }

    static BigDecimal minutes(BigDecimal seconds) {
        return seconds.divide(BigDecimal.valueOf(60), 3, RoundingMode.HALF_UP);
    }
}
