package ru.ccbilling.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The people who sign in ({@code app_user}); passwords arrive here hashed. */
@Repository
class Users {

    private static final String COLUMNS = "username, roles, enabled, must_change_password, created_at, client_account, email";

    private final JdbcTemplate jdbc;

    Users(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<UserState> all() {
        return jdbc.query("select " + COLUMNS + " from app_user order by username", Users::read);
    }

    Optional<UserState> find(String username) {
        return jdbc.query("select " + COLUMNS + " from app_user where username = ?", Users::read, username)
                .stream().findFirst();
    }

    /** the user, locked until the transaction ends: two administrators' changes queue */
    Optional<UserState> lock(String username) {
        return jdbc.query("select " + COLUMNS + " from app_user where username = ? for update", Users::read, username)
                .stream().findFirst();
    }

    /** false when the name is taken */
    boolean insert(UserState user, String passwordHash) {
        return jdbc.update("""
                insert into app_user (username, password_hash, roles, enabled, must_change_password, created_at,
                                      client_account, email)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (username) do nothing
                """, user.username(), passwordHash, join(user.roles()), user.enabled(), user.mustChangePassword(),
                Timestamp.from(user.createdAt()), user.client(), user.email()) == 1;
    }

    void update(String username, Set<Role> roles, boolean enabled) {
        jdbc.update("update app_user set roles = ?, enabled = ? where username = ?", join(roles), enabled, username);
    }

    void update(String username, Set<Role> roles, boolean enabled, String client) {
        jdbc.update("update app_user set roles = ?, enabled = ?, client_account = ? where username = ?", join(roles),
                enabled, client, username);
    }

    /** the users of the client of {@code account} (the same scope as the portal's: the account's INN) */
    List<UserState> ofClient(String account) {
        return jdbc.query("select " + COLUMNS + " from app_user where client_account in (" + SAME_CLIENT
                + ") order by username", Users::read, account);
    }

    /** the user, locked, if a user of the client of {@code account} */
    Optional<UserState> lockOfClient(String username, String account) {
        return jdbc.query("select " + COLUMNS + " from app_user where username = ? and client_account in (" + SAME_CLIENT
                + ") for update", Users::read, username, account).stream().findFirst();
    }

    /** who has this e-mail (any case), if anybody */
    Optional<UserState> byEmail(String email) {
        return jdbc.query("select " + COLUMNS + " from app_user where lower(email) = lower(?)", Users::read, email)
                .stream().findFirst();
    }

    /** the codes of the accounts of the same client as {@code account}: itself and those with its INN */
    static final String SAME_CLIENT = """
            select a.code from account a join account home on home.code = ?
             where a.code = home.code or (home.inn is not null and a.inn = home.inn)""";

    boolean sameClient(String account, String other) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select ? in (" + SAME_CLIENT + ")", Boolean.class, other,
                account));
    }

    boolean accountExists(String account) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from account where code = ?)",
                Boolean.class, account));
    }

    void setPassword(String username, String passwordHash, boolean mustChange) {
        jdbc.update("update app_user set password_hash = ?, must_change_password = ? where username = ?",
                passwordHash, mustChange, username);
    }

    String passwordHash(String username) {
        return jdbc.queryForObject("select password_hash from app_user where username = ?", String.class, username);
    }

    /** the enabled administrators, locked: the last of them is never disabled or demoted */
    List<String> lockActiveAdmins() {
        return jdbc.queryForList("""
                select username from app_user where enabled and ',' || roles || ',' like '%,ADMIN,%'
                order by username for update
                """, String.class);
    }

    private static UserState read(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(rs.getString(2).split(",")).map(String::trim).filter(r -> !r.isEmpty())
                .forEach(r -> roles.add(Role.valueOf(r)));
        return new UserState(rs.getString(1), roles, rs.getBoolean(3), rs.getBoolean(4),
                rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7));
    }

    private static String join(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }
}
