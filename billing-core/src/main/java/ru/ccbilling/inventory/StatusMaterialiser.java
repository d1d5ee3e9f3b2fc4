package ru.ccbilling.inventory;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes back the statuses that moved on by themselves: reservations that ran out become Free, released resources
 * enter Quarantine on their release day and become Free when it ends. Reads never wait for it (they derive the
 * status, {@link ResourceStatus#SQL}); it keeps the stored status, the counts and the journal up to date.
 */
@Component
public class StatusMaterialiser {

    private final JdbcClient db;
    private final Clock clock;

    StatusMaterialiser(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** the number of resources whose status it wrote back */
    @Scheduled(fixedDelayString = "${ccbilling.inventory.materialise-interval:60s}", initialDelayString = "10s")
    @Transactional
    public int materialise() {
        return db.sql("""
                with due as (
                    select r.resource, r.status as was, %s as now_status,
                           case when r.status = 'RESERVED' then (r.reserved_until at time zone 'Europe/Moscow')::date
                                when %s = 'QUARANTINE' then r.held_until
                                else coalesce(r.quarantine_until, r.held_until) end as since
                      from network_resource r
                     where r.resource in (%s)
                       for update of r skip locked
                ), changed as (
                    update network_resource r
                       set status = due.now_status, status_since = coalesce(due.since, :today),
                           account_code = case when due.now_status = 'FREE' then null else r.account_code end,
                           held_from = case when due.now_status = 'FREE' then null else r.held_from end,
                           held_until = case when due.now_status = 'FREE' then null else r.held_until end,
                           quarantine_until = case when due.now_status = 'FREE' then null else r.quarantine_until end,
                           reserved_for = null, reserved_by = null, reserved_reason = null, reserved_until = null
                      from due where r.resource = due.resource
                    returning r.resource, due.was, due.now_status, due.since, due.now_status <> 'FREE' as kept
                )
                insert into resource_event (resource, status, action, valid_from, actor)
                select resource, now_status,
                       case when was = 'RESERVED' then 'RESERVATION_EXPIRED'
                            when now_status = 'QUARANTINE' then 'QUARANTINE_STARTED' else 'QUARANTINE_ENDED' end,
                       coalesce(since, :today), 'system'
                  from changed""".formatted(ResourceStatus.SQL, ResourceStatus.SQL, ResourceStatus.due("select r.resource", "")))
                .param("today", LocalDate.now(clock)).param("now", Timestamp.from(clock.instant())).update();
    }
}
