package ru.ccbilling.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;

/**
 * Documents always equal the ledger: a month whose documents were issued is not reopened (409 naming them, telling
 * the user to re-rate); re-rating still corrects it, and the correction becomes a correction document.
 */
@PlatformTest
@TestPropertySource(properties = "ccbilling.test.context=reopen-after-documents")
class ReopenAfterDocumentsApiTest {

    @LocalServerPort
    int port;

    static String call(String id, String start, int operatorSeconds) {
        return """
            {"source":"reopen-test","cdrId":"%s","callType":"INBOUND_800","startTime":"%s",
             "caller":"79161234567","called":"78005553535",
             "stages":[{"type":"IVR","durationSec":35},{"type":"OPERATOR","durationSec":%d,"operatorId":"OP-102"}]}
            """.formatted(id, start, operatorSeconds);
    }

    @Test
    void aMonthWithIssuedDocumentsIsNotReopenedButReRatingStillCorrectsIt() {
        Finance f = new Finance(port);
        Api.Response calls = f.equipment.post("/api/v1/cdrs", "{\"records\":[" + call("r1", "2026-03-10T10:15:00+03:00", 200) + "]}");
        assertThat(calls.body().get("results").get(0).get("outcome").asText()).isEqualTo("RATED");
        f.close("2026-03", "ACC-1001");
        Api.Response issued = f.finance.post("/api/v1/documents/packages", Map.of("account", "ACC-1001", "month", "2026-03"));
        assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
        String invoice = issued.body().get("documents").get(0).get("number").asText();

        Api.Response reopen = f.finance.post("/api/v1/periods/2026-03/reopen", Map.of("reason", "a late call"));
        assertThat(reopen.status()).as(reopen.raw()).isEqualTo(409);
        assertThat(reopen.body().get("detail").asText()).contains("выставлены документы", invoice, "перетарификацию");
        Api.Response reopenInEnglish = f.finance.inEnglish().post("/api/v1/periods/2026-03/reopen", Map.of("reason", "a late call"));
        assertThat(reopenInEnglish.status()).isEqualTo(409);
        assertThat(reopenInEnglish.body().get("detail").asText()).contains("documents were issued", invoice, "re-rate");
        assertThat(reopen.body().get("errors").findValuesAsText("field")).containsExactly("month");
        assertThat(f.period("2026-03").get("closedAccounts").asLong()).isEqualTo(1);

        // a late call of March: re-rating books it as a correction, and the correction gets its document
        Api.Response late = f.equipment.post("/api/v1/cdrs", "{\"records\":[" + call("r2", "2026-03-20T11:00:00+03:00", 300) + "]}");
        assertThat(late.body().get("results").get(0).get("outcome").asText()).isEqualTo("RATED");
        Api.Response rerate = f.finance.post("/api/v1/periods/2026-03/rerate", Map.of("account", "ACC-1001", "apply", true));
        assertThat(rerate.status()).as(rerate.raw()).isEqualTo(200);
        assertThat(rerate.body().get("corrections").asInt()).isPositive();
        Api.Response corrections = f.finance.post("/api/v1/documents/corrections", Map.of("account", "ACC-1001", "month", "2026-03"));
        assertThat(corrections.status()).as(corrections.raw()).isEqualTo(200);
        JsonNode documents = corrections.body().get(0).get("documents");
        assertThat(documents.findValuesAsText("type")).contains("CORRECTION_VAT_INVOICE");
    }
}
