package ru.ccbilling.report;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whose figures a reader sees. Finance, tariff managers and administrators see every account; a salesperson sees the
 * accounts whose {@code account.sales_manager} is their username (billing V112), and nothing else.
 */
@Component
public class ReportScope {

    /** the accounts a reader may see; {@code accounts} null for all */
    public record Seen(List<String> accounts) {
        public boolean all() {
            return accounts == null;
        }
    }

    private final JdbcTemplate jdbc;

    ReportScope(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Seen of(String username, boolean seesEveryAccount) {
        if (seesEveryAccount) {
            return new Seen(null);
        }
        return new Seen(jdbc.queryForList("select code from account where sales_manager = ? order by code", String.class,
                username));
    }
}
