package ru.ccbilling.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

class ModuleMigrationRunnerTest {

    private static final ModuleMigrations RATING = new ModuleMigrations("rating", "classpath:db/migration/rating",
            "flyway_history_rating", 200);

    @Test
    void aModuleMigratesOnBootsConnectionsWithItsOwnLocationAndHistory() {
        SimpleDriverDataSource migrationConnections = new SimpleDriverDataSource();
        Configuration boot = Flyway.configure().dataSource(migrationConnections).connectRetries(3);

        Configuration module = ModuleMigrationRunner.flywayOf(RATING, boot).getConfiguration();

        assertThat(module.getDataSource()).isSameAs(migrationConnections);
        assertThat(module.getConnectRetries()).isEqualTo(3);
        assertThat(module.getTable()).isEqualTo("flyway_history_rating");
        assertThat(module.getLocations()).extracting(Object::toString).containsExactly("classpath:db/migration/rating");
    }

    @Test
    void modulesMayNotShareAHistoryNorALocationNorAnOrder() {
        ModuleMigrations billing = BillingCoreMigrations.BILLING_CORE;
        assertThatThrownBy(() -> new ModuleMigrationRunner(List.of(billing, new ModuleMigrations("other",
                "classpath:other", billing.historyTable(), 300)))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new ModuleMigrationRunner(List.of(billing, new ModuleMigrations("other",
                billing.location(), "flyway_history_other", 300)))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new ModuleMigrationRunner(List.of(billing, new ModuleMigrations("other",
                "classpath:other", "flyway_history_other", billing.order())))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new ModuleMigrations("other", "classpath:other", "history; drop table x", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
