package ru.ccbilling.inventory;

/** A number changed hands (assigned or released): whoever caches who holds what reloads. */
public record HoldingsChanged(String resource) { }
