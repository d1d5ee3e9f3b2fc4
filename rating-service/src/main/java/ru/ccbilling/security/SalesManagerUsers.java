package ru.ccbilling.security;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ru.ccbilling.account.SalesManagers;

/** Billing's sales managers are the enabled staff users with the SALES role. */
@Component
class SalesManagerUsers implements SalesManagers {

    private final JdbcTemplate jdbc;

    SalesManagerUsers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> all() {
        return jdbc.queryForList("""
                select username from app_user
                 where enabled and client_account is null and ',' || roles || ',' like '%,SALES,%'
                 order by username
                """, String.class);
    }
}
