package ru.ccbilling.tariff;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import ru.ccbilling.Api;
import ru.ccbilling.RatingServiceApplication;
import ru.ccbilling.changes.ChangeNotifications;
import ru.ccbilling.rating.ReferenceSource;
import ru.ccbilling.testing.TestDatabase;

/**
 * Two instances on one database: a tariff publication or a reference-data change on one is in force on the other
 * within a second or so. The safety poll runs every 60 s here, so only the notification can explain it. The bounds
 * leave room for a loaded machine: 3 s for reference data (measured: a few ms); 5 s for a publication, whose first CDR
 * on the other instance also compiles the new version (measured: 1.0–2.4 s in all on two busy cores).
 */
class TwoInstancesTest {

    private static final Duration BOUND = Duration.ofSeconds(3);
    private static final Duration BOUND_WITH_COMPILATION = Duration.ofSeconds(5);
    private static final String CALL = "2026-09-01T10:00:00+03:00";

    private static TestDatabase.Connection db;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        db = TestDatabase.newDatabase();
        first = start(db);
        second = start(db);
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    private static ConfigurableApplicationContext start(TestDatabase.Connection db) {
        return SpringApplication.run(RatingServiceApplication.class, "--spring.profiles.active=demo", "--server.port=0",
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + (db.password() == null ? "" : db.password()),
                "--ccbilling.changes.safety-poll-interval=60s");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void aPublicationOnOneInstanceIsInForceOnTheOtherWithinASecondOrSo() throws Exception {
        Api a = Api.as(port(first), "manager", "manager");
        Api b = Api.as(port(second), "manager", "manager");
        String before = TariffFixtures.networkAmount(b, CALL);
        String rate = before.equals("3.40") ? "3.50" : "3.40";

        publishMobilePeakRate(a, rate);
        assertThat(TariffFixtures.networkAmount(a, CALL)).as("in force at once where it was published").isEqualTo(rate);

        Duration took = within(() -> TariffFixtures.networkAmount(b, CALL).equals(rate), BOUND_WITH_COMPILATION);
        System.out.println("TwoInstancesTest: publication seen on the other instance after " + took.toMillis() + " ms");
    }

    @Test
    void aReferenceDataChangeOnOneInstanceIsInForceOnTheOtherWithinASecondOrSo() throws Exception {
        String trunk = "TRUNK-NOTIFY-" + System.nanoTime() % 100_000;
        assertThat(Api.as(port(first), "admin", "admin").put("/api/v1/reference/trunks",
                Map.of("trunk", trunk, "description", "a new trunk")).status()).isEqualTo(200);
        assertThat(first.getBean(ReferenceSource.class).current().trunks()).contains(trunk);

        Duration took = within(() -> second.getBean(ReferenceSource.class).current().trunks().contains(trunk), BOUND);
        System.out.println("TwoInstancesTest: reference change seen on the other instance after " + took.toMillis() + " ms");
    }

    @Test
    void theListenerRecoversWhenItsConnectionIsKilledAndStillPropagates() throws Exception {
        ChangeNotifications listener = second.getBean(ChangeNotifications.class);
        awaitTrue(() -> listener.connections() > 0, Duration.ofSeconds(30));
        long before = listener.connections();

        assertThat(killListeners()).as("the listening connections of both instances").isGreaterThanOrEqualTo(2);
        awaitTrue(() -> listener.connections() > before, Duration.ofSeconds(30));

        String trunk = "TRUNK-AFTER-KILL-" + System.nanoTime() % 100_000;
        assertThat(Api.as(port(first), "admin", "admin").put("/api/v1/reference/trunks",
                Map.of("trunk", trunk, "description", "after the listener's connection was killed")).status())
                .isEqualTo(200);
        Duration took = within(() -> second.getBean(ReferenceSource.class).current().trunks().contains(trunk), BOUND);
        System.out.println("TwoInstancesTest: after a reconnect, reference change seen after " + took.toMillis() + " ms");
    }

    private static void publishMobilePeakRate(Api a, String rate) {
        int draft = TariffFixtures.draftFrom(a, TariffFixtures.TARIFF, 1);
        TariffFixtures.put(a, TariffFixtures.TARIFF, draft, "network-minute.dmn", "DMN", TariffFixtures.withMobilePeakRate(
                TariffFixtures.model(a, TariffFixtures.TARIFF, draft, "network-minute.dmn"), rate));
        assertThat(a.post("/api/v1/tariffs/" + TariffFixtures.TARIFF + "/versions/" + draft + "/publish",
                Map.of("effectiveFrom", "2026-08-01T00:00:00+03:00")).status()).isEqualTo(200);
    }

    /** as the test server's own user (a superuser where the tests start the server) */
    private static int killListeners() throws Exception {
        TestDatabase.Connection server = TestDatabase.connection();
        String database = db.url().replaceFirst("^jdbc:postgresql://[^/]+/", "").replaceFirst("\\?.*$", "");
        try (java.sql.Connection admin = DriverManager.getConnection(server.url(), server.user(), server.password());
             Statement statement = admin.createStatement();
             ResultSet killed = statement.executeQuery("select count(*) filter (where pg_terminate_backend(pid))"
                     + " from pg_stat_activity where application_name = 'ccbilling change listener'"
                     + " and datname = '" + database + "'")) {
            killed.next();
            return killed.getInt(1);
        }
    }

    /** waits until the condition holds, at most that long, and answers how long it took */
    private static Duration within(BooleanSupplier condition, Duration bound) throws InterruptedException {
        long started = System.nanoTime();
        awaitTrue(condition, bound);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static void awaitTrue(BooleanSupplier condition, Duration bound) throws InterruptedException {
        long started = System.nanoTime();
        while (!condition.getAsBoolean()) {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("waited for the other instance").isLessThan(bound);
            Thread.sleep(50);
        }
    }
}
