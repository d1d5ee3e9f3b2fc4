package ru.ccbilling.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.refusal.Refusal.Fault;
import ru.ccbilling.refusal.Refusal.Kind;
import ru.ccbilling.refusal.Text;

/**
 * One transition applied to a selection or a range of resources, all or nothing: every resource is tried in one
 * transaction; when any cannot change, the answer names each one and why, and the transaction rolls back.
 */
@Service
public class BulkChange {

    public enum Action { RESERVE, CANCEL_RESERVATION, ASSIGN, RELEASE }

    /** What to do, to which resources (a list, or every resource of a range, in a pool when given). */
    public record Request(Action action, List<String> resources, String from, String to, String pool,
                          String reservedFor, Instant until, String account, LocalDate validFrom, LocalDate date,
                          Integer channels, String reason) { }

    public record Outcome(String resource, ResourceStatus status) { }

    static final int MAX = 10_000;

    private final Inventory inventory;
    private final JdbcClient db;

    BulkChange(Inventory inventory, JdbcClient db) {
        this.inventory = inventory;
        this.db = db;
    }

    @Transactional
    public List<Outcome> apply(Request request, String actor) {
        if (request.action() == null) {
            throw Refusal.invalid("action", "value.required");
        }
        List<String> targets = targets(request);
        List<Outcome> done = new ArrayList<>();
        List<Fault> faults = new ArrayList<>();
        for (String resource : targets) {
            try {
                NetworkResource after = switch (request.action()) {
                    case RESERVE -> inventory.reserve(resource,
                            new Inventory.Reservation(request.reservedFor(), request.until(), request.reason()), actor);
                    case CANCEL_RESERVATION -> inventory.cancelReservation(resource, actor, request.reason());
                    case ASSIGN -> inventory.assign(resource, new Inventory.Assignment(request.account(),
                            request.validFrom(), null, request.channels(), request.reason()), actor);
                    case RELEASE -> inventory.release(resource, request.date(), actor, request.reason());
                };
                done.add(new Outcome(resource, after.status()));
            } catch (Refusal refusal) {
                Text why = (refusal.faults().isEmpty() ? refusal.at(resource).faults().get(0) : refusal.faults().get(0)).reason();
                faults.add(new Fault(resource, why));
            }
        }
        if (!faults.isEmpty()) {
            // nothing is half-applied: the changes made to the others roll back with this refusal
            throw Refusal.of(Kind.CONFLICT, Text.of("inventory.bulkRefused", faults.size(), targets.size()), faults);
        }
        return done;
    }

    private List<String> targets(Request request) {
        boolean listed = request.resources() != null && !request.resources().isEmpty();
        boolean ranged = request.from() != null || request.to() != null;
        if (listed == ranged) {
            throw Refusal.invalid("resources", "inventory.bulkSelection");
        }
        if (listed) {
            if (request.resources().size() > MAX) {
                throw Refusal.invalid("resources", "inventory.bulkTooMany", MAX);
            }
            return request.resources().stream().distinct().toList();
        }
        if (request.from() == null || request.to() == null) {
            throw Refusal.invalid(request.from() == null ? "from" : "to", "value.required");
        }
        if (request.to().compareTo(request.from()) < 0) {
            throw Refusal.invalid("to", "inventory.rangeBackwards");
        }
        List<String> found = db.sql("select resource from network_resource where resource between :from and :to"
                        + " and length(resource) = length(:from) and (cast(:pool as text) is null or pool_code = :pool)"
                        + " order by resource limit :limit")
                .param("from", request.from()).param("to", request.to()).param("pool", request.pool())
                .param("limit", MAX + 1).query(String.class).list();
        if (found.size() > MAX) {
            throw Refusal.invalid("to", "inventory.bulkTooMany", MAX);
        }
        if (found.isEmpty()) {
            throw Refusal.invalid("from", "inventory.rangeEmpty", request.from(), request.to());
        }
        return found;
    }
}
