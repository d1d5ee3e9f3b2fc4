package ru.ccbilling.security;

import java.time.Instant;
import java.util.Set;

/** An API key as administrators see it: never the secret, only its first characters ({@code hint}). */
public record ApiKeyState(String name, Set<Role> roles, Set<String> sources, String hint, Instant createdAt,
                          Instant lastUsedAt, Instant revokedAt) {

    public ApiKeyState {
        roles = Set.copyOf(roles);
        sources = Set.copyOf(sources);
    }
}
