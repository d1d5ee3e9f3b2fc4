package ru.ccbilling.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;

/**
 * From calls to documents with nothing in between but the platform: the golden calls of March 2026 are rated, the
 * month is closed, and the VAT invoice of ООО «Ромашка» carries exactly what the close put on its ledger.
 */
@PlatformTest
@TestPropertySource(properties = "ccbilling.test.context=month-to-documents")
class MonthToDocumentsApiTest {

    @LocalServerPort
    int port;

    @Test
    void aClosedMonthBecomesTheClientsInvoiceActAndVatInvoice() throws Exception {
        List<JsonNode> march = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/golden-cdrs.json")) {
            Api.json().readTree(in).forEach(g -> {
                if (g.get("cdr").get("startTime").asText().startsWith("2026-03")) {
                    march.add(g.get("cdr"));
                }
            });
        }
        assertThat(Api.as(port, "admin", "admin").post("/api/v1/cdrs", Map.of("records", march)).status()).isEqualTo(200);

        Finance f = new Finance(port);
        Api.Response upd = f.finance.put("/api/v1/accounts/ACC-1002/document-settings", Map.of("documents", "UPD"));
        assertThat(upd.status()).isEqualTo(200);
        assertThat(f.finance.get("/api/v1/accounts/ACC-1002/document-settings").body().get("documents").asText())
                .isEqualTo("UPD");
        assertThat(f.finance.put("/api/v1/accounts/ACC-1002/document-settings", Map.of("documents", "FAX")).status())
                .isEqualTo(400);
        f.close("2026-03");
        assertThat(f.period("2026-03").get("state").asText()).isEqualTo("CLOSED");
        BigDecimal billed = Finance.sum(f.entries("ACC-1001", "2026-03").stream()
                .filter(e -> List.of("USAGE", "MONTHLY_FEE", "VOLUME_DISCOUNT").contains(e.get("kind").asText())).toList());
        assertThat(billed).isGreaterThan(new BigDecimal("130000"));   // two dedicated seats and the number, at least

        Api.Response issued = f.finance.post("/api/v1/documents/packages", Map.of("account", "ACC-1001", "month", "2026-03"));
        assertThat(issued.status()).as(issued.raw()).isBetween(200, 201);
        JsonNode documents = issued.body().get("documents");
        assertThat(documents.findValuesAsText("type")).contains("INVOICE", "ACT", "VAT_INVOICE");
        for (JsonNode d : documents) {
            assertThat(new BigDecimal(d.get("net").asText())).as(d.get("type").asText()).isEqualByComparingTo(billed);
            assertThat(new BigDecimal(d.get("gross").asText()))
                    .isEqualByComparingTo(new BigDecimal(d.get("net").asText()).add(new BigDecimal(d.get("vat").asText())));
            assertThat(d.get("clientName").asText()).isEqualTo("ООО «Ромашка»");
        }
        String id = documents.get(0).get("id").asText();
        Api.Response pdf = f.finance.get("/api/v1/documents/" + id + "/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.raw()).startsWith("%PDF");

        JsonNode vector = f.finance.post("/api/v1/documents/packages", Map.of("account", "ACC-1002", "month", "2026-03"))
                .body().get("documents");
        assertThat(vector.findValuesAsText("type")).as("a client that asks for a UPD gets one").contains("UPD")
                .doesNotContain("VAT_INVOICE", "ACT");

        Api.Response open = f.finance.post("/api/v1/documents/packages", Map.of("account", "ACC-1001", "month", "2026-04"));
        assertThat(open.status()).as("documents of an open month are refused").isBetween(400, 499);
    }
}
