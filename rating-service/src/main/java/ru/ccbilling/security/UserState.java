package ru.ccbilling.security;

import java.time.Instant;
import java.util.Set;

/** A user as administrators see it: never the password. */
public record UserState(String username, Set<Role> roles, boolean enabled, boolean mustChangePassword,
                        Instant createdAt) {

    public UserState {
        roles = Set.copyOf(roles);
    }

    boolean activeAdmin() {
        return enabled && roles.contains(Role.ADMIN);
    }
}
