package ru.ccbilling.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import ru.ccbilling.refusal.Refusal;

/** Roles as the API names them, read into {@link Role}s: an unknown or misplaced one is a 400 naming {@code roles[i]}. */
final class RoleNames {

    /** the roles of people; API_CLIENT is for keys */
    static final Set<Role> OF_PEOPLE = EnumSet.of(Role.TARIFF_MANAGER, Role.SALES, Role.FINANCE, Role.ADMIN,
            Role.CLIENT, Role.CLIENT_ADMIN, Role.NETWORK_OPS);
    static final Set<Role> OF_KEYS = EnumSet.of(Role.TARIFF_MANAGER, Role.SALES, Role.FINANCE, Role.ADMIN,
            Role.API_CLIENT);

    private RoleNames() { }

    static Set<Role> read(List<String> names, Set<Role> allowed) {
        if (names == null || names.isEmpty()) {
            throw Refusal.invalid("roles", "roles.empty");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Role role = Arrays.stream(Role.values()).filter(r -> r.name().equals(name)).findFirst()
                    .filter(allowed::contains).orElse(null);
            if (role == null) {
                throw Refusal.invalid("roles[" + i + "]", "roles.unknown", name,
                        allowed.stream().map(Role::name).collect(Collectors.joining(", ")));
            }
            roles.add(role);
        }
        return roles;
    }
}
