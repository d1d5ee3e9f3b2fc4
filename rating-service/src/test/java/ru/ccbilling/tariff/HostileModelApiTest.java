package ru.ccbilling.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.ccbilling.tariff.TariffFixtures.TARIFF;
import static ru.ccbilling.tariff.TariffFixtures.draftFrom;
import static ru.ccbilling.tariff.TariffFixtures.model;
import static ru.ccbilling.tariff.TariffFixtures.put;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;

/**
 * Tariff models are data, through the real API: a draft whose rules or tables would run Java is refused by
 * validation with its model, place and construct, answered 422 on publish and on simulation, and never runs.
 * A draft whose allowed rules loop is stopped by the firing bound: its calls are rejected, intake does not hang.
 */
@PlatformTest
@TestPropertySource(properties = "ccbilling.test.context=hostile-models")
class HostileModelApiTest {

    private static final Path CANARY = Path.of(System.getProperty("java.io.tmpdir"), "ccbilling-api-canary");
    private static final String DMN_CANARY_PREFIX = "ccbilling-dmn-canary";
    private static final String NETWORK_LINE =
            "insert(Line.perMinute(\"NETWORK\", Rounding.startedMinutes($d), $rate, \"every started minute\"));";
    private static final String WRITE_CANARY = "    java.nio.file.Files.writeString(java.nio.file.Path.of(\""
            + CANARY + "\"), \"owned\");";
    private static final String MARKING_FEE_CELL = "<outputEntry id=\"MarkingFee_r1_o\"><text>0.48</text></outputEntry>";
    private static final String EXTERNAL_JAVA_CELL = "<outputEntry id=\"MarkingFee_r1_o\"><text>function(p, s) external"
            + " { java: { class: \"java.io.File\", method signature: \"createTempFile(java.lang.String, java.lang.String)\" } }"
            + "(\"" + DMN_CANARY_PREFIX + "\", \".tmp\")</text></outputEntry>";

    @LocalServerPort
    int port;

    private Api manager;

    @BeforeEach
    void noCanary() throws IOException {
        manager = Api.as(port, "manager", "manager");
        Files.deleteIfExists(CANARY);
    }

    /** a draft whose NETWORK rule also writes a file; the line of the write in the model */
    private record Draft(int version, int line) { }

    private Draft fileWritingDrlDraft() {
        int draft = draftFrom(manager, TARIFF, 1);
        String drl = model(manager, TARIFF, draft, "call-lines.drl");
        assertThat(drl).contains(NETWORK_LINE);
        String hostile = drl.replace(NETWORK_LINE, NETWORK_LINE + "\n" + WRITE_CANARY);
        assertThat(put(manager, TARIFF, draft, "call-lines.drl", "DRL", hostile).status()).isEqualTo(200);
        List<String> lines = hostile.lines().toList();
        return new Draft(draft, lines.indexOf(WRITE_CANARY) + 1);
    }

    private int externalJavaDmnDraft() {
        int draft = draftFrom(manager, TARIFF, 1);
        String dmn = model(manager, TARIFF, draft, "marking-fee.dmn");
        assertThat(dmn).contains(MARKING_FEE_CELL);
        assertThat(put(manager, TARIFF, draft, "marking-fee.dmn", "DMN", dmn.replace(MARKING_FEE_CELL, EXTERNAL_JAVA_CELL))
                .status()).isEqualTo(200);
        return draft;
    }

    private JsonNode validate(int draft) {
        return manager.post("/api/v1/tariffs/" + TARIFF + "/versions/" + draft + "/validate", "").body();
    }

    private Api.Response publish(int draft) {
        return manager.post("/api/v1/tariffs/" + TARIFF + "/versions/" + draft + "/publish",
                Map.of("effectiveFrom", "2026-11-01T00:00:00+03:00"));
    }

    private Api.Response simulateUnder(int draft, String call) {
        return manager.post("/api/v1/rating/simulate", "{\"tariff\":\"" + TARIFF + "\",\"tariffVersion\":" + draft
                + ",\"records\":[" + call + "]}");
    }

    private Api.Response simulateChange(int draft, String call) {
        return manager.post("/api/v1/tariffs/" + TARIFF + "/versions/" + draft + "/simulate", "{\"records\":[" + call + "]}");
    }

    private static String outboundMobileCall(String id) {
        return """
            {"source":"hostile-test","cdrId":"%s","callType":"OUTBOUND","startTime":"2026-11-02T10:00:00+03:00",
             "caller":"74951234567","called":"79161234567","accountCode":"ACC-1001","trunk":"TRUNK-A",
             "stages":[{"type":"OPERATOR","durationSec":60,"operatorId":"OP-202"}]}
            """.formatted(id);
    }

    private static boolean dmnCanaryExists() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith(DMN_CANARY_PREFIX));
        }
    }

    @Test
    void aRuleThatWouldWriteAFileIsRefusedByValidationNamingTheModelTheLineAndTheConstruct() {
        Draft draft = fileWritingDrlDraft();
        JsonNode validation = validate(draft.version());
        assertThat(validation.get("valid").asBoolean()).isFalse();
        assertThat(validation.get("messages")).anySatisfy(m -> {
            assertThat(m.get("model").asText()).isEqualTo("call-lines.drl");
            assertThat(m.get("severity").asText()).isEqualTo("ERROR");
            assertThat(m.get("location").asText()).startsWith("line " + draft.line() + ",");
            assertThat(m.get("message").asText())
                    .startsWith("в модели тарифа нельзя: полное имя класса java.nio.file.Files.writeString");
        });
        // the same refusal for a reader who asked for English
        assertThat(manager.inEnglish().post("/api/v1/tariffs/" + TARIFF + "/versions/" + draft.version() + "/validate", "")
                .body().get("messages")).anySatisfy(m -> assertThat(m.get("message").asText())
                        .startsWith("not allowed in a tariff model: the fully qualified name java.nio.file.Files.writeString"));
        assertThat(CANARY).doesNotExist();
    }

    @Test
    void aRuleThatWouldWriteAFileIsNeverPublished() {
        Draft draft = fileWritingDrlDraft();
        Api.Response refused = publish(draft.version());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("errors")).anySatisfy(e -> {
            assertThat(e.get("field").asText()).isEqualTo("call-lines.drl @ line " + draft.line() + ", column 5");
            assertThat(e.get("message").asText()).contains("java.nio.file.Files");
        });
        assertThat(manager.get("/api/v1/tariffs/" + TARIFF + "/versions/" + draft.version()).body().get("state").asText())
                .isEqualTo("DRAFT");
        assertThat(CANARY).doesNotExist();
    }

    @Test
    void simulatingUnderARuleThatWouldWriteAFileRunsNothing() {
        Draft draft = fileWritingDrlDraft();
        String call = TariffFixtures.mobileCall("drl-1", "2026-11-02T10:00:00+03:00");
        assertThat(simulateUnder(draft.version(), call).status()).isEqualTo(422);
        Api.Response change = simulateChange(draft.version(), call);
        assertThat(change.status()).isEqualTo(422);
        assertThat(change.body().get("errors").findValuesAsText("field")).anyMatch(f -> f.startsWith("call-lines.drl @ line "));
        assertThat(CANARY).as("the rule never ran").doesNotExist();
    }

    @Test
    void aTableWithAnExternalJavaFunctionIsRefusedByValidationNamingTheModelTheCellAndTheConstruct() throws IOException {
        int draft = externalJavaDmnDraft();
        JsonNode validation = validate(draft);
        assertThat(validation.get("valid").asBoolean()).isFalse();
        assertThat(validation.get("messages")).anySatisfy(m -> {
            assertThat(m.get("model").asText()).isEqualTo("marking-fee.dmn");
            assertThat(m.get("severity").asText()).isEqualTo("ERROR");
            assertThat(m.get("location").asText()).isEqualTo("MarkingFee_r1_o");
            assertThat(m.get("message").asText()).contains("внешняя функция Java", "в элементе outputEntry",
                    "решения MarkingFee");
        });
        assertThat(dmnCanaryExists()).isFalse();
    }

    @Test
    void aTableWithAnExternalJavaFunctionIsNeverPublishedNorRun() throws IOException {
        int draft = externalJavaDmnDraft();
        Api.Response refused = publish(draft);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("errors").findValuesAsText("field")).contains("marking-fee.dmn @ MarkingFee_r1_o");
        assertThat(simulateUnder(draft, outboundMobileCall("dmn-1")).status()).isEqualTo(422);
        assertThat(simulateChange(draft, outboundMobileCall("dmn-2")).status()).isEqualTo(422);
        assertThat(dmnCanaryExists()).as("the function never ran").isFalse();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)   // a safety net only: the firing bound stops the rules at once
    void rulesThatLoopAreStoppedAndTheCallIsRejectedNamingTheModel() throws IOException {
        int draft = draftFrom(manager, TARIFF, 1);
        String looping = new String(getClass().getResourceAsStream("/looping-rules.drl").readAllBytes());
        assertThat(put(manager, TARIFF, draft, "call-lines.drl", "DRL", looping).status()).isEqualTo(200);
        assertThat(validate(draft).get("valid").asBoolean()).as("only allowed constructs").isTrue();

        JsonNode result = simulateUnder(draft, TariffFixtures.mobileCall("loop-1", "2026-11-02T10:00:00+03:00"))
                .body().get("results").get(0);
        assertThat(result.get("status").asText()).isEqualTo("REJECTED");
        assertThat(result.get("reason").asText()).isEqualTo("NO_RATE");
        assertThat(result.get("reasonDetail").asText()).contains("call-lines.drl", "stopped after 1000 firings");
    }
}
