package ru.ccbilling.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;
import ru.ccbilling.BillingApiTest;

/**
 * April 2026: a partial close, then the rest; a reopen refused without a reason and done with one (its entries
 * reversed, audited); a close left running by a crashed instance blocks a new one until it is marked interrupted,
 * then closing again finishes the rest; and the requests that must be refused.
 */
@BillingApiTest
class PeriodLifecycleApiTest {

    private static final String MONTH = "2026-04";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void partialCloseThenTheRestThenReopenWithAReason() {
        Finance f = new Finance(port);
        String first = f.openAccount("LCA");
        f.holdNumber(first, Finance.newNumber(), "2026-01-01", null);
        String second = f.openAccount("LCB");
        f.holdNumber(second, Finance.newNumber(), "2026-04-11", "2026-04-21");  // 10 of 30 days

        f.close(MONTH, first);
        JsonNode partial = f.period(MONTH);
        assertThat(partial.get("state").asText()).isIn("PARTIALLY_CLOSED");
        assertThat(partial.get("closes").findValuesAsText("account")).contains(first).doesNotContain(second);
        assertThat(Finance.sum(f.entries(first, MONTH, "MONTHLY_FEE"))).isEqualByComparingTo("1500.00");
        assertThat(f.entries(second, MONTH)).isEmpty();

        // what finance enters now for the closed account-month is refused; the open one takes it
        Api.Response closedCharge = f.finance.post("/api/v1/accounts/" + first + "/charges",
                Map.of("kind", "ONE_TIME_CHARGE", "amount", "100.00", "reason", "настройка IVR", "date", "2026-04-15"));
        assertThat(closedCharge.status()).isEqualTo(409);
        assertThat(closedCharge.body().get("errors").get(0).get("field").asText()).isEqualTo("date");
        assertThat(f.finance.post("/api/v1/accounts/" + second + "/charges", Map.of("kind", "ONE_TIME_CHARGE",
                "amount", "100.00", "reason", "настройка IVR", "date", "2026-04-15")).status()).isEqualTo(201);

        JsonNode rest = f.close(MONTH);
        assertThat(rest.get("result").get("state").asText()).isEqualTo("CLOSED");
        assertThat(f.period(MONTH).get("state").asText()).isEqualTo("CLOSED");
        assertThat(f.entries(first, MONTH, "MONTHLY_FEE")).hasSize(1);   // not closed twice
        assertThat(Finance.sum(f.entries(second, MONTH, "MONTHLY_FEE"))).isEqualByComparingTo("500.00");

        Api.Response noReason = f.finance.post("/api/v1/periods/" + MONTH + "/reopen", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.contentType()).contains("application/problem+json");
        assertThat(noReason.body().get("errors").get(0).get("field").asText()).isEqualTo("reason");
        Api.Response blank = f.finance.post("/api/v1/periods/" + MONTH + "/reopen", Map.of("reason", "  "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(f.period(MONTH).get("state").asText()).isEqualTo("CLOSED");

        Api.Response reopened = f.finance.post("/api/v1/periods/" + MONTH + "/reopen",
                Map.of("reason", "забыли разовую услугу клиента"));
        assertThat(reopened.status()).as(reopened.raw()).isEqualTo(200);
        assertThat(reopened.body().get("state").asText()).isEqualTo("OPEN");
        List<JsonNode> fees = f.entries(first, MONTH, "MONTHLY_FEE");
        assertThat(fees).hasSize(2);
        assertThat(Finance.sum(fees)).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(fees.get(1).get("reverses").asLong()).isEqualTo(fees.get(0).get("id").asLong());
        assertThat(fees.get(1).get("reason").asText()).contains("забыли разовую услугу клиента");

        List<JsonNode> audit = listOf(f.finance.get("/api/v1/periods/" + MONTH + "/audit").body());
        JsonNode reopen = audit.stream().filter(a -> a.get("action").asText().equals("REOPENED")).findFirst().orElseThrow();
        assertThat(reopen.get("actor").asText()).isEqualTo("finance");
        assertThat(reopen.get("reason").asText()).isEqualTo("забыли разовую услугу клиента");
        assertThat(audit.stream().map(a -> a.get("action").asText()).toList())
                .containsSubsequence("CLOSE_REQUESTED", "CLOSED", "CLOSE_REQUESTED", "CLOSED", "REOPENED");
        assertThat(f.finance.post("/api/v1/periods/" + MONTH + "/reopen", Map.of("reason", "again")).status())
                .isEqualTo(409);

        aCrashedCloseIsResumedByClosingAgain(f, first);
        assertThat(Finance.sum(f.entries(first, MONTH, "MONTHLY_FEE"))).isEqualByComparingTo("1500.00");
        assertThat(f.entries(first, MONTH, "MONTHLY_FEE")).hasSize(3);
    }

    private void aCrashedCloseIsResumedByClosingAgain(Finance f, String account) {
        UUID job = UUID.randomUUID();
        jdbc.update("insert into job (id, kind, state, description, started_by) values (?, 'PERIOD_CLOSE', 'RUNNING', 'left by a crash', 'finance')", job);
        jdbc.update("update financial_period set closing_job = ? where month = date '2026-04-01'", job);
        Api.Response blocked = f.finance.post("/api/v1/periods/" + MONTH + "/close", Map.of("accounts", List.of(account)));
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.body().get("detail").asText()).contains(job.toString(), "закрывается заданием");
        jdbc.update("update job set state = 'INTERRUPTED' where id = ?", job);   // what the next start does
        f.close(MONTH, account);
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() {
        Finance f = new Finance(port);
        String account = f.openAccount("LCX");
        Api.Response unknown = f.finance.post("/api/v1/periods/" + MONTH + "/close",
                Map.of("accounts", List.of(account, "ACC-NOPE")));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("errors").get(0).get("field").asText()).isEqualTo("accounts[1]");

        Api.Response notEnded = f.finance.post("/api/v1/periods/2099-01/close", "{}");
        assertThat(notEnded.status()).isEqualTo(409);
        assertThat(notEnded.body().get("detail").asText()).contains("2099-01", "ещё не закончился");
        Api.Response notEndedInEnglish = f.finance.inEnglish().post("/api/v1/periods/2099-01/close", "{}");
        assertThat(notEndedInEnglish.status()).isEqualTo(409);
        assertThat(notEndedInEnglish.body().get("detail").asText()).contains("2099-01", "has not ended");

        Api.Response badMonth = f.finance.post("/api/v1/periods/2026-13/close", "{}");
        assertThat(badMonth.status()).isEqualTo(400);
        assertThat(badMonth.body().get("errors").get(0).get("field").asText()).isEqualTo("month");

        // that sales and tariff managers may not close or list periods: RoleMatrixApiTest (rating-service)
        JsonNode periods = f.finance.get("/api/v1/periods").body();
        assertThat(periods.size()).isGreaterThanOrEqualTo(12);
    }

    private static List<JsonNode> listOf(JsonNode array) {
        List<JsonNode> out = new java.util.ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
