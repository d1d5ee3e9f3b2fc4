package ru.ccbilling.reference;

/** Published after reference data (prefixes, origins, holidays, operators, trunks, number ranges) changed. */
public record ReferenceChanged(String what) { }
