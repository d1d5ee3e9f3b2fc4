package ru.ccbilling.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
 * The golden cases of the call centre's other services (tariff sheet section 7, golden-services.json) through the
 * real HTTP API: simulated, then submitted and read back, with identical totals and lines.
 */
@PlatformTest
class GoldenServicesApiTest {

    @LocalServerPort
    int port;

    static List<JsonNode> golden;

    @BeforeAll
    static void load() {
        golden = GoldenFiles.load("/golden-services.json", 19);
    }

    @Test
    void everyGoldenServiceCaseComesOutRightInSimulation() {
        Api.Response response = Api.as(port, "manager", "manager").post("/api/v1/rating/simulate",
                Map.of("records", golden.stream().map(g -> g.get("cdr")).toList()));
        assertThat(response.status()).isEqualTo(200);
        JsonNode results = response.body().get("results");
        for (int i = 0; i < golden.size(); i++) {
            GoldenFiles.assertMatches(golden.get(i), results.get(i));
        }
    }

    @Test
    void everyGoldenServiceCaseIsStoredAndReadBackAsSimulated() {
        Api api = Api.as(port, "admin", "admin");
        ArrayNode records = records("services-");
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
            JsonNode record = records.get(i);
            JsonNode stored = api.get("/api/v1/cdrs/" + record.get("source").asText() + "/"
                    + record.get("cdrId").asText()).body();
            GoldenFiles.assertMatches(golden.get(i), stored);
            assertThat(stored.get("lines")).isEqualTo(simulated.get(i).get("lines"));
            assertThat(stored.path("total")).isEqualTo(simulated.get(i).path("total"));
            assertThat(stored.get("record").path("participants")).isEqualTo(record.path("participants"));
        }
    }

    @Test
    void aConferenceLineNamesTheParticipantItPrices() {
        JsonNode s08 = Api.as(port, "manager", "manager").post("/api/v1/rating/simulate",
                Map.of("records", List.of(golden.get(7).get("cdr")))).body().get("results").get(0);
        List<String> lines = new ArrayList<>();
        s08.get("lines").forEach(l -> lines.add(l.get("component").asText() + " " + l.get("participant").asInt()
                + " " + l.get("billedSeconds").asInt()));
        assertThat(lines).containsExactly("CONFERENCE_PORT 0 600", "CONFERENCE_PORT 1 600", "CONFERENCE_LEG 1 600",
                "CONFERENCE_PORT 2 0", "CONFERENCE_LEG 2 0");
        s08.get("lines").forEach(l -> assertThat(l.path("stage").isMissingNode() || l.path("stage").isNull()).isTrue());
    }

    @Test
    void aMalformedServiceRecordIsRefusedNamingItsFieldAndTheRestOfTheBatchIsRated() {
        Api api = Api.as(port, "admin", "admin").inEnglish();
        ArrayNode records = records("refused-");
        ObjectNode conference = (ObjectNode) records.get(6).deepCopy();
        conference.put("cdrId", "bad-conference");
        ((ObjectNode) conference.get("participants").get(1)).put("direction", "SIDEWAYS");
        conference.putArray("stages").addObject().put("type", "IVR").put("durationSec", 5);
        ObjectNode survey = (ObjectNode) records.get(10).deepCopy();
        survey.put("cdrId", "bad-survey").put("surveyCompleted", "yes");
        records.insert(0, conference);
        records.insert(1, survey);

        JsonNode results = api.post("/api/v1/cdrs", Map.of("records", records)).body().get("results");

        assertThat(results.get(0).get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(results.get(0).get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("stages", "participants[1].direction");
        assertThat(results.get(0).get("errors").findValuesAsText("message"))
                .contains("a conference has no stages: each participant has its own duration");
        assertThat(results.get(1).get("errors").findValuesAsText("field")).containsExactly("surveyCompleted");
        assertThat(results.get(1).get("errors").findValuesAsText("message")).containsExactly("must be true or false");
        for (int i = 0; i < golden.size(); i++) {
            assertThat(results.get(i + 2).get("outcome").asText())
                    .isEqualTo(golden.get(i).get("expected").get("status").asText());
        }
        String source = records.get(0).get("source").asText();
        assertThat(api.get("/api/v1/cdrs/" + source + "/bad-conference").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/cdrs?source=" + source + "&size=100").body().get("total").asLong())
                .isEqualTo(golden.size());
    }

    @Test
    void aRejectionIsExplainedInRussianByDefault() {
        JsonNode s09 = Api.as(port, "manager", "manager").post("/api/v1/rating/simulate",
                Map.of("records", List.of(golden.get(8).get("cdr")))).body().get("results").get(0);
        assertThat(s09.get("reason").asText()).isEqualTo("UNKNOWN_TRUNK");
        assertThat(s09.get("reasonDetail").asText()).isEqualTo("у участника participants[0] (исходящий вызов на 79261234567) не указан транк");
    }

    /** the golden records under a source of their own, so that each test stores them anew */
    private static ArrayNode records(String prefix) {
        String source = prefix + System.nanoTime();
        ArrayNode records = Api.json().createArrayNode();
        golden.forEach(g -> records.add(((ObjectNode) g.get("cdr").deepCopy()).put("source", source)));
        return records;
    }

}
