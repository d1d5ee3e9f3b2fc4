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

    private static final String COLUMNS = "username, roles, enabled, must_change_password, created_at";

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
                insert into app_user (username, password_hash, roles, enabled, must_change_password, created_at)
                values (?, ?, ?, ?, ?, ?) on conflict (username) do nothing
                """, user.username(), passwordHash, join(user.roles()), user.enabled(), user.mustChangePassword(),
                Timestamp.from(user.createdAt())) == 1;
    }

    void update(String username, Set<Role> roles, boolean enabled) {
        jdbc.update("update app_user set roles = ?, enabled = ? where username = ?", join(roles), enabled, username);
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
                rs.getTimestamp(5).toInstant());
    }

    private static String join(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }
}
