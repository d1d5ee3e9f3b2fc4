package ru.ccbilling.inventory;

/**
 * What a resource is (an 8-800 number, a geographic number, a port, a line, or any countable resource an
 * administrator defines), counted in its unit; a released one stays in Quarantine so many days.
 */
public record ResourceKind(String code, String name, String unit, int quarantineDays, boolean phoneNumber) { }
