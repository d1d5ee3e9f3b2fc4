package ru.ccbilling.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;

/** Bad input at intake: each bad record is REFUSED naming its fields, the rest of the batch goes on. */
@PlatformTest
class CdrIntakeApiTest {

    @LocalServerPort
    int port;

    private static String good(String source, String id) {
        return """
            {"source":"%s","cdrId":"%s","callType":"INBOUND_800","startTime":"2026-03-10T10:15:00+03:00",
             "caller":"79161234567","called":"78005553535","stages":[{"type":"IVR","durationSec":35}]}
            """.formatted(source, id);
    }

    private List<String> fieldsOf(JsonNode result) {
        return result.get("errors").findValuesAsText("field");
    }

    @Test
    void eachMalformedRecordIsRefusedWithItsFieldsAndTheOthersAreRated() {
        String source = "bad-" + System.nanoTime();
        String batch = "{\"records\":[" + String.join(",",
                good(source, "ok-1"),
                "{\"source\":\"" + source + "\",\"cdrId\":\"neg\",\"callType\":\"INBOUND_800\",\"startTime\":\"2026-03-10T10:15:00+03:00\",\"caller\":\"79161234567\",\"called\":\"78005553535\",\"stages\":[{\"type\":\"IVR\",\"durationSec\":-5}]}",
                "{\"source\":\"" + source + "\",\"cdrId\":\"none\",\"callType\":\"INBOUND_800\",\"startTime\":\"2026-03-10T10:15:00+03:00\",\"caller\":\"79161234567\",\"called\":\"78005553535\",\"stages\":[]}",
                "{\"source\":\"" + source + "\",\"cdrId\":\"five\",\"callType\":\"INBOUND_800\",\"startTime\":\"2026-03-10T10:15:00+03:00\",\"caller\":\"79161234567\",\"called\":\"78005553535\",\"stages\":[{\"type\":\"IVR\",\"durationSec\":1},{\"type\":\"IVR\",\"durationSec\":1},{\"type\":\"IVR\",\"durationSec\":1},{\"type\":\"IVR\",\"durationSec\":1},{\"type\":\"IVR\",\"durationSec\":1}]}",
                "{\"source\":\"" + source + "\",\"cdrId\":\"type\",\"callType\":\"LOCAL\",\"startTime\":\"2026-03-10T10:15:00+03:00\",\"caller\":\"79161234567\",\"called\":\"78005553535\",\"stages\":[{\"type\":\"IVR\",\"durationSec\":1}]}",
                "{\"source\":\"" + source + "\",\"cdrId\":\"time\",\"callType\":\"INBOUND_800\",\"startTime\":\"2026-03-10 10:15\",\"caller\":\"79161234567\",\"called\":\"78005553535\",\"stages\":[{\"type\":\"IVR\",\"durationSec\":1}]}",
                "{\"source\":\"" + source + "\",\"cdrId\":\"missing\",\"startTime\":\"2026-03-10T10:15:00+03:00\",\"called\":\"78005553535\",\"stages\":[{\"type\":\"OPERATOR\",\"durationSec\":\"ten\"}]}",
                "[1,2,3]",
                good(source, "ok-2")) + "]}";
        Api.Response response = Api.as(port, "admin", "admin").post("/api/v1/cdrs", batch);
        assertThat(response.status()).isEqualTo(200);
        JsonNode results = response.body().get("results");
        assertThat(results).hasSize(9);
        assertThat(results.get(0).get("outcome").asText()).isEqualTo("RATED");
        assertThat(fieldsOf(results.get(1))).containsExactly("stages[0].durationSec");
        assertThat(fieldsOf(results.get(2))).containsExactly("stages");
        assertThat(fieldsOf(results.get(3))).containsExactly("stages");
        assertThat(fieldsOf(results.get(4))).containsExactly("callType");
        assertThat(fieldsOf(results.get(5))).containsExactly("startTime");
        assertThat(message(byId(results, "type"), "callType")).isEqualTo("допустимые значения: INBOUND_800, OUTBOUND, FORWARD, VIRTUAL_OFFICE, CONFERENCE, SURVEY, INFORMING");
        JsonNode inEnglish = Api.as(port, "admin", "admin").inEnglish().post("/api/v1/cdrs", batch).body().get("results");
        assertThat(byId(inEnglish, "type").get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(message(byId(inEnglish, "type"), "callType")).isEqualTo("must be one of INBOUND_800, OUTBOUND, FORWARD, VIRTUAL_OFFICE, CONFERENCE, SURVEY, INFORMING");
        assertThat(fieldsOf(results.get(6))).contains("callType", "caller", "stages[0].durationSec", "stages[0].operatorId");
        assertThat(fieldsOf(results.get(7))).containsExactly("record");
        assertThat(results.get(8).get("outcome").asText()).isEqualTo("RATED");
        for (int i = 1; i <= 7; i++) {
            assertThat(results.get(i).get("outcome").asText()).isEqualTo("REFUSED");
        }
        // refused records are not stored
        assertThat(Api.as(port, "admin", "admin").get("/api/v1/cdrs/" + source + "/neg").status()).isEqualTo(404);
        assertThat(Api.as(port, "admin", "admin").get("/api/v1/cdrs?source=" + source).body().get("total").asInt()).isEqualTo(2);
    }

    @Test
    void aBodyThatIsNotJsonIsA400Problem() {
        Api.Response response = Api.withApiKey(port).post("/api/v1/cdrs", "this is not json");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("detail").asText()).isNotBlank();
    }

    @Test
    void theSameRecordTwiceInOneBatchIsStoredOnce() {
        String source = "twice-" + System.nanoTime();
        String batch = "{\"records\":[" + good(source, "x") + "," + good(source, "x") + "]}";
        JsonNode results = Api.as(port, "admin", "admin").post("/api/v1/cdrs", batch).body().get("results");
        assertThat(results.get(0).get("outcome").asText()).isEqualTo("RATED");
        assertThat(results.get(1).get("outcome").asText()).isEqualTo("DUPLICATE");
        assertThat(Api.as(port, "admin", "admin").get("/api/v1/cdrs?source=" + source).body().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void aMissingTrunkOnAnOutboundCallIsRejectedNotRefused() {
        String record = "{\"source\":\"t-" + System.nanoTime() + "\",\"cdrId\":\"1\",\"callType\":\"OUTBOUND\","
                + "\"startTime\":\"2026-03-10T10:15:00+03:00\",\"caller\":\"74950000001\",\"called\":\"79161234567\","
                + "\"accountCode\":\"ACC-1001\",\"stages\":[{\"type\":\"IVR\",\"durationSec\":30}]}";
        JsonNode result = Api.as(port, "admin", "admin").post("/api/v1/cdrs", "{\"records\":[" + record + "]}").body()
                .get("results").get(0);
        assertThat(result.get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(result.get("reason").asText()).isEqualTo("UNKNOWN_TRUNK");
    }

    @Test
    void listingRejectsBadQueryParametersWithTheirNames() {
        Api.Response response = Api.withApiKey(port).get("/api/v1/cdrs?size=5000");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("errors").findValuesAsText("field")).contains("size");
        Api.Response badDate = Api.withApiKey(port).get("/api/v1/cdrs?from=yesterday");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body().get("errors").findValuesAsText("field")).contains("from");
    }

    @Test
    void anUnknownRecordIs404Problem() {
        Api.Response response = Api.withApiKey(port).get("/api/v1/cdrs/nowhere/nothing");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anUnknownRecordIsNotFoundInRussianOrInEnglishWhenAsked() {
        Api.Response missing = Api.as(port, "admin", "admin").get("/api/v1/cdrs/no-such-source/no-such-cdr");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().get("detail").asText()).isEqualTo("нет записи CDR no-such-cdr от источника no-such-source");
        assertThat(Api.as(port, "admin", "admin").inEnglish().get("/api/v1/cdrs/no-such-source/no-such-cdr").body()
                .get("detail").asText()).isEqualTo("no CDR no-such-cdr from no-such-source");
    }

    private static JsonNode byId(JsonNode results, String cdrId) {
        for (JsonNode result : results) {
            if (cdrId.equals(result.path("cdrId").asText())) {
                return result;
            }
        }
        throw new AssertionError("no result for " + cdrId + " in " + results);
    }

    private static String message(JsonNode result, String field) {
        for (JsonNode error : result.get("errors")) {
            if (error.get("field").asText().equals(field)) {
                return error.get("message").asText();
            }
        }
        return null;
    }
}
