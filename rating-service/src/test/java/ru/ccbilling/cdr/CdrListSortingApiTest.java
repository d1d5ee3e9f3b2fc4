package ru.ccbilling.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;

/**
 * The CDR list and the rejects queue sorted by the server (`sort=field` or `field,desc`): the real order of stored
 * records both ways, ties newest first then by id so that pages never overlap, the exports in the same order, and an
 * unknown field or direction refused with 400 naming `sort`.
 */
@PlatformTest
class CdrListSortingApiTest {

    @LocalServerPort
    int port;

    /** an 8-800 call answered by operator {@code operator} after {@code ivr} + {@code talk} seconds */
    private static String inbound(String source, String id, String start, String operator, int talk) {
        return """
            {"source":"%s","cdrId":"%s","callType":"INBOUND_800","startTime":"%s","caller":"79161234567",
             "called":"78005553535","stages":[{"type":"IVR","durationSec":20},
             {"type":"OPERATOR","durationSec":%d,"operatorId":"%s"}]}""".formatted(source, id, start, talk, operator);
    }

    private static String unknownNumber(String source, String id, String start) {
        return """
            {"source":"%s","cdrId":"%s","callType":"INBOUND_800","startTime":"%s","caller":"79161112233",
             "called":"78009999999","stages":[{"type":"IVR","durationSec":40}]}""".formatted(source, id, start);
    }

    private static String outbound(String source, String id, String start, String trunk) {
        return """
            {"source":"%s","cdrId":"%s","callType":"OUTBOUND","startTime":"%s",
             "caller":"74950000001","called":"79161234567","accountCode":"ACC-1002","trunk":"%s",
             "stages":[{"type":"OPERATOR","durationSec":61,"operatorId":"OP-102"}]}""".formatted(source, id, start, trunk);
    }

    /** each call is a batch of its own, so that the records' receivedAt follow the order of the calls */
    private void submit(String... records) {
        for (String record : records) {
            Api.Response r = Api.as(port, "admin", "admin").post("/api/v1/cdrs", "{\"records\":[" + record + "]}");
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            sleepAMillisecond();
        }
    }

    private static void sleepAMillisecond() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Api finance() {
        return Api.as(port, "finance", "finance");
    }

    private List<String> ids(String path) {
        Api.Response r = finance().get(path);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        // the items' own cdrId (a CDR's record holds its cdrId too)
        List<String> ids = new ArrayList<>();
        r.body().get("items").forEach(item -> ids.add(item.get("cdrId").asText()));
        return ids;
    }

    @Test
    void theCdrListIsSortedByTheServerBothWaysWithRejectedTotalsLast() {
        String s = "sort-cdr-" + System.nanoTime();
        String unknownOperator = "OP-SORT-" + System.nanoTime();
        // sent out of time order, one batch each: receivedAt is o1, r3, x1, r1, r2, r2b
        submit(outbound(s, "o1", "2026-04-02T11:00:00+03:00", "TRUNK-NOWHERE"),
                inbound(s, "r3", "2026-03-12T10:00:00+03:00", "OP-102", 300),
                inbound(s, "x1", "2026-03-09T10:00:00+03:00", unknownOperator, 95),
                inbound(s, "r1", "2026-03-10T10:00:00+03:00", "OP-102", 95),
                inbound(s, "r2", "2026-03-11T10:00:00+03:00", "OP-102", 30),
                inbound(s, "r2b", "2026-03-11T10:00:00+03:00", "OP-102", 30));
        String list = "/api/v1/cdrs?source=" + s + "&size=50";

        // the default is as it always was: newest first; r2 and r2b start together and come in one order or the other
        List<String> newest = ids(list);
        assertThat(newest).hasSize(6);
        assertThat(newest.get(0)).isEqualTo("o1");
        assertThat(newest.subList(1, 2)).containsExactly("r3");
        assertThat(newest.subList(2, 4)).containsExactlyInAnyOrder("r2", "r2b");
        assertThat(newest.subList(4, 6)).containsExactly("r1", "x1");
        assertThat(ids(list + "&sort=startTime,desc")).isEqualTo(newest);
        List<String> oldest = new ArrayList<>(newest);
        java.util.Collections.reverse(oldest);
        // ascending the id follows the direction too (the index read backwards): exactly the reverse
        assertThat(ids(list + "&sort=startTime")).isEqualTo(oldest);
        assertThat(ids(list + "&sort=startTime,ASC")).isEqualTo(oldest);

        assertThat(ids(list + "&sort=receivedAt")).containsExactly("o1", "r3", "x1", "r1", "r2", "r2b");
        assertThat(ids(list + "&sort=receivedAt,desc")).containsExactly("r2b", "r2", "r1", "x1", "r3", "o1");

        // ties (the same account) newest first
        List<String> ofAcc1001 = newest.subList(1, 6);
        List<String> byAccount = new ArrayList<>(ofAcc1001);
        byAccount.add("o1");
        assertThat(ids(list + "&sort=account")).isEqualTo(byAccount);
        assertThat(ids(list + "&sort=accountCode")).isEqualTo(byAccount);
        List<String> byAccountDesc = new ArrayList<>(List.of("o1"));
        byAccountDesc.addAll(ofAcc1001);
        assertThat(ids(list + "&sort=account,desc")).isEqualTo(byAccountDesc);

        // RATED before REJECTED, each newest first
        List<String> rated = newest.stream().filter(id -> id.startsWith("r")).toList();
        List<String> byStatus = new ArrayList<>(rated);
        byStatus.addAll(List.of("o1", "x1"));
        assertThat(ids(list + "&sort=status")).isEqualTo(byStatus);
        assertThat(ids(list + "&sort=callType,desc").get(0)).isEqualTo("o1");

        // durations as stored, and totals as priced: monotonic both ways, a rejected record (no total) last both ways
        for (String direction : List.of("", ",desc")) {
            JsonNode items = finance().get(list + "&sort=durationSec" + direction).body().get("items");
            List<Integer> durations = new ArrayList<>();
            items.forEach(i -> durations.add(i.get("durationSec").asInt()));
            assertThat(durations).isSortedAccordingTo(direction.isEmpty() ? Comparator.<Integer>naturalOrder()
                    : Comparator.<Integer>reverseOrder());

            JsonNode byTotal = finance().get(list + "&sort=total" + direction).body().get("items");
            List<BigDecimal> totals = new ArrayList<>();
            List<String> order = new ArrayList<>();
            byTotal.forEach(i -> {
                order.add(i.get("cdrId").asText());
                if (i.hasNonNull("total")) {
                    totals.add(new BigDecimal(i.get("total").asText()));
                }
            });
            assertThat(totals).hasSize(4).isSortedAccordingTo(direction.isEmpty() ? Comparator.<BigDecimal>naturalOrder()
                    : Comparator.<BigDecimal>reverseOrder());
            // the longest call costs most; the two rejected ones (no total) come last, newest first
            assertThat(order.indexOf("r3")).isEqualTo(direction.isEmpty() ? 3 : 0);
            assertThat(order.subList(4, 6)).containsExactly("o1", "x1");
        }
    }

    @Test
    void pagesOfASortedListNeverOverlapEvenWhenTheSortedValuesTie() {
        String s = "sort-pages-" + System.nanoTime();
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // three share one start time, and every one has the same call type and duration: ties everywhere
            String start = i < 3 ? "2026-03-15T09:00:00+03:00" : "2026-03-15T09:0" + i + ":00+03:00";
            records.add(inbound(s, "p" + i, start, "OP-102", 60));
        }
        Api.Response r = Api.as(port, "admin", "admin").post("/api/v1/cdrs",
                "{\"records\":[" + String.join(",", records) + "]}");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        for (String sort : List.of("callType", "callType,desc", "durationSec,desc", "startTime", "startTime,desc",
                "status", "total,desc")) {
            String list = "/api/v1/cdrs?source=" + s + "&sort=" + sort;
            List<String> whole = ids(list + "&size=50");
            List<String> paged = new ArrayList<>();
            for (int page = 0; page < 4; page++) {
                paged.addAll(ids(list + "&size=2&page=" + page));
            }
            assertThat(paged).as(sort).hasSize(7).doesNotHaveDuplicates().isEqualTo(whole);
            // the same request twice answers the same order
            assertThat(ids(list + "&size=50")).as(sort).isEqualTo(whole);
        }
    }

    @Test
    void theRejectsQueueIsSortedByTheServerBothWays() {
        String s = "sort-rej-" + System.nanoTime();
        String unknownOperator = "OP-SORTRJ-" + System.nanoTime();
        // receivedAt: c, a, d, b
        submit(outbound(s, "c", "2026-04-02T11:00:00+03:00", "TRUNK-NOWHERE"),
                inbound(s, "a", "2026-03-10T10:15:00+03:00", unknownOperator, 95),
                unknownNumber(s, "d", "2026-03-11T10:15:00+03:00"),
                inbound(s, "b", "2026-03-12T10:15:00+03:00", unknownOperator, 95),
                inbound(s, "rated", "2026-03-13T10:15:00+03:00", "OP-102", 95));
        String list = "/api/v1/rejects?source=" + s;

        assertThat(ids(list)).containsExactly("c", "b", "d", "a");
        assertThat(ids(list + "&sort=startTime")).containsExactly("a", "d", "b", "c");
        assertThat(ids(list + "&sort=startTime,desc")).containsExactly("c", "b", "d", "a");
        assertThat(ids(list + "&sort=receivedAt")).containsExactly("c", "a", "d", "b");
        assertThat(ids(list + "&sort=receivedAt,desc")).containsExactly("b", "d", "a", "c");
        // by the reason's code: UNKNOWN_ACCOUNT, UNKNOWN_OPERATOR (newest first), UNKNOWN_TRUNK
        assertThat(ids(list + "&sort=reason")).containsExactly("d", "b", "a", "c");
        assertThat(ids(list + "&sort=reason,desc")).containsExactly("c", "b", "a", "d");
        // the record of a number nobody holds has no account: last both ways
        assertThat(ids(list + "&sort=account")).containsExactly("b", "a", "c", "d");
        assertThat(ids(list + "&sort=accountCode,desc")).containsExactly("c", "b", "a", "d");
        // paging a sorted queue: the counts stay those of the filter
        JsonNode second = finance().get(list + "&sort=reason&size=2&page=1").body();
        assertThat(second.get("items").findValuesAsText("cdrId")).containsExactly("a", "c");
        assertThat(second.get("total").asInt()).isEqualTo(4);
    }

    @Test
    void exportsFollowTheListsSort() throws Exception {
        String s = "sort-exp-" + System.nanoTime();
        String unknownOperator = "OP-SORTEX-" + System.nanoTime();
        submit(inbound(s, "long", "2026-03-10T10:00:00+03:00", "OP-102", 400),
                inbound(s, "short", "2026-03-11T10:00:00+03:00", "OP-102", 10),
                inbound(s, "mid", "2026-03-12T10:00:00+03:00", "OP-102", 100),
                inbound(s, "rej-old", "2026-03-01T10:00:00+03:00", unknownOperator, 10),
                unknownNumber(s, "rej-new", "2026-03-20T10:00:00+03:00"));

        for (String sort : List.of("durationSec", "durationSec,desc", "startTime", "total,desc")) {
            List<String> listed = ids("/api/v1/cdrs?source=" + s + "&sort=" + sort);
            assertThat(column(download("/api/v1/cdrs.csv?source=" + s + "&sort=" + sort), "Идентификатор"))
                    .as(sort).isEqualTo(listed);
        }
        assertThat(column(download("/api/v1/cdrs.csv?source=" + s + "&sort=durationSec"), "Идентификатор"))
                .startsWith("short", "rej-old").endsWith("long");
        for (String sort : List.of("reason", "reason,desc", "startTime")) {
            List<String> listed = ids("/api/v1/rejects?source=" + s + "&sort=" + sort);
            assertThat(column(download("/api/v1/rejects.csv?source=" + s + "&sort=" + sort), "Идентификатор"))
                    .as(sort).isEqualTo(listed);
        }
        assertThat(column(download("/api/v1/rejects.csv?source=" + s + "&sort=startTime"), "Идентификатор"))
                .containsExactly("rej-old", "rej-new");
        HttpResponse<byte[]> xlsx = raw("/api/v1/cdrs.xlsx?source=" + s + "&sort=durationSec,desc");
        assertThat(xlsx.statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownSortFieldOrDirectionIsRefusedNamingSort() throws Exception {
        Api finance = finance();
        for (String path : List.of("/api/v1/cdrs?sort=password", "/api/v1/cdrs?sort=total,sideways",
                "/api/v1/cdrs?sort=total,desc,again", "/api/v1/cdrs?sort=c.total", "/api/v1/cdrs?sort=cdrId&page=1",
                "/api/v1/rejects?sort=status", "/api/v1/rejects?sort=reason,up", "/api/v1/rejects?sort=total")) {
            Api.Response r = finance.get(path);
            assertThat(r.status()).as(path + " " + r.raw()).isEqualTo(400);
            assertThat(r.contentType()).as(path).contains("problem+json");
            assertThat(r.body().get("errors").findValuesAsText("field")).as(r.raw()).containsExactly("sort");
            assertThat(r.raw()).as(path).contains("не сортируется").contains("startTime");
        }
        Api.Response english = finance.inEnglish().get("/api/v1/rejects?sort=password");
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.raw()).contains("cannot be sorted by").contains("password").contains("receivedAt");
        for (String path : List.of("/api/v1/cdrs.csv?sort=nope", "/api/v1/cdrs.xlsx?sort=total,sideways",
                "/api/v1/rejects.csv?sort=nope", "/api/v1/rejects.xlsx?sort=nope")) {
            HttpResponse<byte[]> r = raw(path);
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).as(path).contains("\"sort\"");
        }
    }

    // ---------------------------------------------------------------- helpers

    /** the values of the CSV column titled {@code title}, row by row */
    private static List<String> column(String csv, String title) {
        String[] lines = csv.replace("\uFEFF", "").split("\r\n");
        int at = Arrays.asList(lines[0].split(";", -1)).indexOf(title);
        assertThat(at).as(lines[0]).isGreaterThanOrEqualTo(0);
        List<String> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            out.add(lines[i].split(";", -1)[at]);
        }
        return out;
    }

    private String download(String path) throws Exception {
        HttpResponse<byte[]> r = raw(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private HttpResponse<byte[]> raw(String path) throws Exception {
        String basic = Base64.getEncoder().encodeToString("finance:finance".getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
