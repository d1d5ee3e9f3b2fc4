package ru.ccbilling.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import ru.ccbilling.Api;
import ru.ccbilling.RatingServiceApplication;
import ru.ccbilling.database.EmbeddedDatabase;

/**
 * The embedded PostgreSQL is killed (SIGKILL of its postmaster) under a running platform: intake answers 503 at
 * once, the supervisor starts the server again on the same data directory and port, and within seconds the same
 * batch is taken, without a restart of the platform.
 */
class IntakeWhileEmbeddedPostgresIsKilledTest {

    @TempDir
    Path dataDir;

    private static String batch(String id) {
        return """
            {"records":[{"source":"killed-pg","cdrId":"%s","callType":"INBOUND_800","startTime":"2026-03-10T10:15:00+03:00",
             "caller":"79161234567","called":"78005553535","stages":[{"type":"IVR","durationSec":61}]}]}
            """.formatted(id);
    }

    @Test
    void intakeAnswers503UntilTheSupervisorHasStartedPostgresAgain() throws Exception {
        try (ConfigurableApplicationContext app = SpringApplication.run(RatingServiceApplication.class,
                "--spring.profiles.active=demo", "--server.port=0", "--spring.datasource.url=",
                "--ccbilling.embedded-db.dir=" + dataDir.resolve("postgres"), "--ccbilling.embedded-db.port=0")) {
            Api api = Api.as(app.getEnvironment().getRequiredProperty("local.server.port", Integer.class), "admin", "admin");
            EmbeddedDatabase database = app.getBean(EmbeddedDatabase.class);
            assertThat(api.post("/api/v1/cdrs", batch("before")).body().get("results").get(0).get("outcome").asText())
                    .isEqualTo("RATED");

            long postmaster = database.pid().orElseThrow();
            ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();

            Api.Response during = api.post("/api/v1/cdrs", batch("during"));
            assertThat(during.status()).isEqualTo(503);
            assertThat(during.contentType()).startsWith("application/problem+json");

            long killed = System.nanoTime();
            Api.Response again = during;
            while (again.status() != 200 && System.nanoTime() - killed < Duration.ofSeconds(30).toNanos()) {
                Thread.sleep(250);
                again = api.post("/api/v1/cdrs", batch("during"));
                assertThat(again.status()).as(again.raw()).isIn(200, 503);
            }
            assertThat(again.status()).as("taken again within 30 s").isEqualTo(200);
            assertThat(again.body().get("results").get(0).get("outcome").asText()).isEqualTo("RATED");
            assertThat(database.pid().orElseThrow()).isNotEqualTo(postmaster);
            assertThat(api.post("/api/v1/cdrs", batch("before")).body().get("results").get(0).get("outcome").asText())
                    .as("what was stored before the kill is still there").isEqualTo("DUPLICATE");
        }
    }
}
