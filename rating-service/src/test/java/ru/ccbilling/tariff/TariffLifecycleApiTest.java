package ru.ccbilling.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.ccbilling.tariff.TariffFixtures.TARIFF;
import static ru.ccbilling.tariff.TariffFixtures.draftFrom;
import static ru.ccbilling.tariff.TariffFixtures.model;
import static ru.ccbilling.tariff.TariffFixtures.networkAmount;
import static ru.ccbilling.tariff.TariffFixtures.put;
import static ru.ccbilling.tariff.TariffFixtures.withMobilePeakRate;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;

/**
 * A tariff manager changes a price: draft, edit the decision table, validate, simulate, publish from a date;
 * the next CDR after that date is priced at the new rate, a back-dated one at the old rate, with no restart.
 * (A context of its own, hence a database of its own: publishing here does not touch other tests.)
 */
@PlatformTest
@TestPropertySource(properties = "ccbilling.changes.safety-poll-interval=60s")
class TariffLifecycleApiTest {

    @LocalServerPort
    int port;

    @Test
    void aPriceChangeIsDraftedValidatedSimulatedAndPublishedWithoutRestart() {
        Api manager = Api.as(port, "manager", "manager");
        int draft = draftFrom(manager, TARIFF, 1);
        String table = withMobilePeakRate(model(manager, TARIFF, draft, "network-minute.dmn"), "3.10");
        assertThat(put(manager, TARIFF, draft, "network-minute.dmn", "DMN", table).status()).isEqualTo(200);

        JsonNode validation = manager.post("/api/v1/tariffs/" + TARIFF + "/versions/" + draft + "/validate", "").body();
        assertThat(validation.get("valid").asBoolean()).isTrue();
        assertThat(validation.get("messages").findValuesAsText("severity")).doesNotContain("ERROR");

        JsonNode simulation = manager.post("/api/v1/tariffs/" + TARIFF + "/versions/" + draft + "/simulate",
                "{\"records\":[" + TariffFixtures.mobileCall("s1", "2026-06-02T10:00:00+03:00") + "]}").body();
        assertThat(simulation.get("delta").asText()).isEqualTo("0.20");
        assertThat(simulation.get("changedCount").asInt()).isEqualTo(1);
        assertThat(simulation.get("totals")).anySatisfy(t -> {
            assertThat(t.get("component").asText()).isEqualTo("NETWORK");
            assertThat(t.get("current").asText()).isEqualTo("2.90");
            assertThat(t.get("candidate").asText()).isEqualTo("3.10");
        });

        JsonNode diff = manager.get("/api/v1/tariffs/" + TARIFF + "/versions/" + draft + "/diff").body();
        assertThat(diff.get("from").asInt()).isEqualTo(1);
        JsonNode changedModel = diff.get("models").findParents("model").stream()
                .filter(m -> m.get("model").asText().equals("network-minute.dmn")).findFirst().orElseThrow();
        assertThat(changedModel.get("change").asText()).isEqualTo("CHANGED");
        assertThat(changedModel.get("rows").get(0).get("inputs").toString()).contains("MOBILE", "PEAK");
        assertThat(changedModel.get("rows").get(0).get("before").get(0).asText()).isEqualTo("2.90");
        assertThat(changedModel.get("rows").get(0).get("after").get(0).asText()).isEqualTo("3.10");

        assertThat(networkAmount(manager, "2026-06-02T10:00:00+03:00")).isEqualTo("2.90");
        Api.Response published = manager.post("/api/v1/tariffs/" + TARIFF + "/versions/" + draft + "/publish",
                Map.of("effectiveFrom", "2026-06-01T00:00:00+03:00"));
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.body().get("state").asText()).isEqualTo("PUBLISHED");

        assertThat(networkAmount(manager, "2026-06-02T10:00:00+03:00")).isEqualTo("3.10");
        assertThat(networkAmount(manager, "2026-05-20T10:00:00+03:00")).as("back-dated calls keep the old price")
                .isEqualTo("2.90");
        JsonNode stored = Api.as(port, "admin", "admin").post("/api/v1/cdrs", "{\"records\":["
                + TariffFixtures.mobileCall("after-publish", "2026-06-03T10:00:00+03:00") + "]}").body();
        assertThat(stored.get("results").get(0).get("total").asText()).isEqualTo("3.70");
        assertThat(Api.as(port, "admin", "admin").get("/api/v1/cdrs/tariff-test/after-publish").body().get("tariffVersion").asInt())
                .isEqualTo(draft);

        assertThat(put(manager, TARIFF, draft, "network-minute.dmn", "DMN", table).status())
                .as("a published version is immutable").isEqualTo(409);
        assertThat(manager.get("/api/v1/tariffs/" + TARIFF + "/versions/1").body().get("state").asText())
                .isEqualTo("SUPERSEDED");
        assertThat(manager.get("/api/v1/tariffs/" + TARIFF + "/audit").body().findValuesAsText("action"))
                .contains("CREATED", "CHANGED", "VALIDATED", "PUBLISHED", "SUPERSEDED");
        assertThat(manager.get("/api/v1/tariffs/" + TARIFF + "/audit").body().findValuesAsText("actor")).contains("manager");

        // a rollback publishes the old content as a new version
        int rollback = draftFrom(manager, TARIFF, 1);
        assertThat(manager.post("/api/v1/tariffs/" + TARIFF + "/versions/" + rollback + "/publish",
                Map.of("effectiveFrom", "2026-07-01T00:00:00+03:00")).status()).isEqualTo(200);
        assertThat(networkAmount(manager, "2026-07-02T10:00:00+03:00")).isEqualTo("2.90");
        assertThat(networkAmount(manager, "2026-06-15T10:00:00+03:00")).isEqualTo("3.10");
    }

    @Test
    void brokenModelsAreNamedAndNeverPublished() {
        Api manager = Api.as(port, "manager", "manager");
        String before = networkAmount(manager, "2026-10-06T10:00:00+03:00");
        int draft = draftFrom(manager, TARIFF, 1);
        String drl = model(manager, TARIFF, draft, "call-lines.drl");
        put(manager, TARIFF, draft, "call-lines.drl", "DRL", drl.replace("Call(callType == \"OUTBOUND\", $d : durationSec)",
                "Call(callType == \"OUTBOUND\", $d : durationSec"));
        put(manager, TARIFF, draft, "marking-fee.dmn", "DMN", "<definitions><not-closed");

        JsonNode validation = manager.post("/api/v1/tariffs/" + TARIFF + "/versions/" + draft + "/validate", "").body();
        assertThat(validation.get("valid").asBoolean()).isFalse();
        assertThat(validation.get("messages")).anySatisfy(m -> {
            assertThat(m.get("model").asText()).isEqualTo("call-lines.drl");
            assertThat(m.get("severity").asText()).isEqualTo("ERROR");
            assertThat(m.get("location").asText()).startsWith("line ");
        });
        assertThat(validation.get("messages").findValuesAsText("model")).contains("marking-fee.dmn");

        Api.Response refused = manager.post("/api/v1/tariffs/" + TARIFF + "/versions/" + draft + "/publish",
                Map.of("effectiveFrom", "2026-10-01T00:00:00+03:00"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("errors").findValuesAsText("field")).anyMatch(f -> f.startsWith("call-lines.drl"));
        assertThat(refused.body().get("detail").asText())
                .isEqualTo("версия " + draft + " не компилируется; действующая версия не изменилась");
        Api.Response refusedInEnglish = manager.inEnglish().post("/api/v1/tariffs/" + TARIFF + "/versions/" + draft
                + "/publish", Map.of("effectiveFrom", "2026-10-01T00:00:00+03:00"));
        assertThat(refusedInEnglish.body().get("detail").asText())
                .isEqualTo("version " + draft + " does not compile; the version in force is unchanged");
        // the same faults in the reader's language: the checks' phrases in Russian, the engine's own words quoted
        // after a Russian lead-in; as written (English) for a reader who asked for English
        assertThat(refusedInEnglish.body().get("errors").findValuesAsText("field"))
                .isEqualTo(refused.body().get("errors").findValuesAsText("field"));
        assertThat(refused.body().get("errors").findValuesAsText("message")).anyMatch(m -> m.startsWith("в тарифе нет решения"))
                .anyMatch(m -> m.startsWith(ru.ccbilling.rules.ModelTextsRu.ENGINE))
                .noneMatch(m -> m.startsWith("the tariff") || m.startsWith("not allowed"));
        assertThat(refusedInEnglish.body().get("errors").findValuesAsText("message"))
                .anyMatch(m -> m.startsWith("the tariff defines no decision named"))
                .noneMatch(m -> m.startsWith(ru.ccbilling.rules.ModelTextsRu.ENGINE));
        assertThat(networkAmount(manager, "2026-10-06T10:00:00+03:00")).as("the version in force is untouched")
                .isEqualTo(before);
        assertThat(manager.get("/api/v1/tariffs/" + TARIFF + "/versions/" + draft).body().get("state").asText())
                .isEqualTo("DRAFT");
        Api.Response simulated = manager.post("/api/v1/rating/simulate", "{\"tariff\":\"" + TARIFF + "\",\"tariffVersion\":"
                + draft + ",\"records\":[" + TariffFixtures.mobileCall("x", "2026-10-06T10:00:00+03:00") + "]}");
        assertThat(simulated.status()).as("simulating under a broken draft names its problems").isEqualTo(422);
    }

    @Test
    void badRequestsAreNamed() {
        Api manager = Api.as(port, "manager", "manager");
        assertThat(manager.get("/api/v1/tariffs/NO-SUCH/versions").status()).isEqualTo(404);
        Api.Response missing = manager.get("/api/v1/tariffs/" + TARIFF + "/versions/999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().get("detail").asText()).isEqualTo("у тарифа " + TARIFF + " нет версии 999");
        assertThat(manager.inEnglish().get("/api/v1/tariffs/" + TARIFF + "/versions/999").body().get("detail").asText())
                .isEqualTo("tariff " + TARIFF + " has no version 999");
        int draft = draftFrom(manager, TARIFF, 1);
        Api.Response badDate = manager.post("/api/v1/tariffs/" + TARIFF + "/versions/" + draft + "/publish",
                Map.of("effectiveFrom", "next monday"));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body().get("errors").findValuesAsText("field")).containsExactly("effectiveFrom");
        assertThat(badDate.body().get("errors").get(0).get("message").asText())
                .isEqualTo("ожидается время ISO-8601 со смещением, например 2026-12-01T00:00:00+03:00");
        assertThat(put(manager, TARIFF, draft, "x.dmn", "XLS", "").status()).isEqualTo(400);
        assertThat(Api.as(port, "finance", "finance").post("/api/v1/tariffs/" + TARIFF + "/versions",
                Map.of("basedOn", 1)).status()).as("finance may not draft tariffs").isEqualTo(403);
    }

    @Test
    void aDraftNobodyWillPublishIsDeletedButNeverAPublishedVersion() {
        Api manager = Api.as(port, "manager", "manager");
        int draft = draftFrom(manager, TARIFF, 1);
        // sales may not touch the standard tariff's drafts
        assertThat(Api.as(port, "sales", "sales").send(delete("/api/v1/tariffs/" + TARIFF + "/versions/" + draft)).status())
                .isEqualTo(403);
        assertThat(manager.send(delete("/api/v1/tariffs/" + TARIFF + "/versions/" + draft)).status()).isEqualTo(204);
        assertThat(manager.get("/api/v1/tariffs/" + TARIFF + "/versions/" + draft).status()).isEqualTo(404);
        // the audit keeps it, in Russian, and its number is never given to another version
        JsonNode audit = manager.get("/api/v1/tariffs/" + TARIFF + "/audit").body();
        assertThat(audit.findValuesAsText("detail")).contains("черновик удалён");
        assertThat(draftFrom(manager, TARIFF, 1)).isGreaterThan(draft);

        Api.Response published = manager.send(delete("/api/v1/tariffs/" + TARIFF + "/versions/1"));
        assertThat(published.status()).isEqualTo(409);
        assertThat(manager.get("/api/v1/tariffs/" + TARIFF + "/versions/1").status()).isEqualTo(200);
    }

    private HttpRequest.Builder delete(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).DELETE();
    }

    @Test
    void salesBuildACustomTariffForAClient() {
        Api sales = Api.as(port, "sales", "sales");
        Api.Response created = sales.post("/api/v1/tariffs", Map.of("code", "CC-ROMASHKA-2027", "name", "Ромашка 2027",
                "copyOf", TARIFF, "copyOfVersion", 1));
        assertThat(created.status()).isEqualTo(201);
        String table = withMobilePeakRate(model(sales, "CC-ROMASHKA-2027", 1, "network-minute.dmn"), "2.50");
        put(sales, "CC-ROMASHKA-2027", 1, "network-minute.dmn", "DMN", table);
        JsonNode simulated = sales.post("/api/v1/rating/simulate", "{\"tariff\":\"CC-ROMASHKA-2027\",\"tariffVersion\":1,"
                + "\"records\":[" + TariffFixtures.mobileCall("c", "2026-03-10T10:15:00+03:00") + "]}").body();
        assertThat(simulated.get("results").get(0).get("lines").get(0).get("amount").asText()).isEqualTo("2.50");
        assertThat(sales.post("/api/v1/tariffs", Map.of("code", "CC-ROMASHKA-2027", "name", "again",
                "copyOf", TARIFF, "copyOfVersion", 1)).status()).isEqualTo(409);
    }

    @Test
    void aVersionCannotTakeEffectInsideAClosedBillingPeriod() throws Exception {
        Api finance = Api.as(port, "finance", "finance");
        assertThat(finance.post("/api/v1/periods/2026-02/close", "{}").status()).isEqualTo(202);
        long deadline = System.currentTimeMillis() + 30_000;
        while (!finance.get("/api/v1/periods/2026-02").body().get("state").asText().equals("CLOSED")
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(finance.get("/api/v1/periods/2026-02").body().get("state").asText()).isEqualTo("CLOSED");

        Api manager = Api.as(port, "manager", "manager");
        int draft = draftFrom(manager, TARIFF, 1);
        Api.Response refused = manager.post("/api/v1/tariffs/" + TARIFF + "/versions/" + draft + "/publish",
                Map.of("effectiveFrom", "2026-02-15T00:00:00+03:00"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("errors").findValuesAsText("field")).containsExactly("effectiveFrom");
        assertThat(refused.body().get("detail").asText()).startsWith("дата effectiveFrom 2026-02-15T00:00+03:00 попадает"
                + " в расчётный период 2026-02 в состоянии CLOSED");
        assertThat(manager.get("/api/v1/tariffs/" + TARIFF + "/versions/" + draft).body().get("state").asText())
                .isEqualTo("DRAFT");
    }
}
