package ru.ccbilling.cdr.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;

import ru.ccbilling.PlatformTest;

/** Without ccbilling.kafka.enabled nothing of Kafka exists: no client, template, admin or listener container. */
@PlatformTest
class KafkaIntakeOffTest {

    @Autowired
    ApplicationContext context;

    @Test
    void withoutTheSettingNoKafkaBeanExists() {
        for (Class<?> type : new Class<?>[] {KafkaTemplate.class, ProducerFactory.class, ConsumerFactory.class,
                KafkaAdmin.class, MessageListenerContainer.class, KafkaIntakeSettings.class}) {
            assertThat(context.getBeanNamesForType(type)).as(type.getSimpleName()).isEmpty();
        }
    }
}
