package ru.ccbilling.cdr.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;
import ru.ccbilling.cdr.CdrIntake;
import ru.ccbilling.rating.GeneratedCallsTest;

/**
 * The Kafka intake on an in-JVM KRaft broker, over the whole platform: what the topic brings is stored as what HTTP
 * brings; a failure between the database commit and the offset commit re-delivers and stores nothing twice; a
 * message that is no CDR is a dead letter and the partition goes on.
 */
@PlatformTest
@EmbeddedKafka(kraft = true, partitions = 4, bootstrapServersProperty = "ccbilling.kafka.bootstrap-servers",
        topics = {TestTopics.CDRS, TestTopics.OUTCOMES, TestTopics.DEAD_LETTERS})
@TestPropertySource(properties = {"ccbilling.kafka.enabled=true", "ccbilling.kafka.max-batch=100",
        "ccbilling.kafka.retry-interval=200ms", "ccbilling.kafka.max-record-size=8KB"})
class KafkaIntakeTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    @Qualifier(KafkaIntakeConfiguration.CONTAINER)
    ConcurrentMessageListenerContainer<String, byte[]> container;

    @MockitoSpyBean
    KafkaTemplate<String, byte[]> template;

    @MockitoSpyBean
    CdrIntake intake;

    TestTopics topics;

    @BeforeEach
    void connect() {
        topics = new TestTopics(broker.getBrokersAsString());
    }

    @AfterEach
    void disconnect() {
        topics.close();
    }

    private static List<ObjectNode> calls(String source, int count, long seed) {
        Random random = new Random(seed);
        List<ObjectNode> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode call = i % 4 == 3 ? GeneratedCallsTest.randomServiceCall(random, i)
                    : GeneratedCallsTest.randomCall(random, i);
            records.add(call.put("source", source));
        }
        return records;
    }

    private Api admin() {
        return Api.as(port, "admin", "admin");
    }

    /** the stored records of a source by cdrId, without what differs between two sources of the same calls */
    private Map<String, JsonNode> stored(String source, int expected) {
        JsonNode page = admin().get("/api/v1/cdrs?size=1000&source=" + source).body();
        assertThat(page.get("total").asInt()).as("records stored for " + source).isEqualTo(expected);
        Map<String, JsonNode> byId = new TreeMap<>();
        for (JsonNode cdr : page.get("items")) {
            ObjectNode copy = cdr.deepCopy();
            copy.remove(List.of("source", "receivedAt"));
            ((ObjectNode) copy.get("record")).remove("source");
            byId.put(cdr.get("cdrId").asText(), copy);
        }
        return byId;
    }

    private static Map<String, String> outcomesById(List<ConsumerRecord<String, byte[]>> messages) {
        Map<String, String> byId = new HashMap<>();
        for (ConsumerRecord<String, byte[]> m : messages) {
            JsonNode o = TestTopics.json(m);
            byId.merge(o.get("cdrId").asText(), o.get("outcome").asText() + " " + o.path("total").asText()
                    + " " + o.path("reason").asText(), (a, b) -> a + " | " + b);
        }
        return byId;
    }

    @Test
    void aBatchThroughKafkaIsStoredExactlyAsTheSameBatchThroughHttp() {
        String kafka = "kafka-" + System.nanoTime();
        String http = "http-" + System.nanoTime();
        int n = 300;

        topics.send(calls(kafka, n, 42));
        JsonNode answered = admin().post("/api/v1/cdrs", Map.of("records", calls(http, n, 42))).body().get("results");
        List<ConsumerRecord<String, byte[]>> outcomes = topics.read(TestTopics.OUTCOMES, kafka, n, WAIT);

        Map<String, String> httpOutcomes = new HashMap<>();
        for (JsonNode o : answered) {
            httpOutcomes.put(o.get("cdrId").asText(), o.get("outcome").asText() + " " + o.path("total").asText()
                    + " " + o.path("reason").asText());
        }
        assertThat(outcomesById(outcomes)).as("one outcome per record, the same as HTTP answered")
                .isEqualTo(httpOutcomes);
        assertThat(httpOutcomes.values()).anyMatch(o -> o.startsWith("RATED")).anyMatch(o -> o.startsWith("REJECTED"));
        assertThat(stored(kafka, n)).isEqualTo(stored(http, n));
        assertThat(admin().get("/api/v1/cdrs/" + kafka + "/g0").body().get("record").get("source").asText())
                .isEqualTo(kafka);
    }

    /**
     * A partition interleaves the records of the switches keyed to it; intake stores a batch in chunks by source
     * (fewer report facts per chunk) and answers each message in its own place: the outcomes come out in the order of
     * the messages, each as HTTP answers the same record in the same place, and of two copies the first is stored.
     */
    @Test
    void switchesInterleavedInOnePartitionAreAnsweredInTheirOrderAsHttpAnswers() {
        String key = "mix-" + System.nanoTime();
        int n = 60;
        List<ObjectNode> sent = interleaved(key + "-b", key + "-a", n);
        for (ObjectNode record : sent) {
            topics.send(key, TestTopics.bytes(record));
        }
        topics.flush();
        List<ConsumerRecord<String, byte[]>> outcomes = topics.read(TestTopics.OUTCOMES, key, sent.size(), WAIT);
        JsonNode answered = admin().post("/api/v1/cdrs",
                Map.of("records", interleaved("h" + key + "-b", "h" + key + "-a", n))).body().get("results");

        assertThat(outcomes).hasSize(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            JsonNode o = TestTopics.json(outcomes.get(i));
            assertThat(o.get("source").asText() + "/" + o.get("cdrId").asText()).as("outcome %d", i)
                    .isEqualTo(sent.get(i).get("source").asText() + "/" + sent.get(i).get("cdrId").asText());
            JsonNode h = answered.get(i);
            assertThat(h.get("source").asText() + "/" + h.get("cdrId").asText()).as("HTTP answer %d", i)
                    .isEqualTo("h" + sent.get(i).get("source").asText() + "/" + sent.get(i).get("cdrId").asText());
            assertThat(o.get("outcome").asText() + " " + o.path("total").asText() + " " + o.path("reason").asText())
                    .as("outcome %d as HTTP answered", i)
                    .isEqualTo(h.get("outcome").asText() + " " + h.path("total").asText() + " " + h.path("reason").asText());
        }
        assertThat(TestTopics.json(outcomes.get(sent.size() - 1)).get("outcome").asText()).isEqualTo("DUPLICATE");
        assertThat(TestTopics.json(outcomes.get(7)).get("outcome").asText()).isNotEqualTo("DUPLICATE");
        assertThat(stored(key + "-a", n)).isEqualTo(stored("h" + key + "-a", n));
        assertThat(stored(key + "-b", n)).isEqualTo(stored("h" + key + "-b", n));
    }

    /** the calls of two switches, b's and a's taking turns, then a second copy of a's fourth call */
    private static List<ObjectNode> interleaved(String b, String a, int n) {
        List<ObjectNode> bs = calls(b, n, 5);
        List<ObjectNode> as = calls(a, n, 6);
        List<ObjectNode> mixed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            mixed.add(bs.get(i));
            mixed.add(as.get(i));
        }
        mixed.add(as.get(3).deepCopy());
        return mixed;
    }

    @Test
    void aFailureAfterTheDatabaseCommitAndBeforeTheOffsetCommitRedeliversAndStoresNothingTwice() throws Exception {
        String source = "crash-" + System.nanoTime();
        int n = 250;
        AtomicReference<Thread> stopping = new AtomicReference<>();
        // the first flush of this source's outcomes: the container is told to stop and the flush fails, as a crash
        // after intake committed; the offsets of that batch are not committed
        doAnswer(call -> {
            if (stopping.get() == null) {
                Thread stop = new Thread(container::stop);
                if (stopping.compareAndSet(null, stop)) {
                    stop.start();
                    throw new IllegalStateException("the instance dies before its offsets are committed");
                }
            }
            return call.callRealMethod();
        }).when(template).flush();
        try {
            topics.send(calls(source, n, 7));
            awaitStopped(stopping);
            assertThat(admin().get("/api/v1/cdrs?size=1&source=" + source).body().get("total").asInt())
                    .as("the first batch was committed to the database before the crash").isGreaterThan(0);
        } finally {
            org.mockito.Mockito.reset(template);
            container.start();
        }

        List<ConsumerRecord<String, byte[]>> outcomes = topics.read(TestTopics.OUTCOMES, source,
                found -> outcomesById(found).size() == n && found.stream()
                        .anyMatch(m -> TestTopics.json(m).get("outcome").asText().equals("DUPLICATE")), WAIT);
        Map<String, List<String>> kinds = outcomes.stream().map(TestTopics::json).collect(Collectors.groupingBy(
                o -> o.get("cdrId").asText(), Collectors.mapping(o -> o.get("outcome").asText(), Collectors.toList())));
        assertThat(kinds).hasSize(n);
        kinds.forEach((id, k) -> assertThat(k.stream().filter(x -> !x.equals("DUPLICATE")).count())
                .as("stored at most once: " + id + " " + k).isLessThanOrEqualTo(1));
        assertThat(stored(source, n)).hasSize(n);
        assertThat(stored(source, n)).isEqualTo(stored(reference(source, n), n));
    }

    @Test
    void aFailureToPublishOutcomesFetchesTheBatchAgainAndItComesBackDuplicate() {
        String source = "retry-" + System.nanoTime();
        int n = 50;
        AtomicReference<Boolean> failed = new AtomicReference<>(false);
        doAnswer(call -> {
            if (failed.compareAndSet(false, true)) {
                throw new IllegalStateException("the broker did not take the outcomes");
            }
            return call.callRealMethod();
        }).when(template).flush();
        try {
            topics.send(calls(source, n, 11));
            // the first delivery's outcomes went out before the failure; its batch comes back DUPLICATE
            List<ConsumerRecord<String, byte[]>> outcomes = topics.read(TestTopics.OUTCOMES, source, found ->
                    found.stream().filter(m -> !outcome(m).equals("DUPLICATE")).count() >= n
                            && found.stream().anyMatch(m -> outcome(m).equals("DUPLICATE")), WAIT);
            assertThat(outcomes.stream().filter(m -> !outcome(m).equals("DUPLICATE")).count())
                    .as("each record stored once").isEqualTo(n);
            assertThat(failed.get()).isTrue();
        } finally {
            org.mockito.Mockito.reset(template);
        }
        assertThat(stored(source, n)).hasSize(n);
    }

    private static String outcome(ConsumerRecord<String, byte[]> message) {
        return TestTopics.json(message).get("outcome").asText();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRecordThatMakesIntakeFailOnItsOwnIsADeadLetterAndTheRestOfItsBatchIsStored() {
        String source = "bug-" + System.nanoTime();
        List<ObjectNode> records = calls(source, 9, 13);
        records.add(4, records.get(0).deepCopy().put("cdrId", "boom"));
        // as a bug would: intake throws whenever this record is among those it is given; the database answers
        org.mockito.stubbing.Answer<Object> bug = call -> {
            List<JsonNode> given = call.getArgument(0);
            if (given.stream().anyMatch(r -> r.path("cdrId").asText().equals("boom")
                    && r.path("source").asText().equals(source))) {
                throw new IllegalStateException("a bug met by this record alone");
            }
            return call.callRealMethod();
        };
        // the poll (handed over) and the records taken one by one afterwards
        doAnswer(bug).when(intake).submitReleasing(anyList(), anyInt());
        doAnswer(bug).when(intake).submit(anyList(), anyInt());
        try {
            topics.send(records);
            List<ConsumerRecord<String, byte[]>> letters = topics.read(TestTopics.DEAD_LETTERS, source, 1, WAIT);
            assertThat(TestTopics.json(letters.get(0)).get("cdrId").asText()).isEqualTo("boom");
            assertThat(TestTopics.header(letters.get(0), IntakeTopics.ERRORS))
                    .contains("внутренняя ошибка при её обработке (IllegalStateException)");
            assertThat(outcomesById(topics.read(TestTopics.OUTCOMES, source, 9, WAIT))).hasSize(9)
                    .doesNotContainKey("boom");
        } finally {
            org.mockito.Mockito.reset(intake);
        }
        assertThat(stored(source, 9)).hasSize(9).doesNotContainKey("boom");
    }

    /** the same calls under another source through HTTP: what the crashed source must have stored */
    private String reference(String source, int n) {
        String other = "ref-" + source;
        admin().post("/api/v1/cdrs", Map.of("records", calls(other, n, 7)));
        return other;
    }

    private static void awaitStopped(AtomicReference<Thread> stopping) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (stopping.get() == null) {
            assertThat(System.nanoTime()).as("the crash happened").isLessThan(deadline);
            Thread.sleep(50);
        }
        stopping.get().join(WAIT.toMillis());
    }

    @Test
    void messagesThatAreNoCdrsAreDeadLettersWithTheirErrorsAndTheirBytesAndThePartitionGoesOn() {
        String source = "poison-" + System.nanoTime();
        List<ObjectNode> good = calls(source, 2, 3);
        byte[] notJson = "это не JSON {".getBytes(StandardCharsets.UTF_8);
        byte[] notUtf8 = {(byte) 0xFF, (byte) 0xFE, '{', '}'};
        byte[] array = "[1,2,3]".getBytes(StandardCharsets.UTF_8);
        byte[] trailing = (TestTopics.json(TestTopics.bytes(good.get(0))).toString() + " {}").getBytes(StandardCharsets.UTF_8);
        byte[] oversize = TestTopics.bytes(good.get(0).deepCopy().put("cdrId", "big").put("note", "x".repeat(9000)));
        byte[] unknownType = TestTopics.bytes(good.get(0).deepCopy().put("cdrId", "local").put("callType", "LOCAL"));
        byte[] empty = new byte[0];

        topics.send(source, TestTopics.bytes(good.get(0)));
        for (byte[] poison : List.of(notJson, notUtf8, array, trailing, oversize, unknownType, empty)) {
            topics.send(source, poison);
        }
        topics.send(source, TestTopics.bytes(good.get(1)));
        topics.flush();

        List<ConsumerRecord<String, byte[]>> outcomes = topics.read(TestTopics.OUTCOMES, source, 2, WAIT);
        assertThat(outcomesById(outcomes).keySet()).as("the records before and after the poison are taken")
                .containsExactlyInAnyOrder(good.get(0).get("cdrId").asText(), good.get(1).get("cdrId").asText());

        List<ConsumerRecord<String, byte[]>> letters = topics.read(TestTopics.DEAD_LETTERS, source, 7, WAIT);
        assertThat(letters).extracting(ConsumerRecord::value)
                .containsExactly(notJson, notUtf8, array, trailing, oversize, unknownType, empty);
        List<String> errors = letters.stream().map(m -> TestTopics.header(m, IntakeTopics.ERRORS)).toList();
        assertThat(TestTopics.json(errors.get(0).getBytes(StandardCharsets.UTF_8)).get(0).get("message").asText())
                .startsWith("не является корректным JSON");
        assertThat(errors.get(2)).contains("ожидается объект JSON");
        assertThat(errors.get(3)).contains("не является корректным JSON");
        assertThat(errors.get(4)).contains("сообщение больше 8192 байт");
        JsonNode callType = TestTopics.json(errors.get(5).getBytes(StandardCharsets.UTF_8)).get(0);
        assertThat(callType.get("field").asText()).isEqualTo("callType");
        assertThat(callType.get("message").asText()).startsWith("допустимые значения: INBOUND_800");
        assertThat(errors.get(6)).contains("пустое сообщение");
        assertThat(letters).allSatisfy(m -> {
            assertThat(TestTopics.header(m, IntakeTopics.ORIGINAL_TOPIC)).isEqualTo(TestTopics.CDRS);
            assertThat(TestTopics.header(m, IntakeTopics.ORIGINAL_OFFSET)).isNotBlank();
        });
        assertThat(stored(source, 2)).hasSize(2);
    }
}
