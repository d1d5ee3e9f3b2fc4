package ru.ccbilling;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ru.ccbilling.database.ModuleMigrations;

/** rating-service's migrations, after billing-core's: they may use billing's tables (e.g. an index on job). */
@Configuration(proxyBeanMethods = false)
class RatingServiceMigrations {

    @Bean
    ModuleMigrations ratingMigrations() {
        return new ModuleMigrations("rating-service", "classpath:db/migration/rating", "flyway_history_rating", 200);
    }
}
