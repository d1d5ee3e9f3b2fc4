package ru.ccbilling.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;
import ru.ccbilling.BillingApiTest;
import ru.ccbilling.period.Finance;

/**
 * The life of a network resource through the HTTP API: Free, Reserved, Busy, Quarantine and back to Free, every
 * transition allowed and every other one refused with 409 naming the status; time-based ones happen as the
 * (movable) clock passes; concurrent reservations, bulk changes and CSV imports all or nothing.
 */
@BillingApiTest
@Import(MovableClock.Config.class)
class InventoryApiTest {

    /** geographic numbers of a code nobody else's tests use, in blocks of 100 */
    private static final AtomicLong BLOCK = new AtomicLong(System.currentTimeMillis() % 10_000 * 10);

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    StatusMaterialiser materialiser;

    private Api admin() {
        return Api.as(port, "admin", "admin");
    }

    /** a pool of ten Free geographic numbers; the first of them */
    private String poolOfTen(String pool) {
        Api admin = admin();
        Api.Response saved = admin.put("/api/v1/inventory/pools/" + pool, Map.of("code", pool, "name", "Тест " + pool,
                "kind", "VIRTUAL_OFFICE", "site", "NSK", "lowWaterMark", 20));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        String first = "7384" + String.format("%07d", BLOCK.incrementAndGet() * 100 % 10_000_000);
        String last = first.substring(0, 9) + "09";
        Api.Response imported = importCsv(admin, pool, first + "," + last + ",красивый\n");
        assertThat(imported.status()).as(imported.raw()).isEqualTo(200);
        assertThat(imported.body().get("resources").asLong()).isEqualTo(10);
        return first;
    }

    private static String next(String number, int by) {
        return Long.toString(Long.parseLong(number) + by);
    }

    private Api.Response importCsv(Api api, String pool, String csv) {
        return api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/inventory/resources/import?pool=" + pool))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    private JsonNode resource(String id) {
        Api.Response r = admin().get("/api/v1/inventory/resources/" + id);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    private String status(String id) {
        return resource(id).get("resource").get("status").asText();
    }

    private Api.Response reserve(String id, Instant until) {
        return admin().post("/api/v1/inventory/resources/" + id + "/reserve",
                Map.of("reservedFor", "ООО «Перспектива»", "until", until.toString(), "reason", "КП от 01.12"));
    }

    private Api.Response assign(String id, String account, String from) {
        return admin().post("/api/v1/inventory/resources/" + id + "/assign",
                Map.of("account", account, "validFrom", from, "channels", 2, "reason", "договор"));
    }

    private Api.Response release(String id, String date) {
        return admin().post("/api/v1/inventory/resources/" + id + "/release", Map.of("date", date, "reason", "расторжение"));
    }

    private Api.Response cancel(String id) {
        return admin().post("/api/v1/inventory/resources/" + id + "/cancel-reservation", Map.of("reason", "отказ"));
    }

    private String today() {
        return LocalDate.now(clock).toString();
    }

    private static void refusedNaming(Api.Response r, String status) {
        assertThat(r.status()).as(r.raw()).isEqualTo(409);
        assertThat(r.body().get("errors").get(0).get("field").asText()).isEqualTo("status");
        assertThat(r.body().get("errors").get(0).get("message").asText()).contains(status);
    }

    @Test
    void everyLegalTransitionAndBackToFreeAfterTheQuarantine() {
        String number = poolOfTen("T-LEGAL-" + BLOCK.incrementAndGet());
        String account = new Finance(port).openAccount("INV");
        Instant inAWeek = clock.instant().plus(7, ChronoUnit.DAYS);

        assertThat(status(number)).isEqualTo("FREE");
        assertThat(reserve(number, inAWeek).status()).isEqualTo(200);
        assertThat(resource(number).get("resource").get("reservedFor").asText()).isEqualTo("ООО «Перспектива»");
        assertThat(cancel(number).status()).isEqualTo(200);
        assertThat(status(number)).isEqualTo("FREE");
        assertThat(reserve(number, inAWeek).status()).isEqualTo(200);
        Api.Response busy = assign(number, account, today());
        assertThat(busy.status()).as(busy.raw()).isEqualTo(200);
        assertThat(busy.body().get("status").asText()).isEqualTo("BUSY");
        assertThat(busy.body().get("account").asText()).isEqualTo(account);

        // Free → Busy directly, too
        String other = next(number, 1);
        assertThat(assign(other, account, today()).body().get("status").asText()).isEqualTo("BUSY");

        clock.advance(Duration.ofDays(3));
        Api.Response released = release(number, today());
        assertThat(released.status()).as(released.raw()).isEqualTo(200);
        assertThat(released.body().get("status").asText()).isEqualTo("QUARANTINE");
        assertThat(released.body().get("quarantineUntil").asText())
                .isEqualTo(LocalDate.now(clock).plusDays(90).toString());

        clock.advance(Duration.ofDays(89));
        assertThat(status(number)).isEqualTo("QUARANTINE");
        clock.advance(Duration.ofDays(1));
        // nobody clicked: the read derives Free, and the scheduled job writes it back with a line of history
        assertThat(status(number)).isEqualTo("FREE");
        assertThat(materialiser.materialise()).isGreaterThanOrEqualTo(1);
        JsonNode details = resource(number);
        assertThat(details.get("resource").get("status").asText()).isEqualTo("FREE");
        assertThat(details.get("history").findValuesAsText("action")).containsSubsequence("RESERVED",
                "RESERVATION_CANCELLED", "RESERVED", "ASSIGNED", "RELEASED", "QUARANTINE_ENDED");
        assertThat(details.get("history").findValuesAsText("actor")).contains("admin", "system");
        assertThat(details.get("holdings").get(0).get("account").asText()).isEqualTo(account);
        // Free again: it can be reserved again
        assertThat(reserve(number, clock.instant().plus(1, ChronoUnit.DAYS)).status()).isEqualTo(200);
    }

    @Test
    void anExpiredReservationIsFreeAgainByItself() {
        String number = poolOfTen("T-EXPIRE-" + BLOCK.incrementAndGet());
        assertThat(reserve(number, clock.instant().plus(2, ChronoUnit.HOURS)).status()).isEqualTo(200);
        assertThat(status(number)).isEqualTo("RESERVED");
        clock.advance(Duration.ofHours(3));
        assertThat(status(number)).isEqualTo("FREE");
        Api.Response free = admin().get("/api/v1/inventory/resources?status=FREE&from=" + number + "&to=" + number);
        assertThat(free.body().get("total").asLong()).isEqualTo(1);
        materialiser.materialise();
        assertThat(resource(number).get("history").findValuesAsText("action")).contains("RESERVATION_EXPIRED");
    }

    @Test
    void everyOtherTransitionIsRefusedWith409NamingTheCurrentStatus() {
        String free = poolOfTen("T-ILLEGAL-" + BLOCK.incrementAndGet());
        String reserved = next(free, 1);
        String busy = next(free, 2);
        String quarantined = next(free, 3);
        String account = new Finance(port).openAccount("INX");
        Instant later = clock.instant().plus(7, ChronoUnit.DAYS);
        assertThat(reserve(reserved, later).status()).isEqualTo(200);
        assertThat(assign(busy, account, today()).status()).isEqualTo(200);
        assertThat(assign(quarantined, account, today()).status()).isEqualTo(200);
        clock.advance(Duration.ofDays(1));
        assertThat(release(quarantined, today()).status()).isEqualTo(200);

        refusedNaming(cancel(free), "Свободен");
        refusedNaming(release(free, today()), "Свободен");
        refusedNaming(reserve(reserved, later), "Резерв");
        refusedNaming(release(reserved, today()), "Резерв");
        refusedNaming(reserve(busy, later), "Занят");
        refusedNaming(cancel(busy), "Занят");
        refusedNaming(assign(busy, account, today()), "Занят");
        refusedNaming(reserve(quarantined, later), "Отстойник");
        refusedNaming(cancel(quarantined), "Отстойник");
        refusedNaming(assign(quarantined, account, today()), "Отстойник");
        refusedNaming(release(quarantined, today()), "Отстойник");
        Api.Response english = admin().inEnglish().post("/api/v1/inventory/resources/" + quarantined + "/reserve",
                Map.of("reservedFor", "x", "until", later.toString()));
        assertThat(english.body().get("errors").get(0).get("message").asText()).contains("Quarantine (QUARANTINE)");
        // and the account's page cannot take a quarantined number either: it is the same assignment
        Api.Response onAccountPage = admin().post("/api/v1/accounts/" + new Finance(port).openAccount("INY") + "/numbers",
                Map.of("number", quarantined, "validFrom", today(), "kind", "VIRTUAL_OFFICE", "channels", 1));
        refusedNaming(onAccountPage, "Отстойник");
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        String number = poolOfTen("T-BAD-" + BLOCK.incrementAndGet());
        Api.Response past = reserve(number, clock.instant().minus(1, ChronoUnit.HOURS));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.body().get("errors").get(0).get("field").asText()).isEqualTo("until");
        assertThat(past.body().get("errors").get(0).get("message").asText()).isEqualTo("срок резерва должен быть в будущем");
        Api.Response noAccount = assign(number, "NO-SUCH-ACCOUNT", today());
        assertThat(noAccount.status()).isEqualTo(422);
        assertThat(noAccount.body().get("errors").get(0).get("field").asText()).isEqualTo("account");
        Api.Response unknown = admin().post("/api/v1/inventory/resources/79999999999/reserve",
                Map.of("reservedFor", "x", "until", clock.instant().plusSeconds(60).toString()));
        assertThat(unknown.status()).isEqualTo(404);
        Api.Response unknownPool = importCsv(admin(), "NO-SUCH-POOL", "73840000000\n");
        assertThat(unknownPool.status()).isEqualTo(400);
        assertThat(unknownPool.body().get("errors").get(0).get("field").asText()).isEqualTo("pool");
        Api.Response unknownKind = admin().put("/api/v1/inventory/pools/T-NOKIND", Map.of("code", "T-NOKIND",
                "name", "x", "kind", "NO_SUCH_KIND"));
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.body().get("errors").get(0).get("field").asText()).isEqualTo("kind");
    }

    @Test
    void anImportWithOneBadLineAddsNothingAndNamesEachLine() {
        String pool = "T-IMPORT-" + BLOCK.incrementAndGet();
        String first = poolOfTen(pool);
        String base = "7384" + String.format("%07d", BLOCK.incrementAndGet() * 100 % 10_000_000);
        String csv = "first,last,category\n"
                + base + "," + next(base, 9) + "\n"
                + "7384abc,7384999\n"                          // malformed
                + next(base, 5) + "," + next(base, 20) + "\n"   // overlaps line 2
                + first + "\n";                                  // already in the inventory
        Api.Response refused = importCsv(admin(), pool, csv);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.body().get("errors").findValuesAsText("field")).containsExactly("line 3", "line 4", "line 5");
        Api.Response listed = admin().get("/api/v1/inventory/resources?from=" + base + "&to=" + next(base, 20));
        assertThat(listed.body().get("total").asLong()).isZero();
        Api.Response overlapping = importCsv(admin(), pool, base + "," + next(base, 9) + "\n" + next(base, 5) + "\n");
        assertThat(overlapping.status()).isEqualTo(400);
        assertThat(overlapping.body().get("errors").get(0).get("field").asText()).isEqualTo("line 2");
        assertThat(admin().get("/api/v1/inventory/resources?from=" + base + "&to=" + next(base, 20)).body()
                .get("total").asLong()).isZero();
        // the good lines alone go in
        Api.Response good = importCsv(admin(), pool, base + "," + next(base, 9) + "\n");
        assertThat(good.status()).as(good.raw()).isEqualTo(200);
        assertThat(admin().get("/api/v1/inventory/resources?pool=" + pool + "&status=FREE").body().get("total").asLong())
                .isEqualTo(20);
    }

    @Test
    void aBulkReservationWithOneResourceThatCannotChangeChangesNothing() {
        String first = poolOfTen("T-BULK-" + BLOCK.incrementAndGet());
        String account = new Finance(port).openAccount("INB");
        assertThat(assign(next(first, 4), account, today()).status()).isEqualTo(200);
        Map<String, Object> request = new LinkedHashMap<>(Map.of("action", "RESERVE", "from", first,
                "to", next(first, 9), "reservedFor", "ООО «Опт»", "until", clock.instant().plus(3, ChronoUnit.DAYS).toString()));
        Api.Response refused = admin().post("/api/v1/inventory/resources/bulk", request);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.body().get("errors").findValuesAsText("field")).containsExactly(next(first, 4));
        assertThat(admin().get("/api/v1/inventory/resources?status=RESERVED&from=" + first + "&to=" + next(first, 9))
                .body().get("total").asLong()).isZero();
        Api.Response selection = admin().post("/api/v1/inventory/resources/bulk", Map.of("action", "RESERVE",
                "resources", List.of(first, next(first, 1)), "reservedFor", "ООО «Опт»",
                "until", clock.instant().plus(3, ChronoUnit.DAYS).toString()));
        assertThat(selection.status()).as(selection.raw()).isEqualTo(200);
        assertThat(selection.body().get("changed").asInt()).isEqualTo(2);
        assertThat(status(next(first, 1))).isEqualTo("RESERVED");
    }

    @Test
    void ofConcurrentReservationsOfOneNumberExactlyOneWins() throws Exception {
        String number = poolOfTen("T-RACE-" + BLOCK.incrementAndGet());
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Callable<Integer> attempt = () -> {
                start.await();
                return reserve(number, clock.instant().plus(1, ChronoUnit.DAYS)).status();
            };
            answers.add(pool.submit(attempt));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(threads - 1);
        assertThat(resource(number).get("history").findValuesAsText("action")).containsOnlyOnce("RESERVED");
    }

    @Test
    void theAccountPageAndTheInventoryAssignTheSameHolding() {
        String number = poolOfTen("T-ONE-" + BLOCK.incrementAndGet());
        String account = new Finance(port).openAccount("INO");
        assertThat(assign(number, account, today()).status()).isEqualTo(200);
        JsonNode held = admin().get("/api/v1/accounts/" + account + "/numbers").body();
        assertThat(held.findValuesAsText("number")).containsExactly(number);
        assertThat(held.get(0).get("channels").asInt()).isEqualTo(2);

        String viaAccount = next(number, 1);
        Api.Response onPage = admin().post("/api/v1/accounts/" + account + "/numbers", Map.of("number", viaAccount,
                "validFrom", today(), "kind", "VIRTUAL_OFFICE", "channels", 3));
        assertThat(onPage.status()).as(onPage.raw()).isEqualTo(201);
        JsonNode inInventory = resource(viaAccount);
        assertThat(inInventory.get("resource").get("status").asText()).isEqualTo("BUSY");
        assertThat(inInventory.get("resource").get("account").asText()).isEqualTo(account);

        clock.advance(Duration.ofDays(1));
        assertThat(release(number, today()).status()).isEqualTo(200);
        JsonNode after = admin().get("/api/v1/accounts/" + account + "/numbers").body();
        JsonNode ended = null;
        for (JsonNode n : after) {
            if (n.get("number").asText().equals(number)) {
                ended = n;
            }
        }
        assertThat(ended.get("validTo").asText()).isEqualTo(today());
    }

    @Test
    void capacityCountsByPoolAndFlagsALowPoolAndTheConnectCheckAnswersWithCandidates() {
        String pool = "T-CAP-" + BLOCK.incrementAndGet();
        String first = poolOfTen(pool);
        String account = new Finance(port).openAccount("INC");
        assertThat(assign(first, account, today()).status()).isEqualTo(200);
        assertThat(reserve(next(first, 1), clock.instant().plus(1, ChronoUnit.DAYS)).status()).isEqualTo(200);
        JsonNode row = null;
        for (JsonNode c : admin().get("/api/v1/inventory/capacity").body()) {
            if (pool.equals(c.path("pool").asText())) {
                row = c;
            }
        }
        assertThat(row.get("free").asLong()).isEqualTo(8);
        assertThat(row.get("busy").asLong()).isEqualTo(1);
        assertThat(row.get("reserved").asLong()).isEqualTo(1);
        assertThat(row.get("total").asLong()).isEqualTo(10);
        assertThat(row.get("belowLowWater").asBoolean()).isTrue();

        Api.Response yes = admin().post("/api/v1/inventory/connect-check",
                Map.of("needs", List.of(Map.of("kind", "VIRTUAL_OFFICE", "pool", pool, "quantity", 3))));
        assertThat(yes.body().get("possible").asBoolean()).isTrue();
        assertThat(yes.body().get("needs").get(0).get("candidates").findValuesAsText("")).isEmpty();
        assertThat(yes.body().get("needs").get(0).get("candidates")).hasSize(3);
        Api.Response no = admin().post("/api/v1/inventory/connect-check",
                Map.of("needs", List.of(Map.of("kind", "VIRTUAL_OFFICE", "pool", pool, "quantity", 9))));
        assertThat(no.body().get("possible").asBoolean()).isFalse();
        assertThat(no.body().get("needs").get(0).get("available").asLong()).isEqualTo(8);
    }

    @Test
    void anAdministratorDefinesAKindWhoseReleasedResourcesAreFreeAtOnce() {
        String code = "SIP_CHANNEL_" + BLOCK.incrementAndGet();
        Api.Response kind = admin().post("/api/v1/inventory/kinds", Map.of("code", code, "name", "SIP-канал",
                "unit", "канал", "quarantineDays", 0));
        assertThat(kind.status()).as(kind.raw()).isEqualTo(201);
        assertThat(admin().post("/api/v1/inventory/kinds", Map.of("code", code, "name", "x", "unit", "x",
                "quarantineDays", 0)).status()).isEqualTo(409);
        Api.Response badCode = admin().post("/api/v1/inventory/kinds", Map.of("code", "bad code", "name", "x",
                "unit", "x", "quarantineDays", 0));
        assertThat(badCode.body().get("errors").get(0).get("field").asText()).isEqualTo("code");
        String pool = "T-SIP-" + BLOCK.incrementAndGet();
        assertThat(admin().put("/api/v1/inventory/pools/" + pool, Map.of("code", pool, "name", "SIP Москва",
                "kind", code, "site", "MSK", "trunk", "TRUNK-A")).status()).isEqualTo(200);
        String prefix = pool + "-CH";
        Api.Response imported = importCsv(admin(), pool, prefix + "01," + prefix + "10\n" + pool + "-SPARE\n");
        assertThat(imported.status()).as(imported.raw()).isEqualTo(200);
        assertThat(imported.body().get("resources").asLong()).isEqualTo(11);
        String account = new Finance(port).openAccount("INS");
        Api.Response busy = admin().post("/api/v1/inventory/resources/" + prefix + "03/assign",
                Map.of("account", account, "validFrom", today()));
        assertThat(busy.status()).as(busy.raw()).isEqualTo(200);
        clock.advance(Duration.ofDays(1));
        Api.Response released = release(prefix + "03", today());
        assertThat(released.body().get("status").asText()).isEqualTo("FREE");
        JsonNode check = admin().post("/api/v1/inventory/connect-check", Map.of("needs", List.of(
                Map.of("kind", code, "site", "MSK", "quantity", 11)))).body();
        assertThat(check.get("possible").asBoolean()).isTrue();
        Api.Response unknownKind = admin().post("/api/v1/inventory/connect-check", Map.of("needs", List.of(
                Map.of("kind", "NO_SUCH", "quantity", 1))));
        assertThat(unknownKind.body().get("errors").get(0).get("field").asText()).isEqualTo("needs[0].kind");
    }
}
