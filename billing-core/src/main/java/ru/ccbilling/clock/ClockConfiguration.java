package ru.ccbilling.clock;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the platform; tests may replace it. Its zone is Moscow's, as the tariff's time bands, billing
 * months and document dates are: on a server in UTC, 01:30 in Moscow on the 1st is already the new month.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Moscow");

    @Bean
    Clock clock() {
        return Clock.system(BUSINESS_ZONE);
    }
}
