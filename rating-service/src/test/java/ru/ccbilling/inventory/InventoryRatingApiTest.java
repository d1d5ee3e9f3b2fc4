package ru.ccbilling.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;

/**
 * Rating finds the account of a call to an 8-800 number in the inventory's history: the holder on the call's day.
 * A number released into Quarantine has no holder (UNKNOWN_ACCOUNT); a back-dated call from before its release
 * still belongs to the old holder. The demo numbers of the tariff sheet are in the inventory with their statuses.
 */
@PlatformTest
class InventoryRatingApiTest {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000 * 10);

    @LocalServerPort
    int port;

    private Api netops() {
        return Api.as(port, "netops", "netops");
    }

    private JsonNode call(String called, String startTime) {
        String source = "inv-test-" + System.nanoTime();
        String record = """
                {"source":"%s","cdrId":"c1","callType":"INBOUND_800","startTime":"%s","caller":"79161234567",
                 "called":"%s","stages":[{"type":"IVR","durationSec":61}]}""".formatted(source, startTime, called);
        Api.Response r = Api.as(port, "admin", "admin").post("/api/v1/cdrs", "{\"records\":[" + record + "]}");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body().get("results").get(0);
    }

    private String newAccount() {
        String code = "INVR-" + SEQUENCE.incrementAndGet();
        Api.Response r = Api.as(port, "finance", "finance").post("/api/v1/accounts", Map.of("account", code,
                "client", "ООО «Тест " + code + "»",
                "tariffs", List.of(Map.of("tariff", "CC-STANDARD-2026", "validFrom", "2026-01-01"))));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return code;
    }

    /** a new 8-800 number, Free in the demo pool 800-MSK */
    private String newNumber() {
        String number = "78006" + String.format("%06d", SEQUENCE.incrementAndGet() % 1_000_000);
        Api.Response imported = netops().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/inventory/resources/import?pool=800-MSK"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(number + "\n")));
        assertThat(imported.status()).as(imported.raw()).isEqualTo(200);
        return number;
    }

    @Test
    void aHoldingEndedOnTheAccountPageLeavesTheNumberInQuarantineAndItsEarlierCallsWithTheHolder() {
        String account = newAccount();
        String number = newNumber();
        // recorded on the account's page: the same holding the inventory shows; it ended ten days ago
        java.time.LocalDate today = java.time.LocalDate.now(ru.ccbilling.clock.ClockConfiguration.BUSINESS_ZONE);
        java.time.LocalDate from = today.minusDays(100);
        java.time.LocalDate to = today.minusDays(10);
        Api.Response held = Api.as(port, "finance", "finance").post("/api/v1/accounts/" + account + "/numbers",
                Map.of("number", number, "validFrom", from.toString(), "validTo", to.toString()));
        assertThat(held.status()).as(held.raw()).isEqualTo(201);
        JsonNode resource = netops().get("/api/v1/inventory/resources/" + number).body().get("resource");
        assertThat(resource.get("status").asText()).isEqualTo("QUARANTINE");
        assertThat(resource.get("quarantineUntil").asText()).isEqualTo(to.plusDays(90).toString());
        assertThat(resource.get("account").asText()).isEqualTo(account);

        assertThat(call(number, from.plusDays(5) + "T10:15:00+03:00").get("outcome").asText()).isEqualTo("RATED");
        JsonNode inQuarantine = call(number, to.plusDays(2) + "T10:15:00+03:00");
        assertThat(inQuarantine.get("reason").asText()).isEqualTo("UNKNOWN_ACCOUNT");
        assertThat(Api.as(port, "admin", "admin").get("/api/v1/cdrs?account=" + account).body().get("total").asLong())
                .isEqualTo(1);
    }

    @Test
    void releasingPutsTheNumberInQuarantineWhereCallsFindNoAccountWhileEarlierCallsKeepTheirHolder() {
        String account = newAccount();
        String number = newNumber();
        String today = java.time.LocalDate.now(ru.ccbilling.clock.ClockConfiguration.BUSINESS_ZONE).toString();
        Api.Response assigned = netops().post("/api/v1/inventory/resources/" + number + "/assign",
                Map.of("account", account, "validFrom", today));
        assertThat(assigned.status()).as(assigned.raw()).isEqualTo(200);
        String callWhileHeld = java.time.OffsetDateTime.now().minusMinutes(1).toString();
        assertThat(call(number, callWhileHeld).get("outcome").asText()).isEqualTo("RATED");

        String tomorrow = java.time.LocalDate.parse(today).plusDays(1).toString();
        Api.Response released = netops().post("/api/v1/inventory/resources/" + number + "/release",
                Map.of("date", tomorrow, "reason", "расторжение договора"));
        assertThat(released.status()).as(released.raw()).isEqualTo(200);
        // a call on the release day and after: the number is in Quarantine, nobody holds it
        JsonNode afterRelease = call(number, tomorrow + "T12:00:00+03:00");
        assertThat(afterRelease.get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(afterRelease.get("reason").asText()).isEqualTo("UNKNOWN_ACCOUNT");
        // a back-dated call from before the release still rates to the old holder
        assertThat(call(number, today + "T09:00:00+03:00").get("outcome").asText()).isEqualTo("RATED");
        assertThat(Api.as(port, "admin", "admin").get("/api/v1/cdrs?account=" + account).body().get("total").asLong())
                .isEqualTo(2);
    }

    @Test
    void networkOperationsFixACallRejectedForAFreeNumberFromTheQueueAndReprocessIt() {
        String account = newAccount();
        String number = newNumber();
        String today = java.time.LocalDate.now(ru.ccbilling.clock.ClockConfiguration.BUSINESS_ZONE).toString();
        String source = "netops-" + System.nanoTime();
        Api.Response stored = Api.as(port, "admin", "admin").post("/api/v1/cdrs", """
                {"records":[{"source":"%s","cdrId":"c1","callType":"INBOUND_800","startTime":"%sT09:30:00+03:00",
                 "caller":"79161234567","called":"%s","stages":[{"type":"IVR","durationSec":61}]}]}"""
                .formatted(source, today, number));
        assertThat(stored.body().get("results").get(0).get("reason").asText()).as(stored.raw()).isEqualTo("UNKNOWN_ACCOUNT");

        JsonNode queue = netops().get("/api/v1/rejects?source=" + source).body();
        assertThat(queue.get("items").findValuesAsText("cdrId")).containsExactly("c1");
        assertThat(netops().post("/api/v1/inventory/resources/" + number + "/assign",
                Map.of("account", account, "validFrom", today)).status()).isEqualTo(200);
        Api.Response reprocessed = netops().post("/api/v1/rejects/reprocess",
                Map.of("ids", List.of(Map.of("source", source, "cdrId", "c1"))));
        assertThat(reprocessed.status()).as(reprocessed.raw()).isEqualTo(200);
        assertThat(reprocessed.body().get("rated").asInt()).isEqualTo(1);
        assertThat(netops().get("/api/v1/rejects?source=" + source).body().get("items")).isEmpty();
        assertThat(Api.as(port, "admin", "admin").get("/api/v1/cdrs/" + source + "/c1").body().get("account").asText())
                .isEqualTo(account);
    }

    @Test
    void theDemoNumbersOfTheTariffSheetAreInTheInventoryWithTheirStatuses() {
        Map<String, String> expected = Map.of("78005553535", "BUSY", "78001002030", "BUSY", "78009990000", "FREE",
                "74951230000", "BUSY", "74951230001", "BUSY", "73833120000", "FREE");
        expected.forEach((number, status) -> {
            JsonNode r = netops().get("/api/v1/inventory/resources/" + number).body().get("resource");
            assertThat(r.get("status").asText()).as(number).isEqualTo(status);
        });
        JsonNode released = netops().get("/api/v1/inventory/resources/78007770000").body().get("resource");
        // released 2026-10-01 with 90 days of quarantine: Free from 2026-12-30
        assertThat(released.get("quarantineUntil").asText()).isEqualTo("2026-12-30");
        assertThat(netops().get("/api/v1/inventory/resources/78005553535").body().get("resource").get("account").asText())
                .isEqualTo("ACC-1001");
        JsonNode lines = netops().get("/api/v1/inventory/resources?pool=LINES-MSK").body();
        assertThat(lines.get("total").asLong()).isGreaterThanOrEqualTo(40);
        JsonNode check = netops().post("/api/v1/inventory/connect-check", Map.of("needs", List.of(
                Map.of("kind", "LINE", "site", "MSK", "quantity", 30),
                Map.of("kind", "TOLL_FREE_800", "quantity", 1)))).body();
        assertThat(check.get("needs").get(0).get("candidates")).hasSize(30);
        assertThat(check.get("possible").asBoolean()).isTrue();
    }

    @Test
    void salesReserveForAProspectButCannotAssign() {
        String number = newNumber();
        Api sales = Api.as(port, "sales", "sales");
        Api.Response reserved = sales.post("/api/v1/inventory/resources/" + number + "/reserve", Map.of(
                "reservedFor", "ИП Петров (потенциальный клиент)",
                "until", java.time.OffsetDateTime.now().plusDays(5).toString()));
        assertThat(reserved.status()).as(reserved.raw()).isEqualTo(200);
        assertThat(sales.post("/api/v1/inventory/resources/" + number + "/assign",
                Map.of("account", "ACC-1001", "validFrom", "2026-12-01")).status()).isEqualTo(403);
        assertThat(Api.as(port, "finance", "finance").get("/api/v1/inventory/capacity").status()).isEqualTo(200);
        assertThat(Api.as(port, "finance", "finance").post("/api/v1/inventory/resources/" + number + "/cancel-reservation",
                Map.of()).status()).isEqualTo(403);
    }
}
