package ru.ccbilling.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;

/**
 * The golden cases of the reference tariff through the real HTTP API: simulated, then submitted and read back,
 * with identical totals and lines.
 */
@PlatformTest
class GoldenCasesApiTest {

    @LocalServerPort
    int port;

    static List<JsonNode> golden;

    @BeforeAll
    static void load() {
        golden = GoldenFiles.load("/golden-cdrs.json", 26);
    }

    @Test
    void everyGoldenCaseComesOutRightInSimulation() {
        Api.Response response = Api.as(port, "manager", "manager").post("/api/v1/rating/simulate",
                Map.of("records", golden.stream().map(g -> g.get("cdr")).toList()));
        assertThat(response.status()).isEqualTo(200);
        JsonNode results = response.body().get("results");
        for (int i = 0; i < golden.size(); i++) {
            GoldenFiles.assertMatches(golden.get(i), results.get(i));
        }
    }

    @Test
    void everyGoldenCaseIsStoredAndReadBackAsSimulated() {
        Api api = Api.as(port, "admin", "admin");
        String source = "golden-" + System.nanoTime();
        ArrayNode records = Api.json().createArrayNode();
        golden.forEach(g -> records.add(((ObjectNode) g.get("cdr").deepCopy()).put("source", source)));
        JsonNode simulated = api.post("/api/v1/rating/simulate", Map.of("records", records)).body().get("results");

        Api.Response submitted = api.post("/api/v1/cdrs", Map.of("records", records));
        assertThat(submitted.status()).isEqualTo(200);
        for (int i = 0; i < golden.size(); i++) {
            JsonNode expected = golden.get(i).get("expected");
            JsonNode outcome = submitted.body().get("results").get(i);
            assertThat(outcome.get("outcome").asText()).isEqualTo(expected.get("status").asText());
            if (expected.has("total")) {
                assertThat(outcome.get("total").asText()).isEqualTo(expected.get("total").asText());
            }
            String cdrId = records.get(i).get("cdrId").asText();
            JsonNode stored = api.get("/api/v1/cdrs/" + source + "/" + cdrId).body();
            GoldenFiles.assertMatches(golden.get(i), stored);
            assertThat(stored.get("lines")).isEqualTo(simulated.get(i).get("lines"));
            assertThat(stored.path("total")).isEqualTo(simulated.get(i).path("total"));
        }
    }

    @Test
    void sendingTheGoldenCasesAgainIsAllDuplicates() {
        Api api = Api.as(port, "admin", "admin");
        String source = "again-" + System.nanoTime();
        ArrayNode records = Api.json().createArrayNode();
        golden.forEach(g -> records.add(((ObjectNode) g.get("cdr").deepCopy()).put("source", source)));
        api.post("/api/v1/cdrs", Map.of("records", records));
        JsonNode second = api.post("/api/v1/cdrs", Map.of("records", records)).body().get("results");
        second.forEach(r -> assertThat(r.get("outcome").asText()).isEqualTo("DUPLICATE"));
        JsonNode page = api.get("/api/v1/cdrs?source=" + source + "&size=100").body();
        assertThat(page.get("total").asLong()).isEqualTo(26);
    }

}
