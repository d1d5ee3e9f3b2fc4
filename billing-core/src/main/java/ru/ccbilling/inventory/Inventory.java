package ru.ccbilling.inventory;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.refusal.Refusal.Kind;
import ru.ccbilling.refusal.Text;

/**
 * The status transitions of network resources. A phone number's Busy periods are its {@code account_number} rows
 * (the holdings billing prorates and rating reads by date): assigning a number here and on the account's page is
 * the same {@link #holdNumber}; its row in {@code network_resource} is recomputed from them. Each transition
 * locks the resource's row first, so of two concurrent reservations one wins and the other sees it Reserved.
 */
@Service
public class Inventory {

    /** Reserve for a client or a prospect, until a moment, and why. */
    public record Reservation(String reservedFor, Instant until, String reason) { }

    /** Hold from a day (inclusive) to a day (exclusive, open when null); channels for a virtual-office number. */
    public record Assignment(String account, LocalDate from, LocalDate to, Integer channels, String reason) { }

    private static final Object ANNOUNCED = new Object();

    private final JdbcClient db;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Inventory(JdbcClient db, Clock clock, ApplicationEventPublisher events) {
        this.db = db;
        this.clock = clock;
        this.events = events;
    }

    public Optional<NetworkResource> find(String resource) {
        return db.sql("select " + ResourceRows.COLUMNS + " from network_resource r where r.resource = :r")
                .param("r", resource).query((rs, i) -> ResourceRows.read(rs, clock)).optional();
    }

    /** Free → Reserved. */
    @Transactional
    public NetworkResource reserve(String resource, Reservation reservation, String actor) {
        if (reservation.reservedFor() == null || reservation.reservedFor().isBlank()) {
            throw Refusal.invalid("reservedFor", "value.required");
        }
        if (reservation.until() == null) {
            throw Refusal.invalid("until", "value.required");
        }
        if (!reservation.until().isAfter(clock.instant())) {
            throw Refusal.invalid("until", "inventory.reservationInPast");
        }
        NetworkResource now = lock(resource);
        expect(now, ResourceStatus.FREE);
        db.sql("""
                update network_resource set status = 'RESERVED', status_since = :today, account_code = null,
                       held_from = null, held_until = null, quarantine_until = null, reserved_for = :for,
                       reserved_by = :by, reserved_reason = :why, reserved_until = :until
                 where resource = :r""")
                .param("today", today()).param("for", reservation.reservedFor().trim()).param("by", actor)
                .param("why", reservation.reason()).param("until", Timestamp.from(reservation.until()))
                .param("r", resource).update();
        event(resource, ResourceStatus.RESERVED, "RESERVED", null, reservation.reservedFor().trim(), today(), null,
                reservation.until(), actor, reservation.reason());
        return find(resource).orElseThrow();
    }

    /** Reserved → Free, before the reservation runs out. */
    @Transactional
    public NetworkResource cancelReservation(String resource, String actor, String reason) {
        NetworkResource now = lock(resource);
        expect(now, ResourceStatus.RESERVED);
        db.sql("""
                update network_resource set status = 'FREE', status_since = :today, reserved_for = null,
                       reserved_by = null, reserved_reason = null, reserved_until = null
                 where resource = :r""").param("today", today()).param("r", resource).update();
        event(resource, ResourceStatus.FREE, "RESERVATION_CANCELLED", null, now.reservedFor(), today(), null, null,
                actor, reason);
        return find(resource).orElseThrow();
    }

    /** Free or Reserved → Busy: the account holds the resource from a day. */
    @Transactional
    public NetworkResource assign(String resource, Assignment assignment, String actor) {
        if (assignment.account() == null || assignment.account().isBlank()) {
            throw Refusal.invalid("account", "value.required");
        }
        if (assignment.from() == null) {
            throw Refusal.invalid("validFrom", "value.required");
        }
        if (assignment.to() != null && !assignment.to().isAfter(assignment.from())) {
            throw Refusal.invalid("validTo", "account.validToAfterFrom");
        }
        requireAccount(assignment.account());
        NetworkResource now = lock(resource);
        if (now.status() != ResourceStatus.FREE && now.status() != ResourceStatus.RESERVED) {
            throw refused(now);
        }
        if (now.statusSince() != null && assignment.from().isBefore(now.statusSince())) {
            throw Refusal.invalid("validFrom", "inventory.fromBeforeStatus", now.statusSince());
        }
        ResourceKind kind = kind(now.kind());
        if (kind.phoneNumber()) {
            NumberKind numberKind = NumberKind.valueOf(now.kind());
            if (numberKind == NumberKind.VIRTUAL_OFFICE && assignment.channels() == null) {
                throw Refusal.invalid("channels", "account.channelsRequired");
            }
            if (numberKind == NumberKind.TOLL_FREE_800 && assignment.channels() != null) {
                throw Refusal.invalid("channels", "account.channelsOfVirtualOfficeOnly");
            }
            holdNumber(new Holders.Holding(resource, numberKind, assignment.channels(), assignment.account(),
                    assignment.from(), assignment.to()), actor, assignment.reason());
        } else {
            db.sql("""
                    update network_resource set status = 'BUSY', status_since = :from, account_code = :account,
                           held_from = :from, held_until = :to, quarantine_until = :qEnd, reserved_for = null,
                           reserved_by = null, reserved_reason = null, reserved_until = null
                     where resource = :r""")
                    .param("from", assignment.from()).param("account", assignment.account())
                    .param("to", assignment.to())
                    .param("qEnd", assignment.to() == null ? null : assignment.to().plusDays(kind.quarantineDays()))
                    .param("r", resource).update();
            event(resource, ResourceStatus.BUSY, "ASSIGNED", assignment.account(), null, assignment.from(),
                    assignment.to(), null, actor, assignment.reason());
            announce(resource);
        }
        return find(resource).orElseThrow();
    }

    /** Busy → Quarantine (for the kind's days; Free at once when they are 0) from a day, today when null. */
    @Transactional
    public NetworkResource release(String resource, LocalDate on, String actor, String reason) {
        LocalDate day = on == null ? today() : on;
        NetworkResource now = lock(resource);
        expect(now, ResourceStatus.BUSY);
        if (!day.isAfter(now.heldFrom())) {
            throw Refusal.invalid("date", "inventory.releaseAfterStart", now.heldFrom());
        }
        if (now.heldUntil() != null && day.isAfter(now.heldUntil())) {
            throw Refusal.invalid("date", "inventory.releaseAfterEnd", now.heldUntil());
        }
        ResourceKind kind = kind(now.kind());
        if (kind.phoneNumber()) {
            db.sql("update account_number set valid_to = :on where number = :r and account_code = :a and valid_from = :from")
                    .param("on", day).param("r", resource).param("a", now.account()).param("from", now.heldFrom())
                    .update();
            refreshNumber(resource, kind);
        } else {
            db.sql("update network_resource set held_until = :on, quarantine_until = :qEnd where resource = :r")
                    .param("on", day).param("qEnd", day.plusDays(kind.quarantineDays())).param("r", resource).update();
        }
        LocalDate quarantineEnd = day.plusDays(kind.quarantineDays());
        event(resource, kind.quarantineDays() == 0 ? ResourceStatus.FREE : ResourceStatus.QUARANTINE, "RELEASED",
                now.account(), null, day, kind.quarantineDays() == 0 ? null : quarantineEnd, null, actor, reason);
        announce(resource);
        return find(resource).orElseThrow();
    }

    /**
     * An account holds a number over these days, or the holding that starts that day changes its end or channels:
     * what the account's page records and what {@link #assign} does for a number. Refused when another account
     * holds it on any of these days, or when it is in Quarantine after another account's holding.
     */
    @Transactional
    public void holdNumber(Holders.Holding holding, String actor, String reason) {
        String number = holding.number();
        db.sql("""
                insert into network_resource (resource, kind, status, status_since) values (:r, :kind, 'FREE', :from)
                on conflict (resource) do nothing""")
                .param("r", number).param("kind", holding.kind().name()).param("from", holding.validFrom()).update();
        NetworkResource now = lock(number);
        LocalDate today = today();
        boolean reachesToday = holding.validTo() == null || holding.validTo().isAfter(today);
        if (now.status() == ResourceStatus.QUARANTINE && reachesToday && !holding.account().equals(now.account())) {
            throw refused(now);
        }
        List<Holders.Holding> held = holdings(number);
        for (Holders.Holding other : held) {
            boolean sameRow = other.account().equals(holding.account()) && other.validFrom().equals(holding.validFrom());
            boolean overlap = (other.validTo() == null || holding.validFrom().isBefore(other.validTo()))
                    && (holding.validTo() == null || other.validFrom().isBefore(holding.validTo()));
            if (!sameRow && overlap) {
                throw Refusal.conflict("account.numberTaken", number, other.account());
            }
        }
        db.sql("""
                insert into account_number (account_code, number, valid_from, valid_to, kind, channels)
                values (:account, :number, :from, :to, :kind, :channels)
                on conflict (account_code, number, valid_from) do update
                   set valid_to = excluded.valid_to, kind = excluded.kind, channels = excluded.channels""")
                .param("account", holding.account()).param("number", number).param("from", holding.validFrom())
                .param("to", holding.validTo()).param("kind", holding.kind().name())
                .param("channels", holding.channels()).update();
        refreshNumber(number, kind(now.kind()));
        event(number, ResourceStatus.BUSY, "ASSIGNED", holding.account(), null, holding.validFrom(),
                holding.validTo(), null, actor, reason);
        announce(number);
    }

    /** what the account holds now (Busy) */
    public List<String> heldBy(String account) {
        return db.sql("select r.resource from network_resource r where r.account_code = :a and "
                        + ResourceStatus.SQL + " = 'BUSY' order by r.resource")
                .param("a", account).param("today", today()).param("now", Timestamp.from(clock.instant()))
                .query(String.class).list();
    }

    /** numbers Busy now and the account holding each */
    public Map<String, String> numberHolders() {
        return db.sql("select r.resource, r.account_code from network_resource r join resource_kind k on k.code = r.kind"
                        + " where k.phone_number and " + ResourceStatus.SQL + " = 'BUSY'")
                .param("today", today()).param("now", Timestamp.from(clock.instant()))
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    ResourceKind kind(String code) {
        return db.sql("select code, name, unit, quarantine_days, phone_number from resource_kind where code = :c")
                .param("c", code)
                .query((rs, i) -> new ResourceKind(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getBoolean(5))).optional()
                .orElseThrow(() -> Refusal.field(Kind.INVALID, "kind", Text.of("inventory.unknownKind", code)));
    }

    /** the number's row follows its holdings: Busy in the one in force or to come, else Quarantine after the last */
    private void refreshNumber(String number, ResourceKind kind) {
        LocalDate today = today();
        List<Holders.Holding> held = holdings(number);
        Optional<Holders.Holding> active = held.stream()
                .filter(h -> h.validTo() == null || h.validTo().isAfter(today)).findFirst();
        if (active.isPresent()) {
            Holders.Holding h = active.get();
            setHeld(number, "BUSY", h.validFrom(), h.account(), h, kind);
            return;
        }
        Optional<Holders.Holding> last = held.stream().max(Comparator.comparing(Holders.Holding::validTo));
        if (last.isPresent() && last.get().validTo().plusDays(kind.quarantineDays()).isAfter(today)) {
            setHeld(number, "QUARANTINE", last.get().validTo(), last.get().account(), last.get(), kind);
            return;
        }
        // not held: Reserved while a reservation runs, otherwise Free (since the last quarantine ended)
        db.sql("""
                update network_resource r set status = case when r.status = 'RESERVED' and r.reserved_until > :now
                                                            then 'RESERVED' else 'FREE' end,
                       status_since = case when r.status = 'RESERVED' and r.reserved_until > :now then r.status_since
                                           else coalesce(:freeSince, r.status_since) end,
                       account_code = null, held_from = null, held_until = null, quarantine_until = null
                 where resource = :r""")
                .param("now", Timestamp.from(clock.instant()))
                .param("freeSince", last.map(h -> h.validTo().plusDays(kind.quarantineDays())).orElse(null))
                .param("r", number).update();
    }

    private void setHeld(String number, String status, LocalDate since, String account, Holders.Holding h,
                         ResourceKind kind) {
        db.sql("""
                update network_resource set status = :status, status_since = :since, account_code = :account,
                       held_from = :from, held_until = :to, quarantine_until = :qEnd, reserved_for = null,
                       reserved_by = null, reserved_reason = null, reserved_until = null
                 where resource = :r""")
                .param("status", status).param("since", since).param("account", account)
                .param("from", h.validFrom()).param("to", h.validTo())
                .param("qEnd", h.validTo() == null ? null : h.validTo().plusDays(kind.quarantineDays()))
                .param("r", number).update();
    }

    /** the number's Busy periods (its account_number rows), oldest first */
    public List<Holders.Holding> holdings(String number) {
        return db.sql("select account_code, valid_from, valid_to, kind, channels from account_number"
                        + " where number = :n order by valid_from")
                .param("n", number)
                .query((rs, i) -> new Holders.Holding(number, NumberKind.valueOf(rs.getString(4)),
                        (Integer) rs.getObject(5), rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class))).list();
    }

    /** the resource's row, locked until the transaction ends, as it stands now */
    NetworkResource lock(String resource) {
        db.sql("select resource from network_resource where resource = :r for update").param("r", resource)
                .query(String.class).optional()
                .orElseThrow(() -> Refusal.notFound("inventory.unknownResource", resource));
        return find(resource).orElseThrow();
    }

    private void requireAccount(String account) {
        Boolean exists = db.sql("select exists (select 1 from account where code = :a)").param("a", account)
                .query(Boolean.class).single();
        if (!exists) {
            throw Refusal.field(Kind.UNPROCESSABLE, "account", Text.of("account.unknown", account));
        }
    }

    private static void expect(NetworkResource now, ResourceStatus status) {
        if (now.status() != status) {
            throw refused(now);
        }
    }

    /** 409 naming the status the resource is in, and what may be done from it */
    static Refusal refused(NetworkResource now) {
        Text text = switch (now.status()) {
            case FREE -> Text.of("inventory.isFree", now.resource());
            case BUSY -> Text.of("inventory.isBusy", now.resource(), now.account());
            case RESERVED -> Text.of("inventory.isReserved", now.resource(), now.reservedFor(), now.reservedUntil());
            case QUARANTINE -> Text.of("inventory.isQuarantined", now.resource(), now.quarantineUntil());
        };
        return Refusal.field(Kind.CONFLICT, "status", text);
    }

    private void event(String resource, ResourceStatus status, String action, String account, String reservedFor,
                       LocalDate from, LocalDate to, Instant until, String actor, String reason) {
        db.sql("""
                insert into resource_event (resource, status, action, account_code, reserved_for, valid_from, valid_to,
                                            until, actor, reason)
                values (:r, :status, :action, :account, :for, :from, :to, :until, :actor, :reason)""")
                .param("r", resource).param("status", status.name()).param("action", action)
                .param("account", account).param("for", reservedFor).param("from", from).param("to", to)
                .param("until", until == null ? null : Timestamp.from(until)).param("actor", actor)
                .param("reason", reason).update();
    }

    /** once per transaction: a bulk change of thousands reloads rating's snapshot once */
    private void announce(String resource) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            if (TransactionSynchronizationManager.hasResource(ANNOUNCED)) {
                return;
            }
            TransactionSynchronizationManager.bindResource(ANNOUNCED, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ANNOUNCED);
                }
            });
        }
        events.publishEvent(new HoldingsChanged(resource));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
