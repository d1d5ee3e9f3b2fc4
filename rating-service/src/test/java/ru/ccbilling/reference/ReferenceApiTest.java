package ru.ccbilling.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;

/** Reference data through the API changes how the next call is rated, with no restart. */
@PlatformTest
class ReferenceApiTest {

    @LocalServerPort
    int port;

    private JsonNode simulate(String record) {
        return Api.as(port, "manager", "manager").post("/api/v1/rating/simulate", "{\"records\":[" + record + "]}").body()
                .get("results").get(0);
    }

    @Test
    void aNewDestinationPrefixClassifiesTheNextCall() {
        String call = """
            {"source":"ref","cdrId":"d1","callType":"OUTBOUND","startTime":"2026-04-01T15:00:00+03:00","caller":"74950000001",
             "called":"99512345678","accountCode":"ACC-1001","trunk":"TRUNK-A","stages":[{"type":"IVR","durationSec":30}]}
            """;
        assertThat(simulate(call).get("reason").asText()).isEqualTo("NO_RATE");
        Api manager = Api.as(port, "manager", "manager");
        assertThat(manager.put("/api/v1/reference/destinations", Map.of("prefix", "995", "destinationClass", "BELARUS"))
                .status()).isEqualTo(200);
        JsonNode rated = simulate(call);
        assertThat(rated.get("status").asText()).isEqualTo("RATED");
        assertThat(rated.get("lines").get(0).get("amount").asText()).isEqualTo("6.00");
        assertThat(manager.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/reference/destinations/995")).DELETE()).status()).isEqualTo(204);
        assertThat(simulate(call).get("reason").asText()).isEqualTo("NO_RATE");
    }

    @Test
    void aNewHolidayMakesTheDayOffPeak() {
        String call = """
            {"source":"ref","cdrId":"h1","callType":"INBOUND_800","startTime":"2026-07-15T12:00:00+03:00","caller":"79161234567",
             "called":"78005553535","stages":[{"type":"IVR","durationSec":60}]}
            """;
        assertThat(simulate(call).get("lines").get(0).get("amount").asText()).isEqualTo("2.90");
        Api manager = Api.as(port, "manager", "manager");
        manager.put("/api/v1/reference/holidays", Map.of("date", "2026-07-15", "name", "test"));
        assertThat(simulate(call).get("lines").get(0).get("amount").asText()).isEqualTo("2.40");
        manager.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/reference/holidays/2026-07-15"))
                .DELETE());
    }

    @Test
    void invalidReferenceDataIsRefusedNamingTheField() {
        Api.Response response = Api.as(port, "manager", "manager").put("/api/v1/reference/destinations",
                Map.of("prefix", "+7abc", "destinationClass", "X"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("errors").findValuesAsText("field")).contains("prefix");
    }

    @Test
    void theNumberRangeRegistryIsImportedAndAttachesRegionAndOperatorToCallers() throws Exception {
        byte[] file;
        try (InputStream in = getClass().getResourceAsStream("/registry/DEF-9xx-sample.csv")) {
            file = in.readAllBytes();
        }
        Api manager = Api.as(port, "manager", "manager");
        Api.Response imported = manager.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/reference/number-ranges/import")).header("Content-Type", "text/csv; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)));
        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.body().get("imported").asInt()).isEqualTo(4);
        assertThat(imported.body().get("skipped").get(0).get("field").asText()).isEqualTo("line 6");

        JsonNode range = manager.get("/api/v1/reference/number-ranges?number=79161234567").body();
        assertThat(range.get("operator").asText()).isEqualTo("ПАО \"Мобильные ТелеСистемы\"");
        assertThat(manager.get("/api/v1/reference/number-ranges?number=79031100000").body().get("region").asText())
                .isEqualTo("г. Москва");
        assertThat(manager.get("/api/v1/reference/number-ranges?number=79990000000").status()).isEqualTo(404);
        assertThat(manager.get("/api/v1/reference/number-ranges?number=abc").status()).isEqualTo(400);

        JsonNode rated = simulate("""
            {"source":"ref","cdrId":"r1","callType":"INBOUND_800","startTime":"2026-03-10T10:15:00+03:00","caller":"79161234567",
             "called":"78005553535","stages":[{"type":"IVR","durationSec":60}]}
            """);
        assertThat(rated.get("callerRegion").asText()).isEqualTo("г. Москва и Московская область");
        assertThat(new String(file, StandardCharsets.UTF_8)).contains("АВС");
    }

    @Test
    void aLookupSaysWhatIsWrongInRussianOrInEnglishWhenAsked() {
        Api.Response russian = Api.as(port, "manager", "manager").get("/api/v1/reference/number-ranges?number=12345");
        assertThat(russian.status()).isEqualTo(400);
        assertThat(russian.body().get("errors").get(0).get("field").asText()).isEqualTo("number");
        assertThat(russian.body().get("errors").get(0).get("message").asText())
                .isEqualTo("ожидается российский номер: 7 и 10 цифр или 10 цифр национального номера");
        assertThat(Api.as(port, "manager", "manager").inEnglish().get("/api/v1/reference/number-ranges?number=12345").body()
                .get("errors").get(0).get("message").asText())
                .isEqualTo("must be a Russian number: 7 and 10 digits, or the 10 national digits");
    }
}
