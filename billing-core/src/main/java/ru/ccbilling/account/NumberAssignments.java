package ru.ccbilling.account;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import ru.ccbilling.inventory.Holders;
import ru.ccbilling.inventory.NumberKind;

/**
 * The numbers each account held, with dates, kind and channels ({@code account_number}); also who held a number on
 * a date, for rating ({@link Holders}).
 */
@Repository
class NumberAssignments implements Holders {

    record Held(String account, NumberAssignment assignment) { }

    private static final String COLUMNS = "account_code, number, valid_from, valid_to, kind, channels";

    private final JdbcTemplate jdbc;

    NumberAssignments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<NumberAssignment> of(String account) {
        return jdbc.query("select " + COLUMNS + " from account_number where account_code = ? order by number, valid_from",
                (rs, i) -> assignment(rs), account);
    }

    Map<String, List<NumberAssignment>> of(Collection<String> accounts) {
        Map<String, List<NumberAssignment>> byAccount = new HashMap<>();
        jdbc.query(c -> {
            var ps = c.prepareStatement("select " + COLUMNS + " from account_number where account_code = any(?)");
            ps.setArray(1, c.createArrayOf("text", accounts.toArray()));
            return ps;
        }, rs -> {
            byAccount.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(assignment(rs));
        });
        return byAccount;
    }

    /** every account's assignments of this number (to find overlaps) */
    List<Held> ofNumber(String number) {
        return jdbc.query("select " + COLUMNS + " from account_number where number = ?",
                (rs, i) -> new Held(rs.getString(1), assignment(rs)), number);
    }

    /** inserts the assignment, or sets the end, kind and channels of the one that starts on the same day */
    void save(String account, NumberAssignment a) {
        jdbc.update(c -> {
            var ps = c.prepareStatement("""
                    insert into account_number (account_code, number, valid_from, valid_to, kind, channels)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict (account_code, number, valid_from) do update
                       set valid_to = excluded.valid_to, kind = excluded.kind, channels = excluded.channels
                    """);
            ps.setString(1, account);
            ps.setString(2, a.number());
            ps.setDate(3, Date.valueOf(a.validFrom()));
            ps.setDate(4, a.validTo() == null ? null : Date.valueOf(a.validTo()));
            ps.setString(5, a.kind().name());
            if (a.channels() == null) {
                ps.setNull(6, Types.INTEGER);
            } else {
                ps.setInt(6, a.channels());
            }
            return ps;
        });
    }

    @Override
    public Optional<Holding> on(String number, LocalDate date) {
        return jdbc.query("select " + COLUMNS + " from account_number where number = ? and valid_from <= ?"
                        + " and (valid_to is null or valid_to > ?) order by valid_from desc limit 1",
                (rs, i) -> holding(rs), number, Date.valueOf(date), Date.valueOf(date)).stream().findFirst();
    }

    @Override
    public List<Holding> all() {
        return jdbc.query("select " + COLUMNS + " from account_number order by number, valid_from", (rs, i) -> holding(rs));
    }

    private static Holding holding(ResultSet rs) throws SQLException {
        NumberAssignment a = assignment(rs);
        return new Holding(a.number(), a.kind(), a.channels(), rs.getString(1), a.validFrom(), a.validTo());
    }

    /** from the columns {@link #COLUMNS} */
    private static NumberAssignment assignment(ResultSet rs) throws SQLException {
        return new NumberAssignment(rs.getString(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                NumberKind.valueOf(rs.getString(5)), (Integer) rs.getObject(6));
    }
}
