package ru.ccbilling.cdr.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import ru.ccbilling.Api;
import ru.ccbilling.RatingServiceApplication;
import ru.ccbilling.rating.GeneratedCallsTest;

/**
 * Two instances in one consumer group on one database: they split the partitions of the CDR topic between them and
 * together store every record once; while the database is down they commit nothing and dead-letter nothing, and
 * take everything when it is back. The database is an embedded PostgreSQL of this test, so that it can be stopped.
 */
class KafkaConsumerGroupTest {

    private static final int PARTITIONS = 4;
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    static Path dataDir;

    private static EmbeddedKafkaKraftBroker broker;
    private static EmbeddedPostgres postgres;
    private static int dbPort;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startBrokerAndTwoInstances() throws IOException {
        broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS, TestTopics.CDRS, TestTopics.OUTCOMES, TestTopics.DEAD_LETTERS);
        broker.afterPropertiesSet();
        try (ServerSocket socket = new ServerSocket(0)) {
            dbPort = socket.getLocalPort();
        }
        postgres = postgres();
        first = start();
        second = start();
    }

    private static EmbeddedPostgres postgres() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(dbPort).start();
    }

    @AfterAll
    static void stop() throws IOException {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {second, first}) {
            if (context != null) {
                context.close();
            }
        }
        if (broker != null) {
            broker.destroy();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static ConfigurableApplicationContext start() {
        return SpringApplication.run(RatingServiceApplication.class, "--spring.profiles.active=demo", "--server.port=0",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres",
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--ccbilling.kafka.retry-interval=500ms",
                "--ccbilling.kafka.enabled=true", "--ccbilling.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--ccbilling.kafka.max-batch=200");
    }

    private static Collection<TopicPartition> assigned(ConfigurableApplicationContext context) {
        Collection<TopicPartition> partitions = context.getBean(KafkaIntakeConfiguration.CONTAINER,
                MessageListenerContainer.class).getAssignedPartitions();
        return partitions == null ? List.of() : partitions;
    }

    @Test
    void twoInstancesSplitThePartitionsAndTogetherStoreEveryRecordOnce() throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (assigned(first).isEmpty() || assigned(second).isEmpty()
                || assigned(first).size() + assigned(second).size() != PARTITIONS) {
            assertThat(System.nanoTime()).as("both instances got partitions").isLessThan(deadline);
            Thread.sleep(100);
        }
        Set<Integer> ofFirst = assigned(first).stream().map(TopicPartition::partition).collect(Collectors.toSet());
        Set<Integer> ofSecond = assigned(second).stream().map(TopicPartition::partition).collect(Collectors.toSet());
        assertThat(ofFirst).doesNotContainAnyElementsOf(ofSecond);

        String run = "group-" + System.nanoTime() + "-";
        int sources = 16;
        int perSource = 150;
        Random random = new Random(5);
        List<ObjectNode> records = new ArrayList<>();
        for (int i = 0; i < sources * perSource; i++) {
            records.add(GeneratedCallsTest.randomCall(random, i).put("source", run + (i % sources)));
        }
        try (TestTopics topics = new TestTopics(broker.getBrokersAsString())) {
            topics.send(records);
            List<ConsumerRecord<String, byte[]>> outcomes = topics.read(TestTopics.OUTCOMES, key -> key.startsWith(run),
                    found -> found.size() >= records.size(), WAIT);
            assertThat(outcomes).extracting(m -> TestTopics.json(m).get("outcome").asText())
                    .as("every record stored once, none a duplicate").doesNotContain("DUPLICATE", "REFUSED");
            Set<Integer> used = new HashSet<>();
            outcomes.forEach(m -> used.add(m.partition()));
            assertThat(used).as("records in partitions of both instances")
                    .containsAnyElementsOf(ofFirst).containsAnyElementsOf(ofSecond);
        }
        assertStored(run, sources, perSource);
    }

    private static void assertStored(String run, int sources, int perSource) {
        int port = ((WebServerApplicationContext) first).getWebServer().getPort();
        for (int s = 0; s < sources; s++) {
            assertThat(Api.as(port, "admin", "admin").get("/api/v1/cdrs?size=1&source=" + run + s).body()
                    .get("total").asInt()).as("stored of source " + s).isEqualTo(perSource);
        }
    }

    @Test
    void whileTheDatabaseIsDownNothingIsCommittedOrDeadLetteredAndEverythingIsStoredWhenItIsBack() throws Exception {
        String run = "down-" + System.nanoTime() + "-";
        int sources = 8;
        int perSource = 25;
        Random random = new Random(9);
        List<ObjectNode> records = new ArrayList<>();
        for (int i = 0; i < sources * perSource; i++) {
            records.add(GeneratedCallsTest.randomCall(random, i).put("source", run + (i % sources)));
        }
        try (TestTopics topics = new TestTopics(broker.getBrokersAsString())) {
            postgres.close();
            try {
                topics.send(records);
                Thread.sleep(5_000); // the consumers fetch, fail, find the database gone, wait and fetch again
            } finally {
                postgres = postgres();
            }
            List<ConsumerRecord<String, byte[]>> outcomes = topics.read(TestTopics.OUTCOMES, key -> key.startsWith(run),
                    found -> found.size() >= records.size(), WAIT);
            assertThat(outcomes).extracting(m -> TestTopics.json(m).get("outcome").asText())
                    .as("every record stored once, once the database is back").doesNotContain("DUPLICATE");
            assertThat(topics.readToEnd(TestTopics.DEAD_LETTERS, key -> key.startsWith(run)))
                    .as("nothing dead-lettered because the database was down").isEmpty();
        }
        assertStored(run, sources, perSource);
    }
}
