package ru.ccbilling.cdr.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import ru.ccbilling.cdr.IntakeOutcome;
import ru.ccbilling.refusal.Refusal.Fault;

/**
 * Writes what became of the messages of a batch: an outcome per CDR to the outcomes topic, keyed like its message;
 * a message that is no CDR to the dead-letter topic, its original bytes as the value and its errors (Russian, as
 * everything stored) in the header {@value #ERRORS}. {@link #await} returns once the broker has every one of them,
 * so that the offsets of a batch are committed only after its outcomes are out. Shared by the consumer threads.
 */
class IntakeTopics {

    static final String ERRORS = "ccbilling-errors";
    static final String ORIGINAL_TOPIC = "ccbilling-original-topic";
    static final String ORIGINAL_PARTITION = "ccbilling-original-partition";
    static final String ORIGINAL_OFFSET = "ccbilling-original-offset";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaTemplate<String, byte[]> kafka;
    private final ObjectMapper json;
    private final String outcomes;
    private final String deadLetters;

    IntakeTopics(KafkaTemplate<String, byte[]> kafka, ObjectMapper json, String outcomes, String deadLetters) {
        this.kafka = kafka;
        this.json = json;
        this.outcomes = outcomes;
        this.deadLetters = deadLetters;
    }

    CompletableFuture<?> outcome(ConsumerRecord<String, byte[]> message, IntakeOutcome outcome) {
        return kafka.send(new ProducerRecord<>(outcomes, message.key(), outcomeJson(outcome)));
    }

    /**
     * {@code {"outcome":…,"source":…,"cdrId":…[,"total":"…"][,"reason":"…"]}}, written straight into its bytes (one
     * per record: a tree and its serializer per outcome showed in the intake's profile)
     */
    static byte[] outcomeJson(IntakeOutcome outcome) {
        StringBuilder out = new StringBuilder(112).append("{\"outcome\":\"").append(outcome.kind().name()).append('"');
        field(out, "source", outcome.source());
        field(out, "cdrId", outcome.cdrId());
        if (outcome.total() != null) {
            field(out, "total", outcome.total().toString());
        }
        if (outcome.reason() != null) {
            field(out, "reason", outcome.reason().name());
        }
        return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(",\"").append(name).append("\":");
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, out);
        out.append('"');
    }

    CompletableFuture<?> deadLetter(ConsumerRecord<String, byte[]> message, List<Fault> errors) {
        ArrayNode list = json.createArrayNode();
        errors.forEach(f -> list.addObject().put("field", f.field()).put("message", f.reason().russian()));
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(deadLetters, message.key(), message.value());
        letter.headers().add(ERRORS, bytes(list))
                .add(ORIGINAL_TOPIC, text(message.topic()))
                .add(ORIGINAL_PARTITION, text(String.valueOf(message.partition())))
                .add(ORIGINAL_OFFSET, text(String.valueOf(message.offset())));
        return kafka.send(letter);
    }

    /** waits until the broker has acknowledged every one of {@code sent}; throws if any failed */
    void await(List<CompletableFuture<?>> sent) {
        try {
            kafka.flush();
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while publishing outcomes", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("outcomes or dead letters not acknowledged by the broker", e);
        }
    }

    private byte[] bytes(Object node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
