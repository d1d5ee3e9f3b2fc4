package ru.ccbilling.security;

/** Who may do what: business roles of users, and API_CLIENT for equipment with an API key. */
public enum Role {
    TARIFF_MANAGER, SALES, FINANCE, ADMIN, API_CLIENT, NETWORK_OPS
}
