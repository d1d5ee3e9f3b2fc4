package ru.ccbilling.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;

/**
 * The rejects queue (отсев) through the HTTP API: rejected records are listed with their reasons and counts,
 * and reprocessing after the reference data was fixed rates them in place, keeping their rejection history,
 * never storing or billing a record twice, not even when two reprocessing calls run at once.
 */
@PlatformTest
class RejectsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private static String inbound(String source, String id, String startTime, String operator) {
        return """
            {"source":"%s","cdrId":"%s","callType":"INBOUND_800","startTime":"%s","caller":"79161234567",
             "called":"78005553535","stages":[{"type":"IVR","durationSec":20},
             {"type":"OPERATOR","durationSec":95,"operatorId":"%s"}]}""".formatted(source, id, startTime, operator);
    }

    private static String outbound(String source, String id, String trunk) {
        return """
            {"source":"%s","cdrId":"%s","callType":"OUTBOUND","startTime":"2026-04-02T11:00:00+03:00",
             "caller":"74950000001","called":"79161234567","accountCode":"ACC-1002","trunk":"%s",
             "stages":[{"type":"OPERATOR","durationSec":61,"operatorId":"OP-102"}]}""".formatted(source, id, trunk);
    }

    private JsonNode submit(List<String> records) {
        Api.Response response = Api.as(port, "admin", "admin").post("/api/v1/cdrs", "{\"records\":[" + String.join(",", records) + "]}");
        assertThat(response.status()).isEqualTo(200);
        return response.body().get("results");
    }

    private Api manager() {
        return Api.as(port, "manager", "manager");
    }

    @Test
    void rejectedRecordsAreListedNewestFirstWithTheirReasonsAndCountsUnderTheFilter() {
        String source = "rq-list-" + System.nanoTime();
        String operator = "OP-RJ-" + System.nanoTime();
        submit(List.of(inbound(source, "a", "2026-03-10T10:15:00+03:00", operator),
                inbound(source, "b", "2026-03-12T10:15:00+03:00", operator),
                inbound(source, "rated", "2026-03-11T10:15:00+03:00", "OP-102"),
                outbound(source, "c", "TRUNK-NOWHERE")));

        JsonNode page = manager().get("/api/v1/rejects?source=" + source).body();
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(page.get("items").findValuesAsText("cdrId")).containsExactly("c", "b", "a");
        assertThat(page.get("countsByReason")).isEqualTo(Api.json().valueToTree(
                Map.of("UNKNOWN_OPERATOR", 2, "UNKNOWN_TRUNK", 1)));
        JsonNode b = page.get("items").get(1);
        assertThat(b.get("reason").asText()).isEqualTo("UNKNOWN_OPERATOR");
        // the detail is stored, and so shown, in Russian
        assertThat(b.get("reasonDetail").asText()).isEqualTo("нет оператора " + operator);
        assertThat(b.get("account").asText()).isEqualTo("ACC-1001");

        JsonNode byReason = manager().get("/api/v1/rejects?source=" + source + "&reason=UNKNOWN_OPERATOR").body();
        assertThat(byReason.get("items").findValuesAsText("cdrId")).containsExactly("b", "a");
        assertThat(byReason.get("countsByReason")).isEqualTo(Api.json().valueToTree(Map.of("UNKNOWN_OPERATOR", 2)));
        JsonNode dated = manager().get("/api/v1/rejects?source=" + source + "&account=ACC-1001"
                + "&from=2026-03-11T00:00:00%2B03:00&to=2026-04-01T00:00:00%2B03:00&size=1").body();
        assertThat(dated.get("items").findValuesAsText("cdrId")).containsExactly("b");
        assertThat(dated.get("total").asInt()).isEqualTo(1);
        JsonNode second = manager().get("/api/v1/rejects?source=" + source + "&page=1&size=2").body();
        assertThat(second.get("items").findValuesAsText("cdrId")).containsExactly("a");
    }

    @Test
    void reprocessingAfterTheFixRatesTheRecordInPlaceAndKeepsItsHistory() {
        String source = "rq-fix-" + System.nanoTime();
        String operator = "OP-RJ-" + System.nanoTime();
        String record = inbound(source, "r1", "2026-03-10T10:15:00+03:00", operator);
        submit(List.of(record, inbound(source, "r2", "2026-03-10T11:15:00+03:00", operator)));

        // reprocessing before the fix: still rejected, one more rejection in the history
        JsonNode before = manager().post("/api/v1/rejects/reprocess",
                "{\"ids\":[{\"source\":\"" + source + "\",\"cdrId\":\"r1\"},{\"source\":\"" + source + "\",\"cdrId\":\"none\"}]}").body();
        assertThat(before.get("selected").asInt()).isEqualTo(1);
        assertThat(before.get("rated").asInt()).isZero();
        assertThat(before.get("stillRejected").asInt()).isEqualTo(1);
        assertThat(before.get("byReason").get("UNKNOWN_OPERATOR").asInt()).isEqualTo(1);
        assertThat(before.get("skipped").asInt()).isEqualTo(1);

        assertThat(manager().put("/api/v1/reference/operators",
                "{\"operatorId\":\"" + operator + "\",\"site\":\"MSK\"}").status()).isEqualTo(200);
        JsonNode simulated = manager().post("/api/v1/rating/simulate", "{\"records\":[" + record + "]}").body()
                .get("results").get(0);
        assertThat(simulated.get("status").asText()).isEqualTo("RATED");

        Api.Response after = manager().post("/api/v1/rejects/reprocess",
                "{\"reason\":\"UNKNOWN_OPERATOR\",\"source\":\"" + source + "\"}");
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body().get("selected").asInt()).isEqualTo(2);
        assertThat(after.body().get("rated").asInt()).isEqualTo(2);
        assertThat(after.body().get("stillRejected").asInt()).isZero();

        JsonNode stored = manager().get("/api/v1/cdrs/" + source + "/r1").body();
        assertThat(stored.get("status").asText()).isEqualTo("RATED");
        assertThat(stored.get("total")).isEqualTo(simulated.get("total"));
        assertThat(stored.get("lines")).isEqualTo(simulated.get("lines"));
        assertThat(stored.has("reason")).isFalse();
        assertThat(stored.get("reprocessedAt").asText()).isNotBlank();
        JsonNode rejections = stored.get("rejections");
        assertThat(rejections).hasSize(2);
        assertThat(rejections.findValuesAsText("reason")).containsOnly("UNKNOWN_OPERATOR");
        assertThat(rejections.get(0).get("detail").asText()).isEqualTo("нет оператора " + operator);
        // a refused reprocessing names the field in Russian, or in English for a client who asks
        Api.Response nothing = manager().post("/api/v1/rejects/reprocess", "{}");
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.body().get("errors").get(0).get("field").asText()).isEqualTo("ids");
        assertThat(nothing.body().get("errors").get(0).get("message").asText()).isEqualTo("укажите ids, reason или all: true");
        assertThat(manager().inEnglish().post("/api/v1/rejects/reprocess", "{}").body().get("errors").get(0)
                .get("message").asText()).isEqualTo("give ids, a reason or all: true");
        assertThat(rejections.get(0).get("at").asText()).isEqualTo(stored.get("receivedAt").asText());
        assertThat(manager().get("/api/v1/cdrs/" + source + "/r2").body().get("rejections")).hasSize(1);

        // rated records leave the queue; reprocessing them again changes nothing and stores nothing
        assertThat(manager().get("/api/v1/rejects?source=" + source).body().get("total").asInt()).isZero();
        JsonNode again = manager().post("/api/v1/rejects/reprocess",
                "{\"ids\":[{\"source\":\"" + source + "\",\"cdrId\":\"r1\"}]}").body();
        assertThat(again.get("selected").asInt()).isZero();
        assertThat(again.get("skipped").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from cdr where source = ?", Long.class, source)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select sum(total) from cdr where source = ?", java.math.BigDecimal.class, source))
                .isEqualByComparingTo(new java.math.BigDecimal(simulated.get("total").asText()).multiply(
                        java.math.BigDecimal.valueOf(2)));
        // and sending the record again is still a duplicate
        assertThat(submit(List.of(record)).get(0).get("outcome").asText()).isEqualTo("DUPLICATE");
    }

    @Test
    void twoReprocessingCallsAtOnceNeverBothChangeARecord() {
        String source = "rq-race-" + System.nanoTime();
        String operator = "OP-RJ-" + System.nanoTime();
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            records.add(inbound(source, "x" + i, "2026-05-0" + (1 + i % 9) + "T12:00:00+03:00", operator));
        }
        submit(records);
        assertThat(manager().put("/api/v1/reference/operators",
                "{\"operatorId\":\"" + operator + "\",\"site\":\"NSK\"}").status()).isEqualTo(200);

        String body = "{\"reason\":\"UNKNOWN_OPERATOR\",\"source\":\"" + source + "\"}";
        CompletableFuture<Api.Response> first = CompletableFuture.supplyAsync(() -> manager().post("/api/v1/rejects/reprocess", body));
        CompletableFuture<Api.Response> second = CompletableFuture.supplyAsync(
                () -> Api.as(port, "finance", "finance").post("/api/v1/rejects/reprocess", body));
        JsonNode a = first.join().body();
        JsonNode b = second.join().body();

        assertThat(a.get("rated").asInt() + b.get("rated").asInt()).isEqualTo(600);
        assertThat(a.get("selected").asInt() + b.get("selected").asInt()).isEqualTo(600);
        assertThat(jdbc.queryForObject("select count(*) from cdr where source = ? and status = 'RATED'", Long.class, source))
                .isEqualTo(600);
        assertThat(jdbc.queryForObject("select count(*) from cdr_reject_history where source = ?", Long.class, source))
                .isEqualTo(600);
    }

    @Test
    void aLargeSelectionRunsAsAJob() throws Exception {
        String source = "rq-job-" + System.nanoTime();
        String operator = "OP-RJ-" + System.nanoTime();
        List<String> records = new ArrayList<>();
        for (int i = 0; i < RejectReprocessing.AT_ONCE + 1; i++) {
            records.add(inbound(source, "j" + i, "2026-06-10T09:00:00+03:00", i % 2 == 0 ? operator : "OP-NOT-" + operator));
        }
        submit(records);
        manager().put("/api/v1/reference/operators", "{\"operatorId\":\"" + operator + "\",\"site\":\"MSK\"}");

        Api.Response started = manager().post("/api/v1/rejects/reprocess", "{\"all\":true,\"source\":\"" + source + "\"}");
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.body().get("kind").asText()).isEqualTo(RejectReprocessing.JOB_KIND);
        String id = started.body().get("id").asText();
        JsonNode job = started.body();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (job.get("state").asText().equals("RUNNING") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            job = manager().get("/api/v1/jobs/" + id).body();
        }
        assertThat(job.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("startedBy").asText()).isEqualTo("manager");
        assertThat(job.get("done").asInt()).isEqualTo(RejectReprocessing.AT_ONCE + 1);
        JsonNode result = job.get("result");
        assertThat(result.get("selected").asInt()).isEqualTo(RejectReprocessing.AT_ONCE + 1);
        assertThat(result.get("rated").asInt()).isEqualTo(501);
        assertThat(result.get("byReason").get("UNKNOWN_OPERATOR").asInt()).isEqualTo(500);
        assertThat(manager().get("/api/v1/rejects?source=" + source).body().get("countsByReason"))
                .isEqualTo(Api.json().valueToTree(Map.of("UNKNOWN_OPERATOR", 500)));
    }

    @Test
    void listingIsForStaffAndApiClientsAndReprocessingForManagersFinanceAndAdmins() {
        assertThat(Api.withApiKey(port).get("/api/v1/rejects").status()).isEqualTo(200);
        assertThat(Api.as(port, "finance", "finance").get("/api/v1/rejects").status()).isEqualTo(200);
        assertThat(Api.as(port, "sales", "sales").get("/api/v1/rejects").status()).isEqualTo(403);
        String none = "{\"ids\":[{\"source\":\"nowhere\",\"cdrId\":\"nothing\"}]}";
        assertThat(Api.withApiKey(port).post("/api/v1/rejects/reprocess", none).status()).isEqualTo(403);
        assertThat(Api.as(port, "sales", "sales").post("/api/v1/rejects/reprocess", none).status()).isEqualTo(403);
        assertThat(Api.as(port, "admin", "admin").post("/api/v1/rejects/reprocess", none).status()).isEqualTo(200);
    }

    @Test
    void aReprocessRequestMustSayWhichRecords() {
        Api.Response nothing = manager().post("/api/v1/rejects/reprocess", "{}");
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.body().get("errors").findValuesAsText("field")).containsExactly("ids");
        Api.Response both = manager().post("/api/v1/rejects/reprocess",
                "{\"ids\":[{\"source\":\"s\",\"cdrId\":\"c\"}],\"reason\":\"NO_RATE\"}");
        assertThat(both.status()).isEqualTo(400);
        Api.Response badReason = manager().post("/api/v1/rejects/reprocess", "{\"reason\":\"BORED\"}");
        assertThat(badReason.status()).isEqualTo(400);
        Api.Response noCdrId = manager().post("/api/v1/rejects/reprocess", "{\"ids\":[{\"source\":\"s\"}]}");
        assertThat(noCdrId.status()).isEqualTo(400);
        assertThat(noCdrId.body().get("errors").findValuesAsText("field")).anyMatch(f -> f.contains("cdrId"));
        Api.Response badListing = manager().get("/api/v1/rejects?reason=BORED");
        assertThat(badListing.status()).isEqualTo(400);
        assertThat(badListing.body().get("errors").findValuesAsText("field")).containsExactly("reason");
    }
}
