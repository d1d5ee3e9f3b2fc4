package ru.ccbilling;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The call-centre tariff and billing platform: API, rating engine, tariffs and the admin UI. */
// Kafka clients start only with ccbilling.kafka.enabled (cdr.kafka), never from Spring Boot's defaults
@SpringBootApplication(exclude = KafkaAutoConfiguration.class)
@EnableScheduling
public class RatingServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(RatingServiceApplication.class, args);
    }
}
