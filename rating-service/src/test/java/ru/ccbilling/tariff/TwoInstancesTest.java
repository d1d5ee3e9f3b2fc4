package ru.ccbilling.tariff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import ru.ccbilling.Api;
import ru.ccbilling.RatingServiceApplication;
import ru.ccbilling.testing.TestDatabase;

/** Two instances on one database: a tariff published on one is in force on the other within seconds. */
class TwoInstancesTest {

    private static ConfigurableApplicationContext start(TestDatabase.Connection db) {
        return SpringApplication.run(RatingServiceApplication.class, "--spring.profiles.active=demo", "--server.port=0",
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + (db.password() == null ? "" : db.password()),
                "--ccbilling.reference.refresh-interval=1s");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void aPublicationOnOneInstanceIsInForceOnTheOtherWithinSeconds() throws Exception {
        TestDatabase.Connection db = TestDatabase.newDatabase();
        try (ConfigurableApplicationContext first = start(db); ConfigurableApplicationContext second = start(db)) {
            Api a = Api.as(port(first), "manager", "manager");
            Api b = Api.as(port(second), "manager", "manager");
            String call = "2026-09-01T10:00:00+03:00";
            assertThat(TariffFixtures.networkAmount(b, call)).isEqualTo("2.90");

            int draft = TariffFixtures.draftFrom(a, TariffFixtures.TARIFF, 1);
            TariffFixtures.put(a, TariffFixtures.TARIFF, draft, "network-minute.dmn", "DMN", TariffFixtures.withMobilePeakRate(
                    TariffFixtures.model(a, TariffFixtures.TARIFF, draft, "network-minute.dmn"), "3.40"));
            assertThat(a.post("/api/v1/tariffs/" + TariffFixtures.TARIFF + "/versions/" + draft + "/publish",
                    Map.of("effectiveFrom", "2026-08-01T00:00:00+03:00")).status()).isEqualTo(200);
            assertThat(TariffFixtures.networkAmount(a, call)).as("in force at once where it was published").isEqualTo("3.40");

            long started = System.nanoTime();
            String seen = TariffFixtures.networkAmount(b, call);
            while (!seen.equals("3.40") && System.nanoTime() - started < Duration.ofSeconds(15).toNanos()) {
                Thread.sleep(200);
                seen = TariffFixtures.networkAmount(b, call);
            }
            assertThat(seen).as("the other instance picked the publication up").isEqualTo("3.40");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        }
    }
}
