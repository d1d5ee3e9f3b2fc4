package ru.ccbilling.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;

/**
 * March 2026 closed through the API: the golden calls of the tariff sheet (and its outbound and forwarded calls
 * moved into March on days of the same time band) on two accounts set up like the demo ones, plus a number and a
 * dedicated operator assigned mid-month; and the demo accounts themselves. Fees, usage, the partner accrual and VAT
 * come out to the kopeck; a CDR arriving after the close does not change the closed month.
 */
@PlatformTest
class PeriodCloseApiTest {

    private static final String MONTH = "2026-03";
    /** rated golden cases outside March, moved to March days of the same time band (outbound has none) */
    private static final Map<String, String> MOVED = Map.of(
            "g12", "2026-03-18T15:00:00+03:00", "g13", "2026-03-18T15:00:00+03:00", "g14", "2026-03-18T15:00:00+03:00",
            "g15", "2026-03-18T15:00:00+03:00", "g16", "2026-03-18T15:00:00+03:00",
            "g17", "2026-03-17T09:00:00+03:00", // a Tuesday, PEAK, like 2026-05-12
            "g18", "2026-03-09T09:00:00+03:00"); // a holiday, OFF_PEAK, like 2026-05-11

    @LocalServerPort
    int port;

    @Test
    void aMonthOfGoldenCallsClosesToTheKopeck() throws IOException {
        Finance f = new Finance(port);
        String romashka = f.openAccount("ROM");
        String n1 = Finance.newNumber();
        f.holdNumber(romashka, n1, "2025-12-01", null);
        f.dedicate(romashka, "OP-101", "2026-01-01", null);
        f.dedicate(romashka, "OP-201", "2026-01-01", null);
        String vektor = f.openAccount("VEK");
        String n2 = Finance.newNumber();
        String n3 = Finance.newNumber();
        f.holdNumber(vektor, n2, "2025-12-01", null);
        f.holdNumber(vektor, n3, "2026-03-16", null);            // 16 of 31 days
        f.dedicate(vektor, "OP-301", "2026-03-19", "2026-03-29"); // 10 of 31 days, after its call of the 18th

        Map<String, Map<String, BigDecimal>> expected = submitGoldenCalls(f, Map.of("ACC-1001", romashka, "ACC-1002", vektor),
                Map.of("78005553535", n1, "78001002030", n2));
        Api.Response events = f.equipment.post("/api/v1/service-events", """
                {"events":[{"source":"se-%1$s","eventId":"1","service":"SMS","account":"%1$s","time":"2026-03-10T10:00:00+03:00","quantity":3},
                           {"source":"se-%1$s","eventId":"2","service":"FAX","account":"%1$s","time":"2026-03-31T23:59:00+03:00","quantity":7}]}
                """.formatted(romashka));
        assertThat(events.status()).isEqualTo(200);
        expected.get(romashka).put("ONE_TIME/SMS", new BigDecimal("7.50"));
        expected.get(romashka).put("ONE_TIME/FAX", new BigDecimal("28.00"));

        Map<String, BigDecimal> demoBefore = usageOf(f, "ACC-1001");
        JsonNode job = f.close(MONTH);
        assertThat(job.get("kind").asText()).isEqualTo("PERIOD_CLOSE");
        assertThat(job.get("result").get("state").asText()).isEqualTo("CLOSED");

        // usage by service and component, exactly the golden amounts
        assertThat(usageEntries(f, romashka)).isEqualTo(expected.get(romashka));
        assertThat(usageEntries(f, vektor)).isEqualTo(expected.get(vektor));

        // fees prorated by days
        assertThat(fees(f, romashka)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "NUMBER_RENTAL/" + n1, "1500.00", "DEDICATED_SEAT/OP-101", "65000.00", "DEDICATED_SEAT/OP-201", "65000.00"));
        assertThat(fees(f, vektor)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "NUMBER_RENTAL/" + n2, "1500.00", "NUMBER_RENTAL/" + n3, "774.19", "DEDICATED_SEAT/OP-301", "20967.74"));
        JsonNode seat = f.entries(vektor, MONTH, "MONTHLY_FEE").stream()
                .filter(e -> e.get("reference").asText().equals("OP-301")).findFirst().orElseThrow();
        assertThat(seat.get("quantity").asText()).isEqualTo("10");
        assertThat(seat.get("unit").asText()).isEqualTo("DAY");
        assertThat(seat.get("vatRate").asText()).isEqualTo("22");
        assertThat(seat.get("vat").asText()).isEqualTo("4612.90");   // 20967.74 x 22% = 4612.9028

        // below 10,000 minutes: coefficient 1.00, no discount line; the partner accrues 35% of NETWORK
        for (String account : List.of(romashka, vektor)) {
            assertThat(f.entries(account, MONTH, "VOLUME_DISCOUNT")).isEmpty();
            BigDecimal network = network(expected.get(account));
            List<JsonNode> partner = f.entries(account, MONTH, "PARTNER_ACCRUAL");
            assertThat(partner).hasSize(1);
            assertThat(partner.get(0).get("amount").asText())
                    .isEqualTo(network.multiply(new BigDecimal("0.35")).setScale(2, RoundingMode.HALF_UP).toPlainString());
            assertThat(partner.get(0).get("counterparty").asText()).isEqualTo("ПАО «ТелеСеть»");
            assertThat(partner.get(0).get("inClientBalance").asBoolean()).isFalse();
        }
        // g01 14.50 + g03 1.20 + g04 4.20 + g05 3.20 + g06 4.80 + g17 2.90
        assertThat(network(expected.get(romashka))).isEqualByComparingTo("30.80");

        // the demo accounts: an 8-800 number and a virtual-office number held all month (7.3: 900.00 with 2 channels
        // included, 250.00 for ACC-1002's third channel), ACC-1001's two dedicated seats
        assertThat(fees(f, "ACC-1001")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "NUMBER_RENTAL/78005553535", "1500.00", "DEDICATED_SEAT/OP-101", "65000.00", "DEDICATED_SEAT/OP-201", "65000.00",
                "VIRTUAL_OFFICE_NUMBER/74951230001", "900.00"));
        assertThat(fees(f, "ACC-1002")).containsExactlyInAnyOrderEntriesOf(Map.of("NUMBER_RENTAL/78001002030", "1500.00",
                "VIRTUAL_OFFICE_NUMBER/74951230000", "1150.00"));
        assertThat(usageEntries(f, "ACC-1001")).isEqualTo(demoBefore);

        // the balance is derived from the entries, partner accruals left out
        JsonNode ledger = f.finance.get("/api/v1/accounts/" + vektor + "/ledger?size=1000").body();
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal vat = BigDecimal.ZERO;
        for (JsonNode e : ledger.get("items")) {
            if (e.get("inClientBalance").asBoolean()) {
                net = net.add(new BigDecimal(e.get("amount").asText()));
                vat = vat.add(new BigDecimal(e.get("vat").asText()));
            }
        }
        assertThat(ledger.get("balance").get("net").asText()).isEqualTo(net.toPlainString());
        assertThat(ledger.get("balance").get("balance").asText()).isEqualTo(net.add(vat).toPlainString());

        JsonNode period = f.period(MONTH);
        assertThat(period.get("state").asText()).isEqualTo("CLOSED");
        assertThat(period.get("closes").findValuesAsText("account")).contains(romashka, vektor, "ACC-1001", "ACC-1002");

        lateCallLeavesTheClosedMonthAsItWas(f, romashka, n1);
        closingAgainIsRefused(f, romashka);
    }

    private void lateCallLeavesTheClosedMonthAsItWas(Finance f, String account, String number) {
        List<JsonNode> before = f.entries(account, MONTH);
        JsonNode usageBefore = f.finance.get("/api/v1/accounts/" + account + "/usage?month=" + MONTH).body();
        Api.Response late = f.equipment.post("/api/v1/cdrs", """
                {"records":[{"source":"late-%s","cdrId":"1","callType":"INBOUND_800","startTime":"2026-03-20T10:00:00+03:00",
                 "caller":"79161234567","called":"%s","stages":[{"type":"IVR","durationSec":120}]}]}
                """.formatted(account, number));
        assertThat(late.body().get("results").get(0).get("outcome").asText()).isEqualTo("RATED");
        assertThat(f.entries(account, MONTH)).isEqualTo(before);
        JsonNode usageAfter = f.finance.get("/api/v1/accounts/" + account + "/usage?month=" + MONTH).body();
        assertThat(usageAfter.get("closed").asBoolean()).isTrue();
        assertThat(usageAfter.get("lines")).isEqualTo(usageBefore.get("lines"));
        assertThat(usageAfter.get("total").asText()).isEqualTo(usageBefore.get("total").asText());
        assertThat(usageAfter.get("lateRecords").asLong()).isEqualTo(1);
    }

    private void closingAgainIsRefused(Finance f, String account) {
        Api.Response all = f.finance.post("/api/v1/periods/" + MONTH + "/close", "{}");
        assertThat(all.status()).isEqualTo(409);
        assertThat(all.contentType()).contains("application/problem+json");
        assertThat(all.body().get("detail").asText()).contains(MONTH, "уже закрыт для всех лицевых счетов");
        Api.Response allInEnglish = f.finance.inEnglish().post("/api/v1/periods/" + MONTH + "/close", "{}");
        assertThat(allInEnglish.status()).isEqualTo(409);
        assertThat(allInEnglish.body().get("detail").asText()).contains(MONTH, "already closed for every account");
        Api.Response one = f.finance.post("/api/v1/periods/" + MONTH + "/close", Map.of("accounts", List.of(account)));
        assertThat(one.status()).isEqualTo(409);
        assertThat(one.body().get("detail").asText()).contains(account, "уже закрыт", "сначала переоткройте");
        assertThat(f.entries(account, MONTH, "MONTHLY_FEE")).hasSize(3);
    }

    /** submits the golden calls for the given accounts; answers the expected usage by "service/component" */
    private Map<String, Map<String, BigDecimal>> submitGoldenCalls(Finance f, Map<String, String> accounts,
                                                                   Map<String, String> numbers) throws IOException {
        Map<String, Map<String, BigDecimal>> expected = new HashMap<>();
        accounts.values().forEach(a -> expected.put(a, new TreeMap<>()));
        List<JsonNode> records = new ArrayList<>();
        String source = "close-" + System.nanoTime();
        try (InputStream in = getClass().getResourceAsStream("/golden-cdrs.json")) {
            for (JsonNode golden : Api.json().readTree(in)) {
                ObjectNode cdr = (ObjectNode) golden.get("cdr").deepCopy();
                JsonNode want = golden.get("expected");
                String id = cdr.get("cdrId").asText();
                boolean inMarch = cdr.get("startTime").asText().startsWith(MONTH);
                if (!"RATED".equals(want.get("status").asText()) || !(inMarch || MOVED.containsKey(id))) {
                    continue;
                }
                if (MOVED.containsKey(id)) {
                    cdr.put("startTime", MOVED.get(id));
                }
                cdr.put("source", source);
                cdr.put("called", numbers.getOrDefault(cdr.get("called").asText(), cdr.get("called").asText()));
                if (cdr.has("accountCode")) {
                    cdr.put("accountCode", accounts.get(cdr.get("accountCode").asText()));
                }
                records.add(cdr);
                Map<String, BigDecimal> sums = expected.get(accounts.get(want.get("account").asText()));
                for (JsonNode line : want.get("lines")) {
                    sums.merge(cdr.get("callType").asText() + "/" + line.get("component").asText(),
                            new BigDecimal(line.get("amount").asText()), BigDecimal::add);
                }
            }
        }
        assertThat(records).hasSize(16);
        JsonNode results = f.equipment.post("/api/v1/cdrs", Map.of("records", records)).body().get("results");
        results.forEach(r -> assertThat(r.get("outcome").asText()).as(r.toString()).isEqualTo("RATED"));
        expected.values().forEach(m -> m.values().removeIf(v -> v.signum() == 0));
        return expected;
    }

    /** what the account's usage entries of the month say, by "service/component" */
    private static Map<String, BigDecimal> usageEntries(Finance f, String account) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        for (JsonNode e : f.entries(account, MONTH, "USAGE")) {
            sums.merge(e.get("service").asText() + "/" + e.get("component").asText(), new BigDecimal(e.get("amount").asText()),
                    BigDecimal::add);
        }
        return sums;
    }

    /** the account's live usage before the close, by "service/component" (what other tests sent for it too) */
    private static Map<String, BigDecimal> usageOf(Finance f, String account) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        JsonNode usage = f.finance.get("/api/v1/accounts/" + account + "/usage?month=" + MONTH).body();
        assertThat(usage.get("closed").asBoolean()).isFalse();
        for (JsonNode line : usage.get("lines")) {
            BigDecimal amount = new BigDecimal(line.get("amount").asText());
            if (amount.signum() != 0) {
                sums.put(line.get("service").asText() + "/" + line.get("component").asText(), amount);
            }
        }
        return sums;
    }

    private static Map<String, String> fees(Finance f, String account) {
        Map<String, String> fees = new HashMap<>();
        f.entries(account, MONTH, "MONTHLY_FEE").forEach(e -> fees.put(e.get("component").asText() + "/"
                + e.get("reference").asText(), e.get("amount").asText()));
        return fees;
    }

    private static BigDecimal network(Map<String, BigDecimal> usage) {
        return usage.entrySet().stream().filter(e -> e.getKey().endsWith("/NETWORK")).map(Map.Entry::getValue)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
