package ru.ccbilling.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.ccbilling.input.StoredText;
import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.refusal.Refusal.Fault;
import ru.ccbilling.refusal.Text;

/**
 * API keys of call-centre equipment and software ({@code api_key}): created with a secret shown once and stored
 * as its SHA-256, limited to roles and to the CDR sources they may submit for, revoked (never deleted: the name
 * stays taken and jobs keep naming it). Keys made before, such as the demo's, keep working.
 */
@Service
public class ApiKeys {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final String COLUMNS = "name, roles, sources, hint, created_at, last_used_at, revoked_at";

    /** a key just made, with the secret that is never shown again */
    public record Created(ApiKeyState key, String secret) { }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ApiKeys(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<ApiKeyState> all() {
        return jdbc.query("select " + COLUMNS + " from api_key order by name", ApiKeys::read);
    }

    @Transactional
    public Created create(String name, List<String> roleNames, List<String> sourceList) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw Refusal.invalid("name", "apiKey.name.pattern");
        }
        Set<Role> roles = RoleNames.read(roleNames, RoleNames.OF_KEYS);
        Set<String> sources = sources(sourceList);
        String secret = Secrets.apiKey();
        String hint = secret.substring(0, 8);
        Instant now = clock.instant();
        int inserted = jdbc.update("""
                insert into api_key (name, key_hash, roles, sources, hint, created_at) values (?, ?, ?, ?, ?, ?)
                on conflict (name) do nothing
                """, name, Credentials.sha256(secret), roles.stream().sorted().map(Role::name).collect(Collectors.joining(",")),
                sources.toArray(String[]::new), hint, Timestamp.from(now));
        if (inserted == 0) {
            throw Refusal.field(Refusal.Kind.CONFLICT, "name", Text.of("apiKey.name.taken", name));
        }
        return new Created(new ApiKeyState(name, roles, sources, hint, now, null, null), secret);
    }

    /** revoked at once: the key is looked up on every request, so its next request is a 401 */
    @Transactional
    public ApiKeyState revoke(String name) {
        ApiKeyState key = jdbc.query("select " + COLUMNS + " from api_key where name = ? for update", ApiKeys::read, name)
                .stream().findFirst().orElseThrow(() -> Refusal.notFound("apiKey.notFound", name));
        if (key.revokedAt() != null) {
            throw Refusal.conflict("apiKey.alreadyRevoked", name);
        }
        Instant now = clock.instant();
        jdbc.update("update api_key set revoked_at = ? where name = ?", Timestamp.from(now), name);
        return new ApiKeyState(key.name(), key.roles(), key.sources(), key.hint(), key.createdAt(), key.lastUsedAt(), now);
    }

    /** each source an identifier as intake reads it: {@code sources[i]} named when it is not */
    private static Set<String> sources(List<String> list) {
        if (list == null) {
            return Set.of();
        }
        List<Fault> faults = new ArrayList<>();
        Set<String> sources = new TreeSet<>();
        for (int i = 0; i < list.size(); i++) {
            String source = list.get(i);
            Text problem = source == null || source.isBlank() ? Text.of("value.required")
                    : source.strip().length() > 64 ? Text.of("apiKey.source.tooLong") : StoredText.identifierProblem(source.strip());
            if (problem != null) {
                faults.add(new Fault("sources[" + i + "]", problem));
            } else {
                sources.add(source.strip());
            }
        }
        if (!faults.isEmpty()) {
            throw Refusal.of(Refusal.Kind.INVALID, null, faults);
        }
        return sources;
    }

    private static ApiKeyState read(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Credentials.authorities(rs.getString(2)).forEach(a -> roles.add(Role.valueOf(a.getAuthority().substring(5))));
        return new ApiKeyState(rs.getString(1), roles, Credentials.sources(rs.getArray(3)), rs.getString(4),
                instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
