package ru.ccbilling.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;

/** What the period tests do through the HTTP API as finance: open accounts, close months, read ledgers. */
public final class Finance {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 10);

    private final int port;
    public final Api finance;
    public final Api equipment;

    public Finance(int port) {
        this.port = port;
        this.finance = Api.as(port, "finance", "finance");
        // the demo API key is bound to the demo switches; the tests' records come from sources of their own
        this.equipment = Api.as(port, "admin", "admin");
    }

    public Api as(String user) {
        return Api.as(port, user, user);
    }

    /** a unique 8-800 number */
    public static String newNumber() {
        return "7800" + String.format("%07d", SEQUENCE.incrementAndGet() % 10_000_000);
    }

    /** a unique account code */
    public static String newAccount(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    /** opens an account on CC-STANDARD-2026 from 2026-01-01 */
    public String openAccount(String prefix) {
        String code = newAccount(prefix);
        Api.Response r = finance.post("/api/v1/accounts", Map.of("account", code, "client", "ООО «Тест " + code + "»",
                "tariffs", List.of(Map.of("tariff", "CC-STANDARD-2026", "validFrom", "2026-01-01"))));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return code;
    }

    public void holdNumber(String account, String number, String from, String to) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("number", number, "validFrom", from));
        if (to != null) {
            body.put("validTo", to);
        }
        Api.Response r = finance.post("/api/v1/accounts/" + account + "/numbers", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
    }

    public void dedicate(String account, String operator, String from, String to) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("operatorId", operator, "validFrom", from));
        if (to != null) {
            body.put("validTo", to);
        }
        Api.Response r = finance.post("/api/v1/accounts/" + account + "/dedicated-operators", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
    }

    /** starts a close and waits for its job to succeed; answers the job */
    public JsonNode close(String month, String... accounts) {
        Api.Response r = finance.post("/api/v1/periods/" + month + "/close",
                accounts.length == 0 ? "{}" : Map.of("accounts", List.of(accounts)));
        assertThat(r.status()).as(r.raw()).isEqualTo(202);
        return awaitJob(r.body().get("id").asText());
    }

    public JsonNode awaitJob(String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = finance.get("/api/v1/jobs/" + id).body();
            if (!"RUNNING".equals(job.get("state").asText())) {
                assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
                return job;
            }
            sleep(50);
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    /** the account's entries booked in a month, oldest first */
    public List<JsonNode> entries(String account, String month) {
        JsonNode page = finance.get("/api/v1/accounts/" + account + "/ledger?size=1000&month=" + month).body();
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        java.util.Collections.reverse(items);
        return items;
    }

    public List<JsonNode> entries(String account, String month, String kind) {
        return entries(account, month).stream().filter(e -> e.get("kind").asText().equals(kind)).toList();
    }

    /** the sum of the amounts of entries */
    public static BigDecimal sum(List<JsonNode> entries) {
        return entries.stream().map(e -> new BigDecimal(e.get("amount").asText())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public JsonNode period(String month) {
        return finance.get("/api/v1/periods/" + month).body();
    }

    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
