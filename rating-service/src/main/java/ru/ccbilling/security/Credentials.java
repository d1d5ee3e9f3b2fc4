package ru.ccbilling.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users and API keys, stored hashed: passwords with the delegating encoder (bcrypt), API keys with
 * SHA-256 (they are long random secrets, and a key is checked on every request, so a slow hash is not wanted).
 */
@Service
public class Credentials implements UserDetailsService {

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;

    Credentials(JdbcTemplate jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        List<UserDetails> found = jdbc.query(
                "select username, password_hash, roles, enabled, must_change_password from app_user where username = ?",
                (rs, i) -> new Person(rs.getString(1), rs.getString(2), rs.getBoolean(4), authorities(rs.getString(3)),
                        rs.getBoolean(5)),
                username);
        if (found.isEmpty()) {
            throw new UsernameNotFoundException(username);
        }
        return found.get(0);
    }

    /** the API key with its roles and sources, if the key is known and not revoked: checked on every request */
    public Optional<ApiKey> byApiKey(String key) {
        List<ApiKey> found = jdbc.query(
                "select name, roles, sources from api_key where key_hash = ? and revoked_at is null",
                (rs, i) -> new ApiKey(rs.getString(1), sources(rs.getArray(3)), authorities(rs.getString(2))),
                sha256(key));
        return found.stream().findFirst();
    }

    /** the name of the revoked key {@code key} was, for the audit of a refused request */
    Optional<String> revokedKeyName(String key) {
        return jdbc.queryForList("select name from api_key where key_hash = ? and revoked_at is not null",
                String.class, sha256(key)).stream().findFirst();
    }

    @Transactional
    public void saveUser(String username, String password, Role... roles) {
        jdbc.update("""
                insert into app_user (username, password_hash, roles) values (?, ?, ?)
                on conflict (username) do update set password_hash = excluded.password_hash, roles = excluded.roles
                """, username, passwords.encode(password), join(roles));
    }

    /** a user of the client of {@code account} (roles CLIENT, CLIENT_ADMIN), with the e-mail notifications go to */
    @Transactional
    public void saveClientUser(String username, String password, String account, String email, Role... roles) {
        jdbc.update("""
                insert into app_user (username, password_hash, roles, client_account, email) values (?, ?, ?, ?, ?)
                on conflict (username) do update set password_hash = excluded.password_hash, roles = excluded.roles,
                                                     client_account = excluded.client_account, email = excluded.email
                """, username, passwords.encode(password), join(roles), account, email);
    }

    /** an API key bound to {@code sources}: it submits and reads the records of these sources only */
    @Transactional
    public void saveApiKey(String name, String key, Set<String> sources, Role... roles) {
        jdbc.update("""
                insert into api_key (name, key_hash, roles, sources) values (?, ?, ?, ?)
                on conflict (name) do update set key_hash = excluded.key_hash, roles = excluded.roles,
                                                 sources = excluded.sources
                """, name, sha256(key), join(roles), sources.stream().sorted().toArray(String[]::new));
    }

    static Set<String> sources(java.sql.Array array) throws java.sql.SQLException {
        return array == null ? Set.of() : Set.copyOf(Arrays.asList((String[]) array.getArray()));
    }

    private static String join(Role... roles) {
        return String.join(",", Arrays.stream(roles).map(Role::name).toList());
    }

    static List<SimpleGrantedAuthority> authorities(String roles) {
        return Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty())
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
    }

    static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
