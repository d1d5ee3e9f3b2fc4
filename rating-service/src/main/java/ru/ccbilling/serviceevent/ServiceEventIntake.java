package ru.ccbilling.serviceevent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.refusal.Refusal.Fault;

/**
 * Takes a batch of service events: each is read, priced and stored, and gets an outcome in the batch's order.
 * An event repeated (same source and eventId) in the batch or already stored is a duplicate; one that cannot be
 * read is refused with its problems. Pricing happens before the one transaction that stores the batch.
 */
@Service
public class ServiceEventIntake {

    /** What became of one submitted event: priced carries the price (RATED) or the reason (REJECTED). */
    public record Outcome(Kind kind, String source, String eventId, List<Fault> problems,
                          ServiceEventPricing.Priced priced) {

        public enum Kind { RATED, REJECTED, DUPLICATE, REFUSED }
    }

    private final ServiceEventPricing pricing;
    private final ServiceEvents events;
    private final TransactionTemplate tx;

    ServiceEventIntake(ServiceEventPricing pricing, ServiceEvents events, TransactionTemplate tx) {
        this.pricing = pricing;
        this.events = events;
        this.tx = tx;
    }

    public List<Outcome> submit(List<JsonNode> batch) {
        Outcome[] out = new Outcome[batch.size()];
        List<ServiceEventPricing.Priced> priced = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < out.length; i++) {
            JsonNode node = batch.get(i);
            ServiceEvent.Read read = ServiceEvent.read(node);
            if (read.event() == null) {
                out[i] = new Outcome(Outcome.Kind.REFUSED, text(node, "source"), text(node, "eventId"), read.problems(),
                        null);
                continue;
            }
            ServiceEvent e = read.event();
            if (!seen.add(key(e))) {
                out[i] = duplicate(e);
                continue;
            }
            priced.add(pricing.price(e));
            positions.add(i);
        }
        Set<String> duplicates = tx.execute(status -> events.store(priced));
        for (int j = 0; j < priced.size(); j++) {
            ServiceEventPricing.Priced p = priced.get(j);
            ServiceEvent e = p.event();
            out[positions.get(j)] = duplicates.contains(key(e)) ? duplicate(e)
                    : new Outcome(p.reason() != null ? Outcome.Kind.REJECTED : Outcome.Kind.RATED, e.source(),
                            e.eventId(), List.of(), p);
        }
        return List.of(out);
    }

    private static String key(ServiceEvent e) {
        return e.source() + '\u0000' + e.eventId();
    }

    private static Outcome duplicate(ServiceEvent e) {
        return new Outcome(Outcome.Kind.DUPLICATE, e.source(), e.eventId(), List.of(), null);
    }

    private static String text(JsonNode node, String field) {
        return node != null && node.isObject() && node.path(field).isTextual() ? node.get(field).asText() : null;
    }
}
