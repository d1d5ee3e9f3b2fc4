package ru.ccbilling.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;

/** The application as shipped today: no billing module provides closed periods, and the document API says so. */
@PlatformTest
class DocumentsWithoutBillingTest {

    @LocalServerPort
    int port;

    @Test
    void generationAnswers503NamingWhyAndTheRestOfTheApiWorks() {
        Api finance = Api.as(port, "finance", "finance");
        Api.Response run = finance.post("/api/v1/documents/runs", Map.of("month", "2026-03"));
        assertThat(run.status()).isEqualTo(503);
        assertThat(run.contentType()).startsWith("application/problem+json");
        assertThat(run.body().get("detail").asText()).contains("no closed periods are available yet", "StatementSource");
        assertThat(finance.post("/api/v1/documents/packages", Map.of("account", "ACC-1001", "month", "2026-03")).status())
                .isEqualTo(503);
        assertThat(finance.get("/api/v1/documents?month=2026-03").status()).isEqualTo(200);
        assertThat(finance.get("/api/v1/numbering-templates").body().findValuesAsText("seller")).contains("CCB");
        assertThat(Api.as(port, "admin", "admin").get("/api/v1/documents").status()).isEqualTo(200);
        assertThat(Api.as(port, "manager", "manager").get("/api/v1/documents").status()).isEqualTo(403);
    }
}
