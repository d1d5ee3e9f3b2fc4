package ru.ccbilling.security;

import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A client's legal details (INN, KPP, addresses, delivery of documents, contacts) are for sales, finance and admins.
 * Tariff managers see accounts with their codes, numbers and tariffs only.
 */
public final class LegalDetailsAccess {

    private static final Set<String> MAY_READ = Set.of("ROLE_SALES", "ROLE_FINANCE", "ROLE_ADMIN");

    private LegalDetailsAccess() { }

    public static boolean mayRead() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(MAY_READ::contains);
    }
}
