package ru.ccbilling.security;

import java.util.function.Supplier;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Drafting, editing, validating and simulating versions of the tariff {@code {code}}: tariff managers and admins on
 * every tariff, sales on client tariffs only, never on the standard one. Decided before the body is read, so a
 * refused request is a 403 whatever it carries.
 */
class ClientTariffsOnly implements AuthorizationManager<RequestAuthorizationContext> {

    private final StandardTariffs tariffs;

    ClientTariffsOnly(StandardTariffs tariffs) {
        this.tariffs = tariffs;
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        Authentication auth = authentication.get();
        if (auth == null || !auth.isAuthenticated()) {
            return new AuthorizationDecision(false);
        }
        if (has(auth, Role.TARIFF_MANAGER) || has(auth, Role.ADMIN)) {
            return new AuthorizationDecision(true);
        }
        String code = context.getVariables().get("code");
        return new AuthorizationDecision(has(auth, Role.SALES) && code != null && !tariffs.isStandard(code));
    }

    private static boolean has(Authentication auth, Role role) {
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(("ROLE_" + role)::equals);
    }
}
