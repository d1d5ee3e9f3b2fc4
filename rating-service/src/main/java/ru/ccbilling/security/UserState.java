package ru.ccbilling.security;

import java.time.Instant;
import java.util.Set;

/**
 * A user as administrators see it: never the password. {@code client}: the account whose client a client user
 * (CLIENT, CLIENT_ADMIN) belongs to, null for staff; {@code email}: where invitations and notifications go.
 */
public record UserState(String username, Set<Role> roles, boolean enabled, boolean mustChangePassword,
                        Instant createdAt, String client, String email) {

    public UserState {
        roles = Set.copyOf(roles);
    }

    UserState(String username, Set<Role> roles, boolean enabled, boolean mustChangePassword, Instant createdAt) {
        this(username, roles, enabled, mustChangePassword, createdAt, null, null);
    }

    UserState with(Set<Role> newRoles, boolean nowEnabled, boolean mustChange, String newClient) {
        return new UserState(username, newRoles, nowEnabled, mustChange, createdAt, newClient, email);
    }

    boolean activeAdmin() {
        return enabled && roles.contains(Role.ADMIN);
    }
}
