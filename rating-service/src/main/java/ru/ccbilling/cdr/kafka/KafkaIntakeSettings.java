package ru.ccbilling.cdr.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code ccbilling.kafka.*}: the Kafka intake, off unless {@code enabled}. {@code client} passes any other Kafka
 * client setting through as it is (security.protocol, sasl.*, compression.type…) to the consumer and the producer.
 *
 * @param topic          CDRs in, one JSON record per message, keyed by its source
 * @param outcomesTopic  what became of each record (RATED, REJECTED, DUPLICATE), keyed like the input
 * @param deadLetterTopic messages that are not CDRs, with their errors and their original bytes
 * @param maxBatch       records per poll, and so per intake call (max.poll.records); 4000, so that the several
 *                       switches of a partition are stored in chunks of one switch each (BENCHMARKS.md, Kafka intake)
 * @param maxRecordSize  a larger message is dead-lettered unread
 * @param sources        when not empty, the only sources taken from the topic; any other goes to the dead letters
 * @param retryInterval  wait before a batch that failed (the database down) is fetched again from the broker
 * @param partitions     partitions of the topics created when missing (the most instances that share the work)
 */
@ConfigurationProperties("ccbilling.kafka")
public record KafkaIntakeSettings(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("localhost:9092") String bootstrapServers,
        @DefaultValue("ccbilling-intake") String groupId,
        @DefaultValue("ccbilling.cdrs") String topic,
        @DefaultValue("ccbilling.cdr-outcomes") String outcomesTopic,
        @DefaultValue("ccbilling.cdrs.dead-letters") String deadLetterTopic,
        @DefaultValue("1") int concurrency,
        @DefaultValue("4000") int maxBatch,
        @DefaultValue("64KB") DataSize maxRecordSize,
        @DefaultValue List<String> sources,
        @DefaultValue("2s") Duration retryInterval,
        @DefaultValue("true") boolean createTopics,
        @DefaultValue("4") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue Map<String, String> client) {
}
