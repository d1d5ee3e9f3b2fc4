package ru.ccbilling.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;
import ru.ccbilling.job.Job;
import ru.ccbilling.job.Jobs;
import ru.ccbilling.job.TestJob;

/** An API key sends and reads the records of the sources it is bound to, and sees only the jobs it started. */
@PlatformTest
class SourceScopeApiTest {

    /** the demo key is bound to pbx-msk-1 (and the other demo switches), not to other-switch */
    private static final String OWN = "pbx-msk-1";
    private static final String OTHER = "other-switch";

    @LocalServerPort
    int port;
    @Autowired
    Jobs jobs;
    @Autowired
    TestJob testJob;
    @Autowired
    Credentials credentials;

    private static String record(String source, String id) {
        return """
            {"source":"%s","cdrId":"%s","callType":"INBOUND_800","startTime":"2026-03-10T10:15:00+03:00",
             "caller":"79161234567","called":"78005553535","stages":[{"type":"IVR","durationSec":35}]}
            """.formatted(source, id);
    }

    private Api key() {
        return Api.withApiKey(port);
    }

    private Api admin() {
        return Api.as(port, "admin", "admin");
    }

    @Test
    void aBatchNamingAnotherSourceIsRefusedWholeNamingTheField() {
        String id = "scope-" + System.nanoTime();
        Api.Response response = key().post("/api/v1/cdrs", "{\"records\":[" + record(OWN, id) + ","
                + record(OTHER, id) + "]}");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().at("/errors/0/field").asText()).isEqualTo("records[1].source");
        assertThat(response.body().at("/errors/0/message").asText()).isEqualTo("не является источником этого API-ключа");
        assertThat(response.body().get("detail").asText())
                .isEqualTo("записей с источником, к которому этот API-ключ не привязан: 1; ничего не сохранено");
        Api.Response inEnglish = key().inEnglish().post("/api/v1/cdrs", "{\"records\":[" + record(OWN, id) + ","
                + record(OTHER, id) + "]}");
        assertThat(inEnglish.body().at("/errors/0/message").asText()).isEqualTo("is not a source of this API key");
        assertThat(inEnglish.body().get("detail").asText())
                .isEqualTo("1 record(s) name a source this API key is not bound to; nothing was stored");
        assertThat(admin().get("/api/v1/cdrs/" + OWN + "/" + id).status()).as("nothing of the batch is stored").isEqualTo(404);
        assertThat(key().post("/api/v1/cdrs", "{\"records\":[" + record(OWN, id) + "]}").status()).isEqualTo(200);
    }

    @Test
    void anotherSourcesRecordIsNotFoundAndNotListed() {
        String id = "theirs-" + System.nanoTime();
        assertThat(admin().post("/api/v1/cdrs", "{\"records\":[" + record(OTHER, id) + "]}").status()).isEqualTo(200);
        assertThat(admin().get("/api/v1/cdrs/" + OTHER + "/" + id).status()).isEqualTo(200);
        assertThat(key().get("/api/v1/cdrs/" + OTHER + "/" + id).status()).isEqualTo(404);
        assertThat(key().get("/api/v1/cdrs?source=" + OTHER).body().get("total").asLong()).isZero();
        JsonNode mine = key().get("/api/v1/cdrs?size=500").body().get("items");
        mine.forEach(cdr -> assertThat(cdr.get("source").asText()).isIn(OWN, "pbx-msk-2", "pbx-nsk-1", "fs-nsk-1", "e2e"));
        assertThat(key().get("/api/v1/rejects?source=" + OTHER).body().get("total").asLong()).isZero();
    }

    @Test
    void serviceEventsOfAnotherSourceAreRefusedAndNotListed() {
        String event = "{\"events\":[{\"source\":\"%s\",\"eventId\":\"e-" + System.nanoTime()
                + "\",\"service\":\"SMS\",\"account\":\"ACC-1001\",\"time\":\"2026-03-10T10:00:00+03:00\"}]}";
        Api.Response refused = key().post("/api/v1/service-events", event.formatted(OTHER));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().at("/errors/0/field").asText()).isEqualTo("events[0].source");
        assertThat(admin().post("/api/v1/service-events", event.formatted(OTHER)).status()).isEqualTo(200);
        key().get("/api/v1/service-events?size=500").body().get("items")
                .forEach(e -> assertThat(e.get("source").asText()).isNotEqualTo(OTHER));
    }

    @Test
    void anImportUnderAnotherSourceIsRefused() {
        Api.Response response = key().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/cdrs/import?mapping=asterisk-default&source=" + OTHER))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString("a,b,c\n")));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body().at("/errors/0/field").asText()).isEqualTo("source");
    }

    @Test
    void aKeyBoundToNoSourceSendsNothingAndAnAdminsKeyReachesEverySource() {
        credentials.saveApiKey("unbound", "unbound-key", java.util.Set.of(), Role.API_CLIENT);
        credentials.saveApiKey("operations", "operations-key", java.util.Set.of(), Role.API_CLIENT, Role.ADMIN);
        String id = "any-" + System.nanoTime();
        assertThat(withKey("unbound-key").post("/api/v1/cdrs", "{\"records\":[" + record(OWN, id) + "]}").status())
                .isEqualTo(403);
        assertThat(withKey("operations-key").post("/api/v1/cdrs", "{\"records\":[" + record(OTHER, id) + "]}").status())
                .isEqualTo(200);
        assertThat(withKey("operations-key").get("/api/v1/cdrs/" + OTHER + "/" + id).status()).isEqualTo(200);
    }

    private Api withKey(String key) {
        return Api.withApiKey(port, key);
    }

    @Test
    void aKeySeesOnlyTheJobsItStarted() {
        Job others = jobs.runHere(testJob, TestJob.Params.succeeding(), "someone else's job", "admin");
        assertThat(admin().get("/api/v1/jobs/" + others.id()).status()).isEqualTo(200);
        assertThat(key().get("/api/v1/jobs/" + others.id()).status()).isEqualTo(404);
        key().get("/api/v1/jobs?limit=500").body()
                .forEach(job -> assertThat(job.get("startedBy").asText()).isEqualTo("api-key:demo"));
    }

    @Test
    void aFailedJobTellsNoSqlNorException() {
        Job failed = jobs.runHere(testJob, new TestJob.Params("ERROR: duplicate key value violates unique constraint"
                + " \"cdr_key_pkey\" SQL [insert into cdr_key (source, cdr_id) values (?, ?)]"), "a job that fails", "admin");
        JsonNode job = admin().get("/api/v1/jobs/" + failed.id()).body();
        assertThat(job.get("state").asText()).isEqualTo("FAILED");
        assertThat(job.get("error").asText()).doesNotContain("SQL", "insert", "cdr_key", "Exception")
                .contains("журнал сервера").contains(failed.id().toString());
    }
}
