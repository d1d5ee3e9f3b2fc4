package ru.ccbilling.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/** Reads {@code network_resource} rows as they stand now: the stored status moved on by its dates. */
final class ResourceRows {

    static final String COLUMNS = "r.resource, r.kind, r.pool_code, r.category, r.status, r.status_since, r.account_code,"
            + " r.held_from, r.held_until, r.quarantine_until, r.reserved_for, r.reserved_by, r.reserved_reason,"
            + " r.reserved_until";

    private ResourceRows() { }

    /** the row of {@link #COLUMNS}, its status in force on the clock's day (as {@link ResourceStatus#SQL} says) */
    static NetworkResource read(ResultSet rs, Clock clock) throws SQLException {
        LocalDate today = LocalDate.now(clock);
        ResourceStatus stored = ResourceStatus.valueOf(rs.getString(5));
        LocalDate since = rs.getObject(6, LocalDate.class);
        String account = rs.getString(7);
        LocalDate heldFrom = rs.getObject(8, LocalDate.class);
        LocalDate heldUntil = rs.getObject(9, LocalDate.class);
        LocalDate quarantineUntil = rs.getObject(10, LocalDate.class);
        Timestamp until = rs.getTimestamp(14);
        Instant reservedUntil = until == null ? null : until.toInstant();
        ResourceStatus now = stored;
        if (stored == ResourceStatus.BUSY && heldUntil != null && !heldUntil.isAfter(today)) {
            now = quarantineUntil != null && quarantineUntil.isAfter(today) ? ResourceStatus.QUARANTINE : ResourceStatus.FREE;
            since = now == ResourceStatus.QUARANTINE ? heldUntil : quarantineUntil;
        } else if (stored == ResourceStatus.QUARANTINE && !quarantineUntil.isAfter(today)) {
            now = ResourceStatus.FREE;
            since = quarantineUntil;
        } else if (stored == ResourceStatus.RESERVED && !reservedUntil.isAfter(clock.instant())) {
            now = ResourceStatus.FREE;
            since = LocalDate.ofInstant(reservedUntil, clock.getZone());
        }
        boolean free = now == ResourceStatus.FREE;
        boolean reserved = now == ResourceStatus.RESERVED;
        return new NetworkResource(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), now, since,
                free ? null : account, free ? null : heldFrom, free ? null : heldUntil, free ? null : quarantineUntil,
                reserved ? rs.getString(11) : null, reserved ? rs.getString(12) : null,
                reserved ? rs.getString(13) : null, reserved ? reservedUntil : null);
    }
}
