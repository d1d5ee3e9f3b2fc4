package ru.ccbilling.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;

/**
 * Re-rating July 2026 after its close under a corrected tariff version (MOBILE PEAK network minute 2.90 -> 2.50,
 * a draft written here with SQL): a preview first, then correction entries in the current period with old and new
 * amounts, nothing more the second time; a late call picked up by the next re-rating; a reopen that undoes it all
 * and a close that then starts from the records as they are. Re-rating an open month replaces its usage.
 */
@PlatformTest
class RerateApiTest {

    private static final String JULY = "2026-07";
    private static final String AUGUST = "2026-08";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Finance f;
    String account;
    String number;
    int corrected;

    @BeforeEach
    void correctedTariffVersion() {
        f = new Finance(port);
        account = f.openAccount("RRA");
        number = Finance.newNumber();
        f.holdNumber(account, number, "2026-01-01", null);
        corrected = jdbc.queryForObject("select max(version) + 1 from tariff_version where tariff_code = 'CC-STANDARD-2026'",
                Integer.class);
        jdbc.update("insert into tariff_version (tariff_code, version, state, based_on, created_by) values ('CC-STANDARD-2026', ?, 'DRAFT', 1, 'test')",
                corrected);
        jdbc.update("""
                insert into tariff_model (tariff_code, version, name, kind, content)
                select tariff_code, ?, name, kind, content from tariff_model where tariff_code = 'CC-STANDARD-2026' and version = 1
                """, corrected);
        int changed = jdbc.update("""
                update tariff_model set content = replace(content, '<outputEntry id="NetworkMinute_r5_o"><text>2.90</text>',
                                                                   '<outputEntry id="NetworkMinute_r5_o"><text>2.50</text>')
                 where tariff_code = 'CC-STANDARD-2026' and version = ? and name = 'network-minute.dmn'
                """, corrected);
        assertThat(changed).isEqualTo(1);
    }

    @Test
    void aClosedMonthIsCorrectedOnceAndAnOpenOneReplaced() {
        String source = "rr-" + account;
        call(source, "c1", "2026-07-14T11:00:00+03:00", "79161234567", 125);   // NETWORK 3 x 2.90, IVR 1.25
        call(source, "c2", "2026-07-14T11:05:00+03:00", "79161234567", 60);    // NETWORK 2.90, IVR 0.60
        call(source, "c3", "2026-07-15T11:00:00+03:00", "74951234567", 100);   // NETWORK 2 x 1.20, IVR 1.00
        f.close(JULY, account);
        assertThat(usage(account, "INBOUND_800", "NETWORK")).isEqualTo("14.00");
        int closedEntries = f.entries(account, JULY).size();

        JsonNode preview = rerate(JULY, false);
        assertThat(preview.get("closed").asBoolean()).isTrue();
        assertThat(preview.get("applied").asBoolean()).isFalse();
        assertThat(preview.get("records").asInt()).isEqualTo(3);
        assertThat(difference(preview, "USAGE", "NETWORK")).containsExactly("14.00", "12.40", "-1.60");
        assertThat(difference(preview, "USAGE", "IVR")).containsExactly("2.85", "2.85", "0.00");
        assertThat(difference(preview, "PARTNER_ACCRUAL", "NETWORK")).containsExactly("4.90", "4.34", "-0.56");
        assertThat(corrections()).isEmpty();

        JsonNode applied = rerate(JULY, true);
        assertThat(applied.get("corrections").asInt()).isEqualTo(2);
        assertThat(applied.get("bookedIn").asText()).isEqualTo(YearMonth.now(ru.ccbilling.clock.ClockConfiguration.BUSINESS_ZONE).toString());
        JsonNode network = corrections().stream().filter(e -> e.get("kind").asText().equals("CORRECTION")).findFirst().orElseThrow();
        assertThat(network.get("refersTo").asText()).isEqualTo(JULY);
        assertThat(network.get("corrects").asText()).isEqualTo("USAGE");
        assertThat(network.get("component").asText()).isEqualTo("NETWORK");
        // one correction per price line (issue 12): the mobile peak minutes, 4 × 2.90 → 4 × 2.50; the local ones did not change
        assertThat(network.get("reference").asText()).contains("NetworkMinute[MOBILE, PEAK]");
        assertThat(network.get("oldAmount").asText()).isEqualTo("11.60");
        assertThat(network.get("newAmount").asText()).isEqualTo("10.00");
        assertThat(network.get("amount").asText()).isEqualTo("-1.60");
        assertThat(network.get("vatRate").asText()).isEqualTo("22");
        assertThat(network.get("vat").asText()).isEqualTo("-0.35");
        assertThat(network.get("reason").asText()).contains("v" + corrected);
        assertThat(f.entries(account, JULY)).hasSize(closedEntries);     // the closed month itself is untouched
        JsonNode stored = f.finance.get("/api/v1/cdrs/" + source + "/c1").body();
        assertThat(stored.get("tariffVersion").asInt()).isEqualTo(corrected);
        assertThat(stored.get("total").asText()).isEqualTo("8.75");

        JsonNode again = rerate(JULY, true);
        assertThat(again.get("corrections").asInt()).isZero();
        again.get("differences").forEach(d -> assertThat(d.get("difference").asText()).isEqualTo("0.00"));
        assertThat(corrections()).hasSize(2);

        // a call of July that arrives late waits for the next re-rating
        call(source, "c4", "2026-07-14T12:00:00+03:00", "79161234567", 60);
        JsonNode julyUsage = f.finance.get("/api/v1/accounts/" + account + "/usage?month=" + JULY).body();
        assertThat(julyUsage.get("lateRecords").asLong()).isEqualTo(1);
        JsonNode late = rerate(JULY, true);
        assertThat(difference(late, "USAGE", "NETWORK")).containsExactly("12.40", "14.90", "2.50");
        assertThat(difference(late, "USAGE", "IVR")).containsExactly("2.85", "3.45", "0.60");
        assertThat(difference(late, "PARTNER_ACCRUAL", "NETWORK")).containsExactly("4.34", "5.22", "0.88");
        assertThat(rerate(JULY, true).get("corrections").asInt()).isZero();
        assertThat(Finance.sum(corrections().stream().filter(e -> e.get("kind").asText().equals("CORRECTION")).toList()))
                .isEqualByComparingTo("1.50");   // -1.60 + 2.50 + 0.60

        // reopening undoes the close and its corrections; closing again starts from the records as they are
        assertThat(f.finance.post("/api/v1/periods/" + JULY + "/reopen", Map.of("reason", "пересчёт июля")).status())
                .isEqualTo(200);
        assertThat(Finance.sum(f.entries(account, JULY))).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(Finance.sum(corrections())).isEqualByComparingTo(BigDecimal.ZERO);
        f.close(JULY, account);
        assertThat(usage(account, "INBOUND_800", "NETWORK")).isEqualTo("14.90");
        assertThat(usage(account, "INBOUND_800", "IVR")).isEqualTo("3.45");
        assertThat(f.entries(account, JULY, "PARTNER_ACCRUAL").stream().filter(e -> !e.has("reverses") && !e.has("reversedBy"))
                .findFirst().orElseThrow().get("amount").asText()).isEqualTo("5.22");

        // an open month simply gets its usage replaced
        call(source, "c5", "2026-08-11T11:00:00+03:00", "79161234567", 60);
        JsonNode open = rerate(AUGUST, true);
        assertThat(open.get("closed").asBoolean()).isFalse();
        assertThat(open.get("corrections").asInt()).isZero();
        assertThat(difference(open, "USAGE", "NETWORK")).containsExactly("2.90", "2.50", "-0.40");
        JsonNode august = f.finance.get("/api/v1/accounts/" + account + "/usage?month=" + AUGUST).body();
        assertThat(august.get("closed").asBoolean()).isFalse();
        assertThat(august.get("lines").findValuesAsText("amount")).contains("2.50");
        assertThat(f.entries(account, AUGUST)).isEmpty();
    }

    @Test
    void badRerateRequestsAreRefused() {
        Api.Response noVersion = f.finance.post("/api/v1/periods/" + JULY + "/rerate",
                Map.of("account", account, "tariffVersion", 999, "apply", true));
        assertThat(noVersion.status()).isEqualTo(404);
        assertThat(noVersion.body().get("errors").get(0).get("field").asText()).isEqualTo("tariffVersion");
        assertThat(noVersion.body().get("detail").asText()).contains("нет версии 999");
        assertThat(f.finance.inEnglish().post("/api/v1/periods/" + JULY + "/rerate",
                Map.of("account", account, "tariffVersion", 999, "apply", true)).body().get("detail").asText())
                .contains("has no version 999");
        Api.Response noAccount = f.finance.post("/api/v1/periods/" + JULY + "/rerate", Map.of("account", "ACC-NOPE"));
        assertThat(noAccount.status()).isEqualTo(404);
        assertThat(noAccount.body().get("errors").get(0).get("field").asText()).isEqualTo("account");
        assertThat(f.as("sales").post("/api/v1/periods/" + JULY + "/rerate", Map.of("account", account)).status())
                .isEqualTo(403);
    }

    private void call(String source, String id, String start, String caller, int ivrSeconds) {
        Api.Response r = f.equipment.post("/api/v1/cdrs", """
                {"records":[{"source":"%s","cdrId":"%s","callType":"INBOUND_800","startTime":"%s","caller":"%s",
                 "called":"%s","stages":[{"type":"IVR","durationSec":%d}]}]}
                """.formatted(source, id, start, caller, number, ivrSeconds));
        assertThat(r.body().get("results").get(0).get("outcome").asText()).as(r.raw()).isEqualTo("RATED");
    }

    private JsonNode rerate(String month, boolean apply) {
        Api.Response r = f.finance.post("/api/v1/periods/" + month + "/rerate",
                Map.of("account", account, "tariff", "CC-STANDARD-2026", "tariffVersion", corrected, "apply", apply));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    private static List<String> difference(JsonNode result, String kind, String component) {
        for (JsonNode d : result.get("differences")) {
            if (d.get("kind").asText().equals(kind) && component.equals(d.path("component").asText())) {
                return List.of(d.get("oldAmount").asText(), d.get("newAmount").asText(), d.get("difference").asText());
            }
        }
        throw new AssertionError("no " + kind + "/" + component + " in " + result);
    }

    /** the entries of the current period that correct July */
    private List<JsonNode> corrections() {
        return f.entries(account, YearMonth.now(ru.ccbilling.clock.ClockConfiguration.BUSINESS_ZONE).toString()).stream()
                .filter(e -> JULY.equals(e.path("refersTo").asText())).toList();
    }

    /** the component's usage over its price lines (the close books one entry per price) */
    private String usage(String account, String service, String component) {
        return Finance.sum(f.entries(account, JULY, "USAGE").stream()
                .filter(e -> e.get("service").asText().equals(service) && e.get("component").asText().equals(component)
                        && !e.has("reverses") && !e.has("reversedBy")).toList()).toPlainString();
    }
}
