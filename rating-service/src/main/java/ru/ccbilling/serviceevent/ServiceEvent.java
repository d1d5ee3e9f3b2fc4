package ru.ccbilling.serviceevent;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.refusal.Refusal.Fault;
import ru.ccbilling.rating.JsonFields;

/** A one-time service (разовая услуга): SMS or e-mail messages, or fax pages, sent for an account. */
public record ServiceEvent(String source, String eventId, Service service, String account, OffsetDateTime time,
                           int quantity) {

    public enum Service { SMS, EMAIL, FAX }

    public static final int MAX_QUANTITY = 1_000_000;

    /** Either the event or the problems of its fields. */
    public record Read(ServiceEvent event, List<Fault> problems) { }

    public static Read read(JsonNode node) {
        List<Fault> problems = new ArrayList<>();
        if (node == null || !node.isObject()) {
            return new Read(null, List.of(JsonFields.fault("event", "json.notObject")));
        }
        String source = JsonFields.identifier(node, "source", 64, true, problems);
        String eventId = JsonFields.identifier(node, "eventId", 128, true, problems);
        String serviceName = JsonFields.text(node, "service", 16, true, problems);
        Service service = null;
        if (serviceName != null) {
            try {
                service = Service.valueOf(serviceName);
            } catch (IllegalArgumentException e) {
                problems.add(JsonFields.fault("service", "json.oneOf", "SMS, EMAIL, FAX"));
            }
        }
        String account = JsonFields.identifier(node, "account", 64, true, problems);
        OffsetDateTime time = JsonFields.timestamp(node, "time", problems);
        int quantity = 1;
        JsonNode q = node.get("quantity");
        if (q != null && !q.isNull()) {
            if (!q.isIntegralNumber() || !q.canConvertToInt() || q.intValue() < 1 || q.intValue() > MAX_QUANTITY) {
                problems.add(JsonFields.fault("quantity", "serviceEvent.quantity", MAX_QUANTITY));
            } else {
                quantity = q.intValue();
            }
        }
        if (!problems.isEmpty()) {
            return new Read(null, problems);
        }
        return new Read(new ServiceEvent(source, eventId, service, account, time, quantity), List.of());
    }
}
