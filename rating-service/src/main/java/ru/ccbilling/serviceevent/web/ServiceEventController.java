package ru.ccbilling.serviceevent.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.api.ServiceEventsApi;
import ru.ccbilling.api.model.CdrStatus;
import ru.ccbilling.api.model.Outcome;
import ru.ccbilling.api.model.PricedServiceEvent;
import ru.ccbilling.api.model.RejectReason;
import ru.ccbilling.api.model.ServiceEventBatch;
import ru.ccbilling.api.model.ServiceEventBatchResult;
import ru.ccbilling.api.model.ServiceEventOutcome;
import ru.ccbilling.api.model.ServiceEventPage;
import ru.ccbilling.api.model.ServiceType;
import ru.ccbilling.rating.RatedCdrs;
import ru.ccbilling.security.SourceScope;
import ru.ccbilling.serviceevent.ServiceEvent;
import ru.ccbilling.serviceevent.ServiceEventPricing;
import ru.ccbilling.serviceevent.ServiceEvents;
import ru.ccbilling.web.ApiException;

@RestController
class ServiceEventController implements ServiceEventsApi {

    private final ServiceEventPricing pricing;
    private final ServiceEvents events;
    private final TransactionTemplate tx;

    ServiceEventController(ServiceEventPricing pricing, ServiceEvents events, TransactionTemplate tx) {
        this.pricing = pricing;
        this.events = events;
        this.tx = tx;
    }

    @Override
    public ResponseEntity<ServiceEventBatchResult> submitServiceEvents(ServiceEventBatch batch) {
        if (batch.getEvents() == null) {
            throw ApiException.badField("events", "is required");
        }
        if (batch.getEvents().size() > 10_000) {
            throw ApiException.badField("events", "at most 10000 events per request");
        }
        SourceScope.requireReachable(batch.getEvents(), "events");
        ServiceEventOutcome[] out = new ServiceEventOutcome[batch.getEvents().size()];
        List<ServiceEventPricing.Priced> priced = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < out.length; i++) {
            JsonNode node = batch.getEvents().get(i);
            ServiceEvent.Read read = ServiceEvent.read(node);
            if (read.event() == null) {
                out[i] = new ServiceEventOutcome(Outcome.REFUSED).source(text(node, "source"))
                        .eventId(text(node, "eventId")).errors(RatedCdrs.errors(read.problems()));
                continue;
            }
            ServiceEvent e = read.event();
            if (!seen.add(e.source() + '\u0000' + e.eventId())) {
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
            out[positions.get(j)] = duplicates.contains(e.source() + '\u0000' + e.eventId()) ? duplicate(e)
                    : p.reason() != null
                    ? new ServiceEventOutcome(Outcome.REJECTED).source(e.source()).eventId(e.eventId()).errors(null)
                            .reason(RejectReason.fromValue(p.reason().name()))
                    : new ServiceEventOutcome(Outcome.RATED).source(e.source()).eventId(e.eventId()).errors(null)
                            .unitPrice(p.unitPrice().toString()).amount(p.amount().toString());
        }
        return ResponseEntity.ok(new ServiceEventBatchResult(List.of(out)));
    }

    @Override
    public ResponseEntity<ServiceEventPage> listServiceEvents(String account, Integer page, Integer size) {
        var result = events.list(account, SourceScope.visible(null), page, size);
        return ResponseEntity.ok(new ServiceEventPage(result.items().stream().map(s -> new PricedServiceEvent()
                .source(s.source()).eventId(s.eventId()).service(ServiceType.fromValue(s.service()))
                .account(s.account()).time(s.time()).quantity(s.quantity()).status(CdrStatus.fromValue(s.status()))
                .reason(s.reason() == null ? null : RejectReason.fromValue(s.reason()))
                .unitPrice(s.unitPrice() == null ? null : s.unitPrice().toString())
                .amount(s.amount() == null ? null : s.amount().toString())
                .tariff(s.tariff()).tariffVersion(s.tariffVersion())).toList(), result.total(), page, size));
    }

    private static ServiceEventOutcome duplicate(ServiceEvent e) {
        return new ServiceEventOutcome(Outcome.DUPLICATE).source(e.source()).eventId(e.eventId()).errors(null);
    }

    private static String text(JsonNode node, String field) {
        return node != null && node.isObject() && node.path(field).isTextual() ? node.get(field).asText() : null;
    }
}
