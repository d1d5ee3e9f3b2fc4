package ru.ccbilling.account;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import ru.ccbilling.export.ListOrder;
import ru.ccbilling.export.Table;

/**
 * The accounts list as staff search it: by code, client name, INN or a phone number the account holds or held,
 * by current tariff; sorted and paged by the database, so a list of 100,000 accounts is never read whole.
 */
@Repository
public class AccountSearch {

    private static final String CURRENT_TARIFF =
            "(select t.tariff_code from account_tariff t where t.account_code = a.code order by t.valid_from desc limit 1)";

    /** what a list may be sorted by, and the column behind each name */
    private static final Map<String, String> SORTS = new LinkedHashMap<>();

    static {
        SORTS.put("account", "a.code");
        SORTS.put("client", "lower(a.client_name)");
        SORTS.put("inn", "a.inn");
        SORTS.put("tariff", CURRENT_TARIFF);
    }

    /** {@code q}: text to find; {@code byInn}: whether q may match the INN (only for who may read legal details) */
    public record Filter(String q, String tariff, boolean byInn) { }

    public record Page(List<String> codes, long total) { }

    private final JdbcTemplate jdbc;

    AccountSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** the accounts of one page (codes, in order) and how many the filter finds in all; size null: every account */
    public Page find(Filter filter, String sort, Integer page, Integer size) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        String order = ListOrder.sql(sort, SORTS, "a.code", "a.code");
        Long total = jdbc.queryForObject("select count(*) from account a" + where, Long.class, args.toArray());
        String limit = "";
        if (size != null) {
            limit = " limit ? offset ?";
            args.add(size);
            args.add((long) (page == null ? 0 : page) * size);
        }
        List<String> codes = jdbc.queryForList("select a.code from account a" + where + " order by " + order + limit,
                String.class, args.toArray());
        return new Page(codes, total == null ? 0 : total);
    }

    /** the same accounts as rows of a table, with Russian column titles, up to {@link Table#MAX_ROWS} */
    public void export(Filter filter, String sort, boolean withLegalDetails, Map<String, List<String>> numbers,
                       Table table) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        String order = ListOrder.sql(sort, SORTS, "a.code", "a.code");
        args.add(Table.MAX_ROWS);
        table.row("Лицевой счёт", "Клиент", "ИНН", "КПП", "Тариф", "Тариф действует с", "Номера",
                "Доставка документов");
        jdbc.query("select a.code, a.client_name, a.inn, a.kpp, " + CURRENT_TARIFF + " tariff,"
                + " (select max(t.valid_from) from account_tariff t where t.account_code = a.code) tariff_from,"
                + " a.delivery_method from account a" + where + " order by " + order + " limit ?", rs -> {
            String code = rs.getString(1);
            table.row(code, rs.getString(2), withLegalDetails ? rs.getString(3) : null,
                    withLegalDetails ? rs.getString(4) : null, rs.getString(5),
                    rs.getObject(6, java.time.LocalDate.class), String.join(", ", numbers.getOrDefault(code, List.of())),
                    withLegalDetails ? delivery(rs.getString(7)) : null);
        }, args.toArray());
    }

    private static String delivery(String method) {
        if (method == null) {
            return null;
        }
        return switch (method) {
            case "PORTAL" -> "в личном кабинете";
            case "EMAIL" -> "по электронной почте";
            case "POST" -> "почтой";
            case "COURIER" -> "курьером";
            default -> method;
        };
    }

    private static String where(Filter filter, List<Object> args) {
        StringBuilder where = new StringBuilder(" where true");
        String q = filter.q() == null ? "" : filter.q().trim();
        if (!q.isEmpty()) {
            String like = ListOrder.contains(q);
            where.append(" and (a.code ilike ? or a.client_name ilike ?");
            args.add(like);
            args.add(like);
            String digits = ListOrder.phoneDigits(q);
            if (digits.length() >= 3 && q.matches("[0-9 ()+\\-]+")) {
                String digitsLike = ListOrder.contains(digits);
                if (filter.byInn()) {
                    where.append(" or a.inn like ?");
                    args.add(digitsLike);
                }
                where.append(" or exists (select 1 from account_number n where n.account_code = a.code and n.number like ?)")
                        .append(" or exists (select 1 from network_resource r where r.account_code = a.code and r.resource like ?)");
                args.add(digitsLike);
                args.add(digitsLike);
            }
            where.append(')');
        }
        if (filter.tariff() != null && !filter.tariff().isBlank()) {
            where.append(" and ").append(CURRENT_TARIFF).append(" = ?");
            args.add(filter.tariff().trim());
        }
        return where.toString();
    }
}
