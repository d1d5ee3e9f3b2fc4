package ru.ccbilling.security;

import java.util.Collection;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A signed-in person: Spring's user, and whether the password an administrator set must be changed first. */
public class Person extends User {

    private static final long serialVersionUID = 1L;

    private final boolean mustChangePassword;

    Person(String username, String passwordHash, boolean enabled, Collection<? extends GrantedAuthority> roles,
           boolean mustChangePassword) {
        super(username, passwordHash, enabled, true, true, true, roles);
        this.mustChangePassword = mustChangePassword;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    /** the same standing: enabled, roles and the pending change; a session is refreshed when it differs */
    boolean sameStanding(Person other) {
        return isEnabled() == other.isEnabled() && mustChangePassword == other.mustChangePassword
                && Set.copyOf(getAuthorities()).equals(Set.copyOf(other.getAuthorities()));
    }

    // User's equals and hashCode compare the username only, which is what a session registry wants
    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
