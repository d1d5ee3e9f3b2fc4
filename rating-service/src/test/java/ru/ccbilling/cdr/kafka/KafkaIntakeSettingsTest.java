package ru.ccbilling.cdr.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** ccbilling.kafka.* as written in application.properties or the environment of docker/compose.yml. */
class KafkaIntakeSettingsTest {

    private static KafkaIntakeSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("ccbilling.kafka", KafkaIntakeSettings.class);
    }

    @Test
    void offWithTheDefaultsOfTheReadme() {
        KafkaIntakeSettings settings = bind(Map.of());
        assertThat(settings.enabled()).isFalse();
        assertThat(settings.topic()).isEqualTo("ccbilling.cdrs");
        assertThat(settings.outcomesTopic()).isEqualTo("ccbilling.cdr-outcomes");
        assertThat(settings.deadLetterTopic()).isEqualTo("ccbilling.cdrs.dead-letters");
        assertThat(settings.maxBatch()).isEqualTo(4000);
        assertThat(settings.maxRecordSize().toBytes()).isEqualTo(64 * 1024);
        assertThat(settings.sources()).isEmpty();
        assertThat(settings.client()).isEmpty();
    }

    @Test
    void clientSettingsPassThroughWithTheirDottedNamesAndSourcesAreAList() {
        KafkaIntakeSettings settings = bind(Map.of("ccbilling.kafka.enabled", "true",
                "ccbilling.kafka.client.security.protocol", "SASL_SSL",
                "ccbilling.kafka.client.sasl.mechanism", "SCRAM-SHA-512",
                "ccbilling.kafka.sources", "pbx-msk-1, pbx-nsk-1",
                "ccbilling.kafka.retry-interval", "500ms"));
        assertThat(settings.client()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat(settings.sources()).containsExactly("pbx-msk-1", "pbx-nsk-1");
        assertThat(settings.retryInterval()).isEqualTo(Duration.ofMillis(500));
    }
}
