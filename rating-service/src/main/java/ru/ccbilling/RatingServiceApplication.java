package ru.ccbilling;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The call-centre tariff and billing platform: API, rating engine, tariffs and the admin UI. */
@SpringBootApplication
@EnableScheduling
public class RatingServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(RatingServiceApplication.class, args);
    }
}
