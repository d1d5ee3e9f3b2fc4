package ru.ccbilling.serviceevent.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

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
import ru.ccbilling.security.SourceScope;
import ru.ccbilling.serviceevent.ServiceEventIntake;
import ru.ccbilling.serviceevent.ServiceEvents;
import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.web.Problems;

@RestController
class ServiceEventController implements ServiceEventsApi {

    private final ServiceEventIntake intake;
    private final ServiceEvents events;

    ServiceEventController(ServiceEventIntake intake, ServiceEvents events) {
        this.intake = intake;
        this.events = events;
    }

    @Override
    public ResponseEntity<ServiceEventBatchResult> submitServiceEvents(ServiceEventBatch batch) {
        if (batch.getEvents() == null) {
            throw Refusal.invalid("events", "value.required");
        }
        if (batch.getEvents().size() > 10_000) {
            throw Refusal.invalid("events", "serviceEvent.tooMany", 10_000);
        }
        SourceScope.requireReachable(batch.getEvents(), "events");
        List<ServiceEventOutcome> out = intake.submit(batch.getEvents()).stream().map(ServiceEventController::outcome)
                .toList();
        return ResponseEntity.ok(new ServiceEventBatchResult(out));
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

    private static ServiceEventOutcome outcome(ServiceEventIntake.Outcome o) {
        ServiceEventOutcome out = new ServiceEventOutcome(Outcome.fromValue(o.kind().name())).source(o.source())
                .eventId(o.eventId());
        return switch (o.kind()) {
            case REFUSED -> out.errors(Problems.fieldErrors(o.problems()));
            case DUPLICATE -> out.errors(null);
            case REJECTED -> out.errors(null).reason(RejectReason.fromValue(o.priced().reason().name()));
            case RATED -> out.errors(null).unitPrice(o.priced().unitPrice().toString())
                    .amount(o.priced().amount().toString());
        };
    }
}
