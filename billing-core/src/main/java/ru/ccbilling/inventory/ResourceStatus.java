package ru.ccbilling.inventory;

/**
 * Свободен, Занят, Резерв, Отстойник. Free → Reserved (until a moment) → Free when it expires; Free or Reserved →
 * Busy (held by an account from a date); Busy → Quarantine when released (for the kind's days) → Free.
 */
public enum ResourceStatus {
    FREE, BUSY, RESERVED, QUARANTINE;

    /**
     * The status in force of a {@code network_resource r} on {@code :today} at {@code :now}: the stored status
     * moves on by itself once its dates pass, so a read never shows a stale one, whether the scheduled
     * {@link StatusMaterialiser} has written it back yet or not.
     */
    public static final String SQL = """
            (case r.status
               when 'BUSY' then case when r.held_until is null or r.held_until > :today then 'BUSY'
                                     when r.quarantine_until > :today then 'QUARANTINE' else 'FREE' end
               when 'QUARANTINE' then case when r.quarantine_until > :today then 'QUARANTINE' else 'FREE' end
               when 'RESERVED' then case when r.reserved_until > :now then 'RESERVED' else 'FREE' end
               else r.status end)""";

    /**
     * the rows whose stored status may no longer be in force, as three range scans of the partial indexes
     * network_resource_busy_until, _quarantine_until and _reserved_until: {@code r} of them, by {@code where}
     */
    static String due(String select, String where) {
        String from = " from network_resource r where ";
        return select + from + "r.status = 'BUSY' and r.held_until is not null and r.held_until <= :today" + where
                + " union all " + select + from + "r.status = 'QUARANTINE' and r.quarantine_until <= :today" + where
                + " union all " + select + from + "r.status = 'RESERVED' and r.reserved_until <= :now" + where;
    }
}
