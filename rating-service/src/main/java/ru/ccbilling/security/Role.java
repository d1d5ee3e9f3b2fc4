package ru.ccbilling.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may do what: business roles of the call centre's staff, API_CLIENT for equipment with an API key, and the
 * roles of a client's people in the portal: CLIENT (reads the client's accounts), CLIENT_ADMIN (also invites and
 * disables the client's other users).
 */
public enum Role {
    TARIFF_MANAGER, SALES, FINANCE, ADMIN, API_CLIENT, CLIENT, CLIENT_ADMIN, NETWORK_OPS;

    public static final Set<Role> OF_CLIENTS = EnumSet.of(CLIENT, CLIENT_ADMIN);

    public boolean ofClient() {
        return OF_CLIENTS.contains(this);
    }
}
