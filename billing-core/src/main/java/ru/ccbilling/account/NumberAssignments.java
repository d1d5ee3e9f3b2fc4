package ru.ccbilling.account;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The numbers each account held, with dates ({@code account_number}). */
@Repository
class NumberAssignments {

    record Held(String account, NumberAssignment assignment) { }

    private final JdbcTemplate jdbc;

    NumberAssignments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<NumberAssignment> of(String account) {
        return jdbc.query("select number, valid_from, valid_to from account_number where account_code = ? order by number, valid_from",
                (rs, i) -> new NumberAssignment(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class)), account);
    }

    Map<String, List<NumberAssignment>> of(Collection<String> accounts) {
        Map<String, List<NumberAssignment>> byAccount = new HashMap<>();
        jdbc.query(c -> {
            var ps = c.prepareStatement("select account_code, number, valid_from, valid_to from account_number"
                    + " where account_code = any(?)");
            ps.setArray(1, c.createArrayOf("text", accounts.toArray()));
            return ps;
        }, rs -> {
            byAccount.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new NumberAssignment(rs.getString(2),
                    rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)));
        });
        return byAccount;
    }

    /** every account's assignments of this number (to find overlaps) */
    List<Held> ofNumber(String number) {
        return jdbc.query("select account_code, number, valid_from, valid_to from account_number where number = ?",
                (rs, i) -> new Held(rs.getString(1), new NumberAssignment(rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class))), number);
    }

    /** inserts the assignment, or sets the end of the one that starts on the same day */
    void save(String account, NumberAssignment a) {
        jdbc.update("""
                insert into account_number (account_code, number, valid_from, valid_to) values (?, ?, ?, ?)
                on conflict (account_code, number, valid_from) do update set valid_to = excluded.valid_to
                """, account, a.number(), Date.valueOf(a.validFrom()), a.validTo() == null ? null : Date.valueOf(a.validTo()));
    }
}
