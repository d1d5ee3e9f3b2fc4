package ru.ccbilling.security;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.refusal.Text;

/**
 * What an administrator does to users: create them, set their roles, disable and enable them, reset their
 * passwords. A password an administrator knows (given or made here) must be changed by its user at the next
 * sign-in. The last enabled administrator is never disabled or demoted, or nobody could administer the platform.
 */
@Service
public class UserAdministration {

    /** lower case only: sign-in counts a name however it is spelled, so two spellings must not be two users */
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    /** a password: given by the administrator, or made here and shown once ({@code temporary}) */
    public record Issued(UserState user, Optional<String> temporary) { }

    private final Users users;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final Clock clock;

    UserAdministration(Users users, PasswordEncoder passwords, PasswordPolicy policy, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.policy = policy;
        this.clock = clock;
    }

    public List<UserState> all() {
        return users.all();
    }

    public UserState get(String username) {
        return users.find(username).orElseThrow(() -> Refusal.notFound("user.notFound", username));
    }

    /** a new user who changes the password at first sign-in; without {@code password} a temporary one is made */
    @Transactional
    public Issued create(String username, String password, List<String> roleNames, boolean enabled) {
        return create(username, password, roleNames, enabled, null, null);
    }

    /**
     * A new user; client users (CLIENT, CLIENT_ADMIN) name the account whose client they belong to ({@code client})
     * and have no staff role, staff have no client. {@code email}: optional, one user per address.
     */
    @Transactional
    public Issued create(String username, String password, List<String> roleNames, boolean enabled, String client,
                         String email) {
        checkUsername(username);
        Set<Role> roles = RoleNames.read(roleNames, RoleNames.OF_PEOPLE);
        String clientAccount = clientOf(roles, roleNames, client);
        String address = ClientUsers.email(email, false);
        Optional<String> temporary = password == null ? Optional.of(Secrets.temporaryPassword()) : Optional.empty();
        if (password != null) {
            policy.check(username, password, "password");
        }
        if (address != null && users.byEmail(address).isPresent()) {
            throw Refusal.field(Refusal.Kind.CONFLICT, "email", Text.of("user.email.taken", address));
        }
        UserState user = new UserState(username, roles, enabled, true, clock.instant(), clientAccount, address);
        insert(user, passwords.encode(temporary.orElse(password)));
        return new Issued(user, temporary);
    }

    static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw Refusal.invalid("username", "user.username.pattern");
        }
    }

    void insert(UserState user, String passwordHash) {
        if (!users.insert(user, passwordHash)) {
            throw Refusal.field(Refusal.Kind.CONFLICT, "username", Text.of("user.username.taken", user.username()));
        }
    }

    /** the client account of a client user; 400 naming {@code client} or {@code roles[i]} when roles and client disagree */
    private String clientOf(Set<Role> roles, List<String> roleNames, String client) {
        boolean ofClient = roles.stream().anyMatch(Role::ofClient);
        if (!ofClient) {
            if (client != null && !client.isBlank()) {
                throw Refusal.invalid("client", "user.client.staff");
            }
            return null;
        }
        for (int i = 0; i < roleNames.size(); i++) {
            if (!Role.valueOf(roleNames.get(i)).ofClient()) {
                throw Refusal.invalid("roles[" + i + "]", "user.roles.clientMixed", roleNames.get(i));
            }
        }
        if (client == null || client.isBlank()) {
            throw Refusal.invalid("client", "user.client.required");
        }
        if (!users.accountExists(client)) {
            throw Refusal.invalid("client", "user.client.unknown", client);
        }
        return client;
    }

    /** roles and whether the user may sign in; in force on the user's next request, sessions included */
    @Transactional
    public UserState change(String username, List<String> roleNames, boolean enabled) {
        return change(username, roleNames, enabled, null);
    }

    /** as above; a client user keeps the client unless {@code client} names another */
    @Transactional
    public UserState change(String username, List<String> roleNames, boolean enabled, String client) {
        Set<Role> roles = RoleNames.read(roleNames, RoleNames.OF_PEOPLE);
        List<String> admins = users.lockActiveAdmins();
        UserState before = users.lock(username).orElseThrow(() -> Refusal.notFound("user.notFound", username));
        boolean ofClient = roles.stream().anyMatch(Role::ofClient);
        String clientAccount = clientOf(roles, roleNames, ofClient && (client == null || client.isBlank())
                ? before.client() : client);
        boolean staysAdmin = enabled && roles.contains(Role.ADMIN);
        if (before.activeAdmin() && !staysAdmin && admins.size() <= 1) {
            throw Refusal.conflict("user.lastAdmin");
        }
        users.update(username, roles, enabled, clientAccount);
        return before.with(roles, enabled, before.mustChangePassword(), clientAccount);
    }

    /** a new password the user must change at next sign-in: {@code password}, or a temporary one answered once */
    @Transactional
    public Issued resetPassword(String username, String password) {
        UserState user = users.lock(username).orElseThrow(() -> Refusal.notFound("user.notFound", username));
        if (password != null) {
            policy.check(username, password, "password");
        }
        Optional<String> temporary = password == null ? Optional.of(Secrets.temporaryPassword()) : Optional.empty();
        users.setPassword(username, passwords.encode(temporary.orElse(password)), true);
        return new Issued(user.with(user.roles(), user.enabled(), true, user.client()), temporary);
    }

    /**
     * The signed-in user's own change: the current password proves it is them (false when it is wrong; the caller
     * counts that as a failed sign-in), the new one obeys the policy and differs from the current one.
     */
    @Transactional
    public boolean changeOwnPassword(String username, String current, String newPassword) {
        users.lock(username).orElseThrow(() -> Refusal.notFound("user.notFound", username));
        if (current == null || !passwords.matches(current, users.passwordHash(username))) {
            return false;
        }
        policy.check(username, newPassword, "newPassword");
        if (newPassword.equals(current)) {
            throw Refusal.invalid("newPassword", "password.sameAsCurrent");
        }
        users.setPassword(username, passwords.encode(newPassword), false);
        return true;
    }

    /** the first administrator of an installation without one; false when an enabled administrator exists */
    @Transactional
    public boolean createFirstAdmin(String username, String password) {
        if (!users.lockActiveAdmins().isEmpty()) {
            return false;
        }
        if (users.find(username).isPresent()) {
            users.update(username, Set.of(Role.ADMIN), true);
            users.setPassword(username, passwords.encode(password), true);
            return true;
        }
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("ccbilling.bootstrap-admin.username: " + username
                    + " is not 2-64 of a-z 0-9 . _ - starting with a letter or digit");
        }
        users.insert(new UserState(username, Set.of(Role.ADMIN), true, true, clock.instant()), passwords.encode(password));
        return true;
    }
}
