package ru.ccbilling.cdr.kafka;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.ccbilling.cdr.CdrIntake;

/**
 * The Kafka intake, only with {@code ccbilling.kafka.enabled=true}: otherwise no Kafka client, template or container
 * exists (Spring Boot's own Kafka auto-configuration is excluded by the application). One listener container of
 * {@code concurrency} consumers in the group {@code group-id}; instances with the same group share the partitions.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "ccbilling.kafka", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(KafkaIntakeSettings.class)
class KafkaIntakeConfiguration {

    static final String CONTAINER = "cdrIntakeContainer";

    @Bean
    ProducerFactory<String, byte[]> cdrIntakeProducers(KafkaIntakeSettings settings) {
        Map<String, Object> config = common(settings);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.putAll(settings.client());
        return new DefaultKafkaProducerFactory<>(config);
    }

    @Bean
    KafkaTemplate<String, byte[]> cdrIntakeTemplate(ProducerFactory<String, byte[]> producers) {
        return new KafkaTemplate<>(producers);
    }

    @Bean(CONTAINER)
    ConcurrentMessageListenerContainer<String, byte[]> cdrIntakeContainer(KafkaIntakeSettings settings,
            CdrIntake intake, KafkaTemplate<String, byte[]> template, ObjectMapper json, JdbcTemplate jdbc) {
        Map<String, Object> config = common(settings);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxBatch());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        // bytes, never a deserializer that can fail: a message that is no CDR is one dead letter (CdrMessage)
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.putAll(settings.client());

        IntakeTopics topics = new IntakeTopics(template, json, settings.outcomesTopic(), settings.deadLetterTopic());
        CdrTopicListener listener = new CdrTopicListener(intake, topics, jdbc, json.reader()
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS),
                settings);
        ContainerProperties properties = new ContainerProperties(settings.topic());
        properties.setGroupId(settings.groupId());
        properties.setAckMode(ContainerProperties.AckMode.MANUAL_IMMEDIATE);
        properties.setMessageListener(listener);
        var container = new ConcurrentMessageListenerContainer<>(new DefaultKafkaConsumerFactory<String, byte[]>(config),
                properties);
        container.setConcurrency(settings.concurrency());
        container.setBeanName(CONTAINER);
        // the listener answers its own failures (nack); should anything still escape it, retry for ever, never skip
        container.setCommonErrorHandler(new DefaultErrorHandler(
                new FixedBackOff(settings.retryInterval().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS)));
        return container;
    }

    /** creates the three topics when they are missing (a broker that is not there yet is only logged) */
    @Bean
    KafkaAdmin cdrIntakeAdmin(KafkaIntakeSettings settings) {
        KafkaAdmin admin = new KafkaAdmin(common(settings));
        admin.setAutoCreate(settings.createTopics());
        return admin;
    }

    @Bean
    KafkaAdmin.NewTopics cdrIntakeTopics(KafkaIntakeSettings settings) {
        return new KafkaAdmin.NewTopics(
                new NewTopic(settings.topic(), settings.partitions(), settings.replicationFactor()),
                new NewTopic(settings.outcomesTopic(), settings.partitions(), settings.replicationFactor()),
                new NewTopic(settings.deadLetterTopic(), 1, settings.replicationFactor()));
    }

    private static Map<String, Object> common(KafkaIntakeSettings settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.putAll(settings.client());
        return config;
    }
}
