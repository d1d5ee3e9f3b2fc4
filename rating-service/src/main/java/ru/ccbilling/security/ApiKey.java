package ru.ccbilling.security;

import java.security.Principal;
import java.util.Collection;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import ru.ccbilling.web.CurrentUser;

/** An authenticated API key: its name, its roles and the sources (switches) whose records it may send and read. */
public record ApiKey(String name, Set<String> sources, Collection<? extends GrantedAuthority> roles) implements Principal, CurrentUser.Confined {

    public ApiKey {
        sources = Set.copyOf(sources);
    }

    /** the name jobs and audit record, e.g. {@code api-key:demo} */
    @Override
    public String getName() {
        return "api-key:" + name;
    }

    /** a key with the ADMIN role reaches every source; any other key only those it is bound to */
    boolean reachesEverySource() {
        return roles.contains(new SimpleGrantedAuthority("ROLE_" + Role.ADMIN.name()));
    }

    /** a key that does not reach every source sees only its own records and jobs */
    @Override
    public boolean confined() {
        return !reachesEverySource();
    }

    @Override
    public String toString() {
        return getName();
    }
}
