package ru.ccbilling.inventory;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A number, port, line or other countable resource of the call centre's network, as read now: its status in force
 * (derived from the dates at read time, {@link ResourceStatus#SQL}), its holder when Busy (or the last one while in
 * Quarantine), its reservation when Reserved.
 */
public record NetworkResource(String resource, String kind, String pool, String category, ResourceStatus status,
                              LocalDate statusSince, String account, LocalDate heldFrom, LocalDate heldUntil,
                              LocalDate quarantineUntil, String reservedFor, String reservedBy, String reservedReason,
                              Instant reservedUntil) {
}
