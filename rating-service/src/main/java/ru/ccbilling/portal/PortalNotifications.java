package ru.ccbilling.portal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import ru.ccbilling.refusal.Refusal;

/** The client's notification settings: the balance below which the client's users are told by e-mail. */
@Repository
public class PortalNotifications {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PortalNotifications(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<BigDecimal> threshold(String account) {
        return jdbc.queryForList("select balance_threshold from client_notification_setting where account_code = ?",
                BigDecimal.class, account).stream().filter(t -> t != null).findFirst();
    }

    /** {@code account} resolved through the scope; null clears the threshold */
    public void setThreshold(String account, BigDecimal threshold, String by) {
        if (threshold != null && threshold.signum() < 0) {
            throw Refusal.invalid("balanceThreshold", "portal.threshold.negative");
        }
        jdbc.update("""
                insert into client_notification_setting (account_code, balance_threshold, updated_by, updated_at)
                values (?, ?, ?, ?) on conflict (account_code) do update
                   set balance_threshold = excluded.balance_threshold, updated_by = excluded.updated_by,
                       updated_at = excluded.updated_at
                """, account, threshold, by, Timestamp.from(clock.instant()));
    }
}
