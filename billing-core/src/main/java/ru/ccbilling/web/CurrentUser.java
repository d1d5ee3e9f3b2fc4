package ru.ccbilling.web;

import java.util.Arrays;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is making the request: for the record (created_by, audit) and for checks per object. */
public final class CurrentUser {

    /**
     * A principal that reaches only its own records and jobs (an API key bound to some sources). The application's
     * security implements it; billing's controllers only ask.
     */
    public interface Confined {
        boolean confined();
    }

    private CurrentUser() { }

    public static String name() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName();
    }

    /** true when the caller holds one of {@code roles} (names without the ROLE_ prefix) */
    public static boolean hasAnyRole(String... roles) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(held -> Arrays.stream(roles).anyMatch(role -> held.equals("ROLE_" + role)));
    }

    /** true for a caller that sees only what it sent and started itself */
    public static boolean isConfined() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Confined principal && principal.confined();
    }
}
