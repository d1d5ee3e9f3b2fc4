package ru.ccbilling.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;

/**
 * Records are written with PostgreSQL COPY: whatever a valid record holds (tabs, newlines, backslashes, quotes,
 * Cyrillic, a vendor's extra fields) is stored and read back as it was sent.
 */
@PlatformTest
class CdrStorageApiTest {

    @LocalServerPort
    int port;

    @Autowired
    CdrStore store;

    @Test
    void oddCharactersAreStoredAndReadBackAsSent() throws Exception {
        // identifiers may hold quotes, spaces and any script, never control characters nor / \ ; % (InputBoundsApiTest)
        String source = "odd 'source' " + System.nanoTime();
        String cdrId = "id \"quoted\" ?#&+ конец";
        ObjectNode record = (ObjectNode) Api.json().readTree("""
            {"callType":"INBOUND_800","startTime":"2026-03-10T10:15:00.123456+03:00","caller":"79161234567",
             "called":"78005553535","stages":[{"type":"IVR","durationSec":61}],
             "vendor":{"note":"tab\\there, newline\\nthere, backslash \\\\ and \\\\u0000 as text, оператор"}}
            """);
        record.put("source", source).put("cdrId", cdrId);
        record.with("vendor").put("nul", "a\u0000b");

        JsonNode result = Api.as(port, "admin", "admin").post("/api/v1/cdrs", "{\"records\":[" + record + "]}").body()
                .get("results").get(0);
        assertThat(result.get("outcome").asText()).isEqualTo("RATED");

        Api.Response back = Api.as(port, "manager", "manager").get("/api/v1/cdrs/"
                + URLEncoder.encode(source, StandardCharsets.UTF_8).replace("+", "%20") + "/"
                + URLEncoder.encode(cdrId, StandardCharsets.UTF_8).replace("+", "%20"));
        assertThat(back.status()).as(back.raw()).isEqualTo(200);
        assertThat(back.body().get("cdrId").asText()).isEqualTo(cdrId);
        StoredCdr stored = store.find(source, cdrId).orElseThrow();
        assertThat(stored.source()).isEqualTo(source);
        assertThat(stored.cdrId()).isEqualTo(cdrId);
        assertThat(stored.startTime().toInstant()).isEqualTo(OffsetDateTime.parse("2026-03-10T07:15:00.123456Z").toInstant());
        JsonNode vendor = stored.record().get("vendor");
        assertThat(vendor.get("note")).isEqualTo(record.get("vendor").get("note"));
        // jsonb cannot hold NUL: it is kept as U+FFFD
        assertThat(vendor.get("nul").asText()).isEqualTo("a\uFFFDb");
        assertThat(stored.lines()).isNotEmpty();
        assertThat(stored.total()).isEqualByComparingTo(result.get("total").asText());
    }
}
