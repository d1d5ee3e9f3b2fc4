package ru.ccbilling.cdr.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.BatchAcknowledgingMessageListener;
import org.springframework.kafka.support.Acknowledgment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

import ru.ccbilling.cdr.CdrIntake;
import ru.ccbilling.cdr.IntakeOutcome;
import ru.ccbilling.rating.CdrReader;
import ru.ccbilling.refusal.Refusal.Fault;
import ru.ccbilling.refusal.Text;

/**
 * Takes a polled batch of the CDR topic through the same {@link CdrIntake} as {@code POST /api/v1/cdrs}: rated,
 * stored once per source + cdrId, rejected records kept for reprocessing. Only after intake has committed and the
 * broker has every outcome and dead letter are the batch's offsets committed; a crash before that re-delivers the
 * batch, and its stored records come back DUPLICATE and change nothing.
 * When intake fails (the database is down) nothing is committed and the batch is fetched again after a pause.
 * When it fails while the database answers, a record itself is the cause: the batch is taken one record at a time
 * and a record that still fails goes to the dead letters, so that it never holds up its partition.
 */
class CdrTopicListener implements BatchAcknowledgingMessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(CdrTopicListener.class);

    private final CdrIntake intake;
    private final IntakeTopics topics;
    private final JdbcTemplate jdbc;
    private final ObjectReader json;
    private final long maxBytes;
    private final Set<String> sources;
    private final Duration retryInterval;

    CdrTopicListener(CdrIntake intake, IntakeTopics topics, JdbcTemplate jdbc, ObjectReader json,
                     KafkaIntakeSettings settings) {
        this.intake = intake;
        this.topics = topics;
        this.jdbc = jdbc;
        this.json = json;
        this.maxBytes = settings.maxRecordSize().toBytes();
        this.sources = Set.copyOf(settings.sources());
        this.retryInterval = settings.retryInterval();
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> batch, Acknowledgment ack) {
        try {
            take(batch);
        } catch (RuntimeException e) {
            log.error("Kafka intake: a batch of {} messages from {} failed and is fetched again in {}: {}",
                    batch.size(), batch.isEmpty() ? "-" : batch.get(0).topic(), retryInterval, e.toString());
            ack.nack(0, retryInterval);
            return;
        }
        ack.acknowledge();
    }

    private void take(List<ConsumerRecord<String, byte[]>> batch) {
        // what each message is: its faults when it is no CDR, null when it is one; the trees go to intake alone
        List<List<Fault>> faults = new ArrayList<>(batch.size());
        List<IntakeOutcome> outcomes = submit(read(batch, faults), batch, faults);
        // outcomes and dead letters in the order of the messages
        List<CompletableFuture<?>> sent = new ArrayList<>(batch.size());
        int next = 0;
        for (int i = 0; i < batch.size(); i++) {
            ConsumerRecord<String, byte[]> message = batch.get(i);
            if (faults.get(i) != null) {
                sent.add(topics.deadLetter(message, faults.get(i)));
                continue;
            }
            IntakeOutcome outcome = outcomes.get(next++);
            sent.add(outcome.kind() == IntakeOutcome.Kind.REFUSED
                    ? topics.deadLetter(message, outcome.errors())
                    : topics.outcome(message, outcome));
        }
        topics.await(sent);
    }

    /** the records of the messages that are CDRs; {@code faults} gets, per message, its faults or null */
    private List<JsonNode> read(List<ConsumerRecord<String, byte[]>> batch, List<List<Fault>> faults) {
        List<JsonNode> records = new ArrayList<>(batch.size());
        for (ConsumerRecord<String, byte[]> message : batch) {
            CdrMessage read = CdrMessage.read(message, json, maxBytes, sources);
            faults.add(read.readable() ? null : read.faults());
            if (read.readable()) {
                records.add(read.record());
            }
        }
        return records;
    }

    /**
     * Intake of the poll's records, handed over ({@link CdrIntake#submitReleasing}: the list is emptied once they are
     * rated, so their trees are not kept while the poll is stored); should it fail while the database answers, the
     * records are read again from their messages and taken one by one
     */
    private List<IntakeOutcome> submit(List<JsonNode> records, List<ConsumerRecord<String, byte[]>> batch,
                                       List<List<Fault>> faults) {
        if (records.isEmpty()) {
            return List.of();
        }
        try {
            // the whole poll in one transaction: stored whole or not at all
            return intake.submitReleasing(records, records.size());
        } catch (RuntimeException e) {
            requireDatabase(e);
            log.warn("Kafka intake: a batch failed while the database answers ({}); taking its records one by one",
                    e.toString());
            List<IntakeOutcome> outcomes = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                if (faults.get(i) == null) {
                    outcomes.add(submitAlone(CdrMessage.read(batch.get(i), json, maxBytes, sources).record()));
                }
            }
            return outcomes;
        }
    }

    private IntakeOutcome submitAlone(JsonNode record) {
        try {
            return intake.submit(List.of(record)).get(0);
        } catch (RuntimeException e) {
            requireDatabase(e);
            log.error("Kafka intake: a record fails on its own and goes to the dead letters", e);
            return new IntakeOutcome(CdrReader.idPart(record, "source"), CdrReader.idPart(record, "cdrId"),
                    IntakeOutcome.Kind.REFUSED, null, null,
                    List.of(new Fault("record", Text.of("kafka.record.failed", e.getClass().getSimpleName()))));
        }
    }

    /** rethrows {@code failure} when the database does not answer: the batch then waits, nothing is dead-lettered */
    private void requireDatabase(RuntimeException failure) {
        try {
            jdbc.queryForObject("select 1", Integer.class);
        } catch (RuntimeException down) {
            failure.addSuppressed(down);
            throw failure;
        }
    }
}
