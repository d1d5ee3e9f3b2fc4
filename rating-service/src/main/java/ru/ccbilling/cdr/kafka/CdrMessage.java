package ru.ccbilling.cdr.kafka;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

import ru.ccbilling.refusal.Refusal.Fault;
import ru.ccbilling.refusal.Text;

/**
 * One message of the CDR topic as a record for intake, or the reasons it is none: empty, larger than the limit,
 * not JSON, not a JSON object, or from a source this intake does not take. Messages are read from their bytes here,
 * never by a Kafka deserializer, so that a bad one is one dead letter and never an error that stops the partition.
 * The fields of a readable object are checked by intake itself, as for HTTP. {@code json} reads as the HTTP bodies
 * are read: nothing may follow the value, decimals stay exact.
 */
record CdrMessage(JsonNode record, List<Fault> faults) {

    boolean readable() {
        return record != null;
    }

    static CdrMessage read(ConsumerRecord<String, byte[]> message, ObjectReader json, long maxBytes,
                           Set<String> sources) {
        byte[] bytes = message.value();
        if (bytes == null || bytes.length == 0) {
            return refused("record", Text.of("kafka.message.empty"));
        }
        if (bytes.length > maxBytes) {
            return refused("record", Text.of("kafka.message.tooLarge", maxBytes, bytes.length));
        }
        JsonNode node;
        try {
            node = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            return refused("record", Text.of("kafka.message.notJson", e.getOriginalMessage()));
        } catch (IOException e) {
            return refused("record", Text.of("kafka.message.notJson", e.getMessage()));
        }
        if (node == null || !node.isObject()) {
            return refused("record", Text.of("json.notObject"));
        }
        JsonNode source = node.get("source");
        if (!sources.isEmpty() && source != null && source.isTextual() && !sources.contains(source.asText().trim())) {
            return refused("source", Text.of("kafka.source.notAllowed", source.asText()));
        }
        return new CdrMessage(node, List.of());
    }

    private static CdrMessage refused(String field, Text reason) {
        return new CdrMessage(null, List.of(new Fault(field, reason)));
    }
}
