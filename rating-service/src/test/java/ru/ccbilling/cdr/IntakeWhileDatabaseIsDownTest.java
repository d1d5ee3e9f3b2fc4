package ru.ccbilling.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import ru.ccbilling.Api;
import ru.ccbilling.RatingServiceApplication;

/**
 * PostgreSQL goes away under a running platform: intake answers 503 problem+json with Retry-After within seconds
 * and stores nothing; when PostgreSQL is back, the same batch is taken and stored, without a restart.
 * Checked on both ways in: an API key (checked against the database before the request goes on) and a signed-in
 * session (which reaches intake itself and fails when it opens its transaction).
 */
class IntakeWhileDatabaseIsDownTest {

    @TempDir
    Path dataDir;

    private static String batch(String source, String id) {
        return """
            {"records":[{"source":"%s","cdrId":"%s","callType":"INBOUND_800","startTime":"2026-03-10T10:15:00+03:00",
             "caller":"79161234567","called":"78005553535","stages":[{"type":"IVR","durationSec":61}]}]}
            """.formatted(source, id);
    }

    private EmbeddedPostgres postgres(int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port).start();
    }

    @Test
    void intakeAnswers503WhileTheDatabaseIsDownAndRecoversByItself() throws Exception {
        int dbPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            dbPort = socket.getLocalPort();
        }
        EmbeddedPostgres postgres = postgres(dbPort);
        try (ConfigurableApplicationContext app = SpringApplication.run(RatingServiceApplication.class,
                "--spring.profiles.active=demo", "--server.port=0",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres",
                "--spring.datasource.username=postgres", "--spring.datasource.password=")) {
            int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            Api apiKey = Api.withApiKey(port);
            Session admin = Session.signIn(port, "admin", "admin");
            assertThat(apiKey.post("/api/v1/cdrs", batch("pbx-msk-1", "before")).status()).isEqualTo(200);

            postgres.close();

            long started = System.nanoTime();
            Api.Response byKey = apiKey.post("/api/v1/cdrs", batch("pbx-msk-1", "during-key"));
            assertThat(byKey.status()).isEqualTo(503);
            assertThat(byKey.contentType()).startsWith("application/problem+json");
            Session.Answer bySession = admin.post("/api/v1/cdrs", batch("pbx-msk-1", "during-session"));
            assertThat(bySession.status()).isEqualTo(503);
            assertThat(bySession.retryAfter()).isEqualTo("5");
            assertThat(bySession.contentType()).startsWith("application/problem+json");
            assertThat(System.nanoTime() - started).as("both answers within seconds").isLessThan(15_000_000_000L);

            postgres = postgres(dbPort);

            // the pool reconnects with a backoff of up to 5 s after a long outage: a client that honours Retry-After
            // (5 s) gets through at its first or second try, without anyone restarting the application
            Api.Response afterRestart = apiKey.post("/api/v1/cdrs", batch("pbx-msk-1", "during-key"));
            for (int tries = 1; afterRestart.status() == 503 && tries < 3; tries++) {
                assertThat(afterRestart.headers().firstValue("Retry-After")).hasValue("5");
                Thread.sleep(5_000);
                afterRestart = apiKey.post("/api/v1/cdrs", batch("pbx-msk-1", "during-key"));
            }
            assertThat(afterRestart.status()).as(afterRestart.raw()).isEqualTo(200);
            JsonNode again = afterRestart.body();
            assertThat(again.get("results").get(0).get("outcome").asText()).isEqualTo("RATED");
            Session.Answer sessionAgain = admin.post("/api/v1/cdrs", batch("pbx-msk-1", "during-session"));
            assertThat(sessionAgain.status()).isEqualTo(200);
            assertThat(Api.json().readTree(sessionAgain.body()).get("results").get(0).get("outcome").asText())
                    .isEqualTo("RATED");
            assertThat(apiKey.get("/api/v1/cdrs?source=pbx-msk-1").body().get("total").asInt()).isEqualTo(3);
        } finally {
            postgres.close();
        }
    }

    /** a signed-in browser session: cookie, CSRF token, no credentials on each request */
    private record Session(HttpClient http, CookieManager cookies, String base) {

        record Answer(int status, String contentType, String retryAfter, String body) { }

        static Session signIn(int port, String user, String password) throws Exception {
            CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
            HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
            String base = "http://127.0.0.1:" + port;
            String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(csrf.find()).isTrue();
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password
                            + "&_csrf=" + csrf.group(1))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(302);
            assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
            Session session = new Session(http, cookies, base);
            session.http.send(session.request("/api/v1/me").build(), HttpResponse.BodyHandlers.ofString());
            return session;
        }

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(base + path)).header("X-Requested-With", "XMLHttpRequest");
        }

        Answer post(String path, String json) throws Exception {
            String token = cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElseThrow();
            HttpResponse<String> response = http.send(request(path).header("Content-Type", "application/json")
                    .header("X-XSRF-TOKEN", token).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null), response.body());
        }
    }
}
