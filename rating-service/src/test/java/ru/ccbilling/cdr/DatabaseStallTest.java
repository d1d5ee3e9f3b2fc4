package ru.ccbilling.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import ru.ccbilling.RatingServiceApplication;
import ru.ccbilling.testing.TestDatabase;

/**
 * A stalled database does not hang intake: a statement that waits on a lock beyond lock_timeout, or runs beyond
 * statement_timeout, ends in a 503 problem+json with Retry-After within seconds, and the batch is not stored.
 * The timeouts are the application's (application.properties), shortened here so the test is quick.
 */
class DatabaseStallTest {

    private static TestDatabase.Connection db;
    private static ConfigurableApplicationContext app;
    private static int port;

    @BeforeAll
    static void start() {
        db = TestDatabase.newDatabase();
        app = SpringApplication.run(RatingServiceApplication.class, "--spring.profiles.active=demo",
                "--server.port=0", "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--spring.datasource.hikari.data-source-properties.options=-c statement_timeout=3s -c lock_timeout=1s"
                        + " -c idle_in_transaction_session_timeout=60s");
        port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String batch(String id) {
        return """
            {"records":[{"source":"pbx-msk-2","cdrId":"%s","callType":"INBOUND_800","startTime":"2026-03-10T10:15:00+03:00",
             "caller":"79161234567","called":"78005553535","stages":[{"type":"IVR","durationSec":61}]}]}
            """.formatted(id);
    }

    private static HttpResponse<String> post(String id) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cdrs"))
                .header("Content-Type", "application/json").header("X-Api-Key", "demo-api-key")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(batch(id))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Connection other() throws Exception {
        TestDatabase.Connection server = TestDatabase.connection();
        return DriverManager.getConnection(db.url(), server.user(), server.password());
    }

    private static void assertUnavailableWithin(HttpResponse<String> response, long started, long seconds) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(System.nanoTime() - started).isLessThan(Duration.ofSeconds(seconds).toNanos());
    }

    @Test
    void migrationsRunOnConnectionsWithoutTheTimeouts() throws Exception {
        javax.sql.DataSource migrations = app.getBean(org.flywaydb.core.Flyway.class).getConfiguration().getDataSource();
        try (Connection c = migrations.getConnection(); Statement s = c.createStatement()) {
            for (String setting : new String[] {"statement_timeout", "lock_timeout", "idle_in_transaction_session_timeout"}) {
                try (java.sql.ResultSet rs = s.executeQuery("show " + setting)) {
                    rs.next();
                    assertThat(rs.getString(1)).as(setting).isEqualTo("0");
                }
            }
        }
        try (Connection c = app.getBean(javax.sql.DataSource.class).getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("show idle_in_transaction_session_timeout")) {
            rs.next();
            assertThat(rs.getString(1)).as("the pool keeps its own").isEqualTo("1min");
        }
    }

    @Test
    void aLockHeldByAnotherSessionEndsIn503AfterTheLockTimeout() throws Exception {
        try (Connection holder = other(); Statement s = holder.createStatement()) {
            holder.setAutoCommit(false);
            s.execute("lock table cdr_key in access exclusive mode");
            long started = System.nanoTime();
            assertUnavailableWithin(post("locked"), started, 10);
            holder.rollback();
        }
        assertThat(post("locked").statusCode()).isEqualTo(200);
    }

    @Test
    void aStatementRunningTooLongEndsIn503AfterTheStatementTimeout() throws Exception {
        try (Connection admin = other(); Statement s = admin.createStatement()) {
            s.execute("create function slow_claim() returns trigger language plpgsql as"
                    + " 'begin perform pg_sleep(30); return new; end'");
            s.execute("create trigger slow_claim before insert on cdr_key for each row execute function slow_claim()");
            try {
                long started = System.nanoTime();
                assertUnavailableWithin(post("slow"), started, 12);
            } finally {
                s.execute("drop trigger slow_claim on cdr_key");
                s.execute("drop function slow_claim()");
            }
        }
        assertThat(post("slow").statusCode()).isEqualTo(200);
    }
}
