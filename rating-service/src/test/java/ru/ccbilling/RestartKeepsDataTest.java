package ru.ccbilling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import ru.ccbilling.cdr.CdrIntake;
import ru.ccbilling.cdr.CdrStore;
import ru.ccbilling.cdr.IntakeOutcome;

/**
 * With no datasource configured the platform runs its own embedded PostgreSQL on a data directory that
 * survives a restart: a stored CDR is still there after the application is stopped and started again.
 */
class RestartKeepsDataTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return SpringApplication.run(RatingServiceApplication.class,
                "--spring.profiles.active=demo", "--server.port=0", "--spring.datasource.url=",
                "--ccbilling.embedded-db.dir=" + dataDir.resolve("postgres"), "--ccbilling.embedded-db.port=0");
    }

    @Test
    void storedCdrsSurviveARestart() throws Exception {
        String record = """
            {"source":"restart","cdrId":"r1","callType":"INBOUND_800","startTime":"2026-03-10T10:15:00+03:00",
             "caller":"79161234567","called":"78005553535","stages":[{"type":"IVR","durationSec":61}]}
            """;
        try (ConfigurableApplicationContext app = start()) {
            List<IntakeOutcome> outcomes = app.getBean(CdrIntake.class).submit(List.of(Api.json().readTree(record)));
            assertThat(outcomes.get(0).kind()).isEqualTo(IntakeOutcome.Kind.RATED);
        }
        assertThat(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION"))).isTrue();
        try (ConfigurableApplicationContext app = start()) {
            assertThat(app.getBean(CdrStore.class).find("restart", "r1")).hasValueSatisfying(c ->
                    assertThat(c.total()).isEqualByComparingTo("6.41"));
            List<IntakeOutcome> again = app.getBean(CdrIntake.class).submit(List.of(Api.json().readTree(record)));
            assertThat(again.get(0).kind()).isEqualTo(IntakeOutcome.Kind.DUPLICATE);
        }
    }
}
