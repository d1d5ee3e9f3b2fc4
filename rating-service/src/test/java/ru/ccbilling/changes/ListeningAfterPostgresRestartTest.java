package ru.ccbilling.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import ru.ccbilling.RatingServiceApplication;
import ru.ccbilling.database.EmbeddedDatabase;
import ru.ccbilling.rating.ReferenceSource;

/**
 * The embedded PostgreSQL is killed under a running instance: once the supervisor has started it again, the
 * listener is back (signed in as the application role, with its password) and a change announced by another writer
 * is reloaded within a second or so.
 */
class ListeningAfterPostgresRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void theListenerReconnectsAfterARestartAndReloadsOnTheNextAnnouncement() throws Exception {
        try (ConfigurableApplicationContext app = SpringApplication.run(RatingServiceApplication.class,
                "--spring.profiles.active=demo", "--server.port=0", "--spring.datasource.url=",
                "--ccbilling.embedded-db.dir=" + dataDir.resolve("postgres"), "--ccbilling.embedded-db.port=0",
                "--ccbilling.changes.safety-poll-interval=60s")) {
            ChangeNotifications changes = app.getBean(ChangeNotifications.class);
            EmbeddedDatabase database = app.getBean(EmbeddedDatabase.class);
            await(() -> changes.connections() == 1, Duration.ofSeconds(30));

            long postmaster = database.pid().orElseThrow();
            ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
            await(() -> changes.connections() == 2, Duration.ofSeconds(60));

            // another instance's change: written and announced in one transaction
            try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                 Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                s.execute("insert into trunk (trunk, description) values ('TRUNK-AFTER-RESTART', 'x')");
                s.execute("select pg_notify('ccbilling_changes', 'reference@another-instance')");
                c.commit();
            }
            long started = System.nanoTime();
            await(() -> app.getBean(ReferenceSource.class).current().trunks().contains("TRUNK-AFTER-RESTART"),
                    Duration.ofSeconds(3));
            System.out.println("ListeningAfterPostgresRestartTest: reloaded after "
                    + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
        }
    }

    private static void await(BooleanSupplier condition, Duration bound) throws InterruptedException {
        long started = System.nanoTime();
        while (!condition.getAsBoolean()) {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("waited").isLessThan(bound);
            Thread.sleep(50);
        }
    }
}
