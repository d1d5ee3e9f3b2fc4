package ru.ccbilling.cdr.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;

/** A switch writing CDRs to the topic, and a reader of what the platform wrote back (outcomes, dead letters). */
final class TestTopics implements AutoCloseable {

    static final String CDRS = "ccbilling.cdrs";
    static final String OUTCOMES = "ccbilling.cdr-outcomes";
    static final String DEAD_LETTERS = "ccbilling.cdrs.dead-letters";

    private final String brokers;
    private final KafkaProducer<String, byte[]> producer;

    TestTopics(String brokers) {
        this.brokers = brokers;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.LINGER_MS_CONFIG, 5));
    }

    /** each record keyed by its source, in order */
    void send(List<? extends JsonNode> records) {
        for (JsonNode record : records) {
            send(record.get("source").asText(), bytes(record));
        }
        producer.flush();
    }

    void send(String key, byte[] value) {
        producer.send(new ProducerRecord<>(CDRS, key, value));
    }

    void flush() {
        producer.flush();
    }

    /** the messages of {@code topic} under {@code key}, read from the start until {@code done} says enough */
    List<ConsumerRecord<String, byte[]>> read(String topic, String key, Predicate<List<ConsumerRecord<String, byte[]>>> done,
                                              Duration timeout) {
        return read(topic, key::equals, done, timeout);
    }

    /** the messages of {@code topic} under the keys {@code keys} takes, read from the start until {@code done} */
    List<ConsumerRecord<String, byte[]>> read(String topic, Predicate<String> keys,
                                              Predicate<List<ConsumerRecord<String, byte[]>>> done, Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done.test(found)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("after " + timeout + " only " + found.size() + " messages in " + topic);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() != null && keys.test(r.key())) {
                        found.add(r);
                    }
                }
            }
            return found;
        }
    }

    /** every message of {@code topic} under the keys {@code keys} takes, as far as the topic is written now */
    List<ConsumerRecord<String, byte[]>> readToEnd(String topic, Predicate<String> keys) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() != null && keys.test(r.key())) {
                        found.add(r);
                    }
                }
            }
            return found;
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }

    List<ConsumerRecord<String, byte[]>> read(String topic, String key, int count, Duration timeout) {
        return read(topic, key, found -> found.size() >= count, timeout);
    }

    static JsonNode json(ConsumerRecord<String, byte[]> message) {
        return json(message.value());
    }

    static JsonNode json(byte[] value) {
        try {
            return Api.json().readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String header(ConsumerRecord<String, byte[]> message, String name) {
        Header header = message.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static byte[] bytes(JsonNode record) {
        try {
            return Api.json().writeValueAsBytes(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
