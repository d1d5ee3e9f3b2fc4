package ru.ccbilling.database;

import java.util.Properties;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Migrations run on connections of their own, without the pool's timeouts: a migration may rewrite or index a
 * large table for minutes, which statement_timeout and socketTimeout would cut short. The rest (URL, user,
 * keep-alive, connect timeout) is the pool's. {@code ccbilling.database.migration-options} are server settings
 * for these connections, after the pool's {@code options}.
 */
@Component
class MigrationConnections implements FlywayConfigurationCustomizer {

    private final String options;

    MigrationConnections(@Value("${ccbilling.database.migration-options:-c statement_timeout=0 -c lock_timeout=0"
            + " -c idle_in_transaction_session_timeout=0}") String options) {
        this.options = options;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        if (!(configuration.getDataSource() instanceof HikariDataSource pool) || pool.getJdbcUrl() == null) {
            return;
        }
        Properties properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        properties.setProperty("socketTimeout", "0");
        String poolOptions = properties.getProperty("options", "");
        properties.setProperty("options", (poolOptions + " " + options).trim());
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        configuration.dataSource(new SimpleDriverDataSource(new org.postgresql.Driver(), pool.getJdbcUrl(), properties));
    }
}
