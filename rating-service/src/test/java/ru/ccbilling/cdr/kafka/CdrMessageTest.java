package ru.ccbilling.cdr.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;

import ru.ccbilling.Api;

/** What of a message is a record for intake, and what is a dead letter before intake sees it. */
class CdrMessageTest {

    private static final ObjectReader JSON = Api.json().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static CdrMessage read(String key, String value, Set<String> sources) {
        return CdrMessage.read(new ConsumerRecord<>("ccbilling.cdrs", 0, 0, key,
                value.getBytes(StandardCharsets.UTF_8)), JSON, 100, sources);
    }

    @Test
    void anObjectIsARecordWhateverItsFieldsIntakeChecksThem() {
        assertThat(read("sw-1", "{\"source\":\"sw-1\",\"callType\":\"LOCAL\"}", Set.of()).readable()).isTrue();
    }

    @Test
    void theRecordsSourceDecidesNotTheKey() {
        // the key only spreads the load over partitions; a record keyed otherwise is taken as its source says
        assertThat(read("other", "{\"source\":\"sw-1\"}", Set.of()).readable()).isTrue();
    }

    @Test
    void withAListOfSourcesAnyOtherSourceIsADeadLetterNamingTheField() {
        CdrMessage refused = read("sw-9", "{\"source\":\"sw-9\"}", Set.of("sw-1", "sw-2"));
        assertThat(refused.readable()).isFalse();
        assertThat(refused.faults()).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("source");
            assertThat(f.reason().russian()).isEqualTo("источник sw-9 не принимается из Kafka (ccbilling.kafka.sources)");
        });
        assertThat(read("sw-1", "{\"source\":\"sw-1\"}", Set.of("sw-1", "sw-2")).readable()).isTrue();
        // a record without a readable source is left to intake, which refuses it naming the field
        assertThat(read("sw-1", "{\"cdrId\":\"1\"}", Set.of("sw-1")).readable()).isTrue();
    }

    @Test
    void aMessageLargerThanTheLimitIsNotRead() {
        CdrMessage refused = read("sw-1", "{\"source\":\"" + "x".repeat(100) + "\"}", Set.of());
        assertThat(refused.faults()).singleElement()
                .satisfies(f -> assertThat(f.reason().russian()).startsWith("сообщение больше 100 байт"));
    }

    @Test
    void somethingAfterTheObjectIsNotJson() {
        assertThat(read("sw-1", "{\"source\":\"sw-1\"} {}", Set.of()).faults()).singleElement()
                .satisfies(f -> assertThat(f.reason().russian()).startsWith("не является корректным JSON"));
    }
}
