package ru.ccbilling.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import ru.ccbilling.clock.ClockConfiguration;

/** The numbers an account of the client holds and held, by date, scoped to the signed-in user in the query. */
@Repository
public class PortalNumbers {

    public record HeldNumber(String number, String kind, Integer channels, LocalDate validFrom, LocalDate validTo,
                             boolean active) { }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PortalNumbers(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<HeldNumber> of(String username, String account) {
        LocalDate today = LocalDate.now(clock.withZone(ClockConfiguration.BUSINESS_ZONE));
        return jdbc.query("""
                select number, kind, channels, valid_from, valid_to,
                       valid_from <= ? and (valid_to is null or valid_to > ?)
                  from account_number
                 where account_code = ? and account_code in (""" + PortalScope.ACCOUNTS + """
                ) order by valid_to is not null, number, valid_from
                """, (rs, i) -> new HeldNumber(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getBoolean(6)),
                today, today, account, username);
    }
}
