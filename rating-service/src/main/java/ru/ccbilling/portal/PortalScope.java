package ru.ccbilling.portal;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import ru.ccbilling.refusal.Refusal;

/**
 * The accounts a signed-in client user may see, read from the database view {@code client_scope} (the account
 * the user belongs to and the client's other accounts by INN). Every portal query joins this view on the
 * signed-in username, so no request can reach another client's rows whatever it names; an account outside the
 * scope is "not found", exactly as one that does not exist.
 */
@Repository
public class PortalScope {

    /** the SQL that lists the signed-in user's accounts; one parameter, the username */
    public static final String ACCOUNTS = "select account_code from client_scope where username = ?";

    /** An account of the client. {@code home}: the account the user belongs to. */
    public record ClientAccount(String code, String clientName, boolean home) { }

    private final JdbcTemplate jdbc;

    PortalScope(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<ClientAccount> accounts(String username) {
        return jdbc.query("""
                select a.code, a.client_name, a.code = u.client_account
                  from client_scope s join account a on a.code = s.account_code
                  join app_user u on u.username = s.username
                 where s.username = ? order by a.code = u.client_account desc, a.code
                """, (rs, i) -> new ClientAccount(rs.getString(1), rs.getString(2), rs.getBoolean(3)), username);
    }

    /** the requested account if it is the user's, or the user's own account when none is named; else 404 */
    public ClientAccount account(String username, String requested) {
        return jdbc.query("""
                select a.code, a.client_name, a.code = u.client_account
                  from client_scope s join account a on a.code = s.account_code
                  join app_user u on u.username = s.username
                 where s.username = ? and a.code = coalesce(?, u.client_account)
                """, (rs, i) -> new ClientAccount(rs.getString(1), rs.getString(2), rs.getBoolean(3)), username,
                requested == null || requested.isBlank() ? null : requested)
                .stream().findFirst()
                .orElseThrow(() -> Refusal.notFound("portal.account.notFound", requested == null ? "" : requested));
    }
}
