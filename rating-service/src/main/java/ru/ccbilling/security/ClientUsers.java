package ru.ccbilling.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.refusal.Text;

/**
 * What a client's own administrator (CLIENT_ADMIN) does to the people of the client: sees them, disables and
 * enables them, invites colleagues by e-mail. An invitation is a link with a random token (stored hashed), valid
 * for {@code ccbilling.portal.invitation-ttl} and once; whoever opens it chooses a username and a password and
 * becomes a CLIENT (or CLIENT_ADMIN) of the inviter's client. Every query is scoped to the client of the
 * signed-in user in SQL: another client's user is "not found".
 */
@Service
public class ClientUsers {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9.-]{1,190}\\.[A-Za-z]{2,63}");

    /** an invitation as made: the token is in this answer only */
    public record Invited(String token, String email, Role role, String client, Instant expiresAt) { }

    /** what the invitation page shows before it is accepted */
    public record Invitation(String email, Role role, String clientName, Instant expiresAt) { }

    private final Users users;
    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final Clock clock;
    private final Duration ttl;

    ClientUsers(Users users, JdbcTemplate jdbc, PasswordEncoder passwords, PasswordPolicy policy, Clock clock,
                @Value("${ccbilling.portal.invitation-ttl:7d}") Duration ttl) {
        this.users = users;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.policy = policy;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** the account whose client the signed-in client user belongs to */
    public String clientOf(String username) {
        return users.find(username).map(UserState::client)
                .orElseThrow(() -> Refusal.of(Refusal.Kind.FORBIDDEN, Text.of("portal.notClient"), List.of()));
    }

    public List<UserState> colleagues(String me) {
        return users.ofClient(clientOf(me));
    }

    /** disables or enables a user of the same client; one's own account is not switched off this way */
    @Transactional
    public UserState setEnabled(String me, String username, boolean enabled) {
        String client = clientOf(me);
        UserState user = users.lockOfClient(username, client)
                .orElseThrow(() -> Refusal.notFound("user.notFound", username));
        if (user.username().equals(me) && !enabled) {
            throw Refusal.invalid("enabled", "colleague.notYourself");
        }
        users.update(username, user.roles(), enabled, user.client());
        return user.with(user.roles(), enabled, user.mustChangePassword(), user.client());
    }

    @Transactional
    public Invited invite(String me, String email, String roleName) {
        String client = clientOf(me);
        String address = email(email, true);
        Role role = Role.OF_CLIENTS.stream().filter(r -> r.name().equals(roleName == null ? "CLIENT" : roleName))
                .findFirst().orElseThrow(() -> Refusal.invalid("role", "roles.unknown", roleName, "CLIENT, CLIENT_ADMIN"));
        Optional<UserState> holder = users.byEmail(address);
        if (holder.isPresent()) {
            if (holder.get().client() == null || !users.sameClient(client, holder.get().client())) {
                throw Refusal.invalid("email", "invitation.email.otherClient", address);
            }
            throw Refusal.field(Refusal.Kind.CONFLICT, "email", Text.of("user.email.taken", address));
        }
        if (domainOfAnotherClient(client, address)) {
            throw Refusal.invalid("email", "invitation.email.otherClient", address);
        }
        String token = Secrets.invitationToken();
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        jdbc.update("""
                insert into user_invitation (token_hash, email, client_account, role, invited_by, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """, Credentials.sha256(token), address, client, role.name(), me, Timestamp.from(now),
                Timestamp.from(expires));
        return new Invited(token, address, role, client, expires);
    }

    /** the invitation behind a link, if it can still be accepted; 404 unknown, 400 naming {@code token} when spent */
    public Invitation invitation(String token) {
        Pending pending = pending(token, false);
        String clientName = jdbc.queryForObject("select client_name from account where code = ?", String.class,
                pending.client());
        return new Invitation(pending.email(), pending.role(), clientName, pending.expiresAt());
    }

    /** the invited person's new user: chosen name and password, the invitation's client, role and e-mail */
    @Transactional
    public UserState accept(String token, String username, String password) {
        Pending pending = pending(token, true);
        UserAdministration.checkUsername(username);
        policy.check(username, password, "password");
        if (users.byEmail(pending.email()).isPresent()) {
            throw Refusal.field(Refusal.Kind.CONFLICT, "token", Text.of("user.email.taken", pending.email()));
        }
        UserState user = new UserState(username, EnumSet.of(pending.role()), true, false, clock.instant(),
                pending.client(), pending.email());
        if (!users.insert(user, passwords.encode(password))) {
            throw Refusal.field(Refusal.Kind.CONFLICT, "username", Text.of("user.username.taken", username));
        }
        jdbc.update("update user_invitation set accepted_at = ?, username = ? where token_hash = ?",
                Timestamp.from(clock.instant()), username, Credentials.sha256(token));
        return user;
    }

    private record Pending(String email, String client, Role role, Instant expiresAt) { }

    private Pending pending(String token, boolean lock) {
        if (token == null || token.isBlank() || token.length() > 200) {
            throw Refusal.invalid("token", "value.required");
        }
        record Row(String email, String client, String role, Instant expires, boolean accepted) { }
        Row row = jdbc.query("""
                select email, client_account, role, expires_at, accepted_at is not null from user_invitation
                 where token_hash = ?""" + (lock ? " for update" : ""),
                (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        rs.getBoolean(5)), Credentials.sha256(token)).stream().findFirst()
                .orElseThrow(() -> Refusal.notFound("invitation.unknown"));
        if (row.accepted()) {
            throw Refusal.field(Refusal.Kind.CONFLICT, "token", Text.of("invitation.accepted"));
        }
        if (!clock.instant().isBefore(row.expires())) {
            throw Refusal.invalid("token", "invitation.expired");
        }
        return new Pending(row.email(), row.client(), Role.valueOf(row.role()), row.expires());
    }

    /** the address's domain is on another client's e-mails (delivery, contacts, users) and on none of this one's */
    private boolean domainOfAnotherClient(String client, String email) {
        String domain = email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        Set<String> mine = Set.copyOf(clientsOfDomain(domain, client, true));
        return mine.isEmpty() && !clientsOfDomain(domain, client, false).isEmpty();
    }

    private List<String> clientsOfDomain(String domain, String client, boolean same) {
        return jdbc.queryForList("""
                select distinct x.account from (
                    select code as account, delivery_email as email from account
                    union all select account_code, email from account_contact
                    union all select client_account, email from app_user where client_account is not null
                ) x where lower(split_part(x.email, '@', 2)) = ? and x.account %s in (%s)
                """.formatted(same ? "" : "not", Users.SAME_CLIENT), String.class, domain, client);
    }

    /** an e-mail address, trimmed; 400 naming {@code email} when malformed (or absent and required) */
    static String email(String email, boolean required) {
        if (email == null || email.isBlank()) {
            if (required) {
                throw Refusal.invalid("email", "value.required");
            }
            return null;
        }
        String trimmed = email.strip();
        if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
            throw Refusal.invalid("email", "user.email.pattern");
        }
        return trimmed;
    }
}
