package ru.ccbilling.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;
import ru.ccbilling.period.Finance;

/**
 * The data the portal tests read, made once per application context through the HTTP API: the golden calls
 * (March to May 2026 of ACC-1001 and ACC-1002), March 2026 closed and its documents issued for both clients, a
 * payment of ACC-1001 that covers its March invoice, and a call of ACC-1001 made today.
 */
public final class PortalFixture {

    public static final String MARCH = "2026-03";
    private static final java.util.Set<Integer> READY = new java.util.HashSet<>();

    /** ids of March's documents by account */
    public static final Map<String, List<String>> DOCUMENTS = new java.util.concurrent.ConcurrentHashMap<>();
    static final String TODAYS_CALL = "portal-today-1";
    /** the job that closed March */
    static volatile String closeJob;

    private PortalFixture() { }

    public static synchronized void ensure(int port) {
        if (!READY.add(port)) {
            return;
        }
        Api admin = Api.as(port, "admin", "admin");
        List<JsonNode> golden = new ArrayList<>();
        try (InputStream in = PortalFixture.class.getResourceAsStream("/golden-cdrs.json")) {
            Api.json().readTree(in).forEach(g -> golden.add(g.get("cdr")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(admin.post("/api/v1/cdrs", Map.of("records", golden)).status()).isEqualTo(200);
        String now = OffsetDateTime.now(ZoneOffset.ofHours(3)).minusMinutes(5).withNano(0).toString();
        Api.Response today = admin.post("/api/v1/cdrs", Map.of("records", List.of(Map.of("source", "portal-test",
                "cdrId", TODAYS_CALL, "callType", "INBOUND_800", "startTime", now, "caller", "79161112233",
                "called", "78005553535", "stages", List.of(Map.of("type", "IVR", "durationSec", 40))))));
        assertThat(today.body().at("/results/0/outcome").asText()).as(today.raw()).isEqualTo("RATED");

        Finance f = new Finance(port);
        closeJob = f.close(MARCH, "ACC-1001", "ACC-1002").get("id").asText();
        for (String account : List.of("ACC-1001", "ACC-1002")) {
            Api.Response issued = f.finance.post("/api/v1/documents/packages", Map.of("account", account, "month", MARCH));
            assertThat(issued.status()).as(issued.raw()).isBetween(200, 201);
            DOCUMENTS.put(account, issued.body().get("documents").findValuesAsText("id"));
        }
        JsonNode invoice = f.finance.get("/api/v1/documents?account=ACC-1001&month=" + MARCH + "&type=INVOICE").body().get(0);
        Api.Response paid = f.finance.post("/api/v1/accounts/ACC-1001/payments", Map.of("amount",
                invoice.get("gross").asText(), "date", "2026-04-10", "reference", "ПП-" + port));
        assertThat(paid.status()).as(paid.raw()).isEqualTo(201);
    }
}
