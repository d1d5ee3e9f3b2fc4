package ru.ccbilling.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;
import ru.ccbilling.BillingApiTest;
import ru.ccbilling.period.Finance;

/**
 * What finance enters by hand: one-time charges and deductions with a reason, payments registered once, reversals;
 * VAT by the entry's date; the balance derived from the entries; and the bad requests refused with nothing changed.
 */
@BillingApiTest
class LedgerApiTest {

    @LocalServerPort
    int port;

    @Test
    void chargesDeductionsAndPaymentsMakeTheBalance() {
        Finance f = new Finance(port);
        String account = f.openAccount("LGA");
        String path = "/api/v1/accounts/" + account;

        JsonNode charge = created(f.finance.post(path + "/charges",
                Map.of("kind", "ONE_TIME_CHARGE", "amount", "1200.00", "reason", "Настройка IVR-меню")));
        assertThat(charge.get("kind").asText()).isEqualTo("ONE_TIME_CHARGE");
        assertThat(charge.get("period").asText()).isEqualTo(YearMonth.now(ru.ccbilling.clock.ClockConfiguration.BUSINESS_ZONE).toString());
        assertThat(charge.get("vatRate").asText()).isEqualTo("22");
        assertThat(charge.get("vat").asText()).isEqualTo("264.00");
        assertThat(charge.get("createdBy").asText()).isEqualTo("finance");

        JsonNode deduction = created(f.finance.post(path + "/charges",
                Map.of("kind", "DEDUCTION", "amount", "500.00", "reason", "Компенсация простоя 12.11")));
        assertThat(deduction.get("amount").asText()).isEqualTo("-500.00");
        assertThat(deduction.get("vat").asText()).isEqualTo("-110.00");

        JsonNode old = created(f.finance.post(path + "/charges", Map.of("kind", "ONE_TIME_CHARGE", "amount", "100.00",
                "reason", "разовая услуга 2025 года", "date", "2025-12-15")));
        assertThat(old.get("period").asText()).isEqualTo("2025-12");
        assertThat(old.get("vatRate").asText()).isEqualTo("20");        // before 2026-01-01
        assertThat(old.get("vat").asText()).isEqualTo("20.00");

        JsonNode payment = created(f.finance.post(path + "/payments",
                Map.of("amount", "1000.00", "reference", "ПП-4711", "date", "2026-11-02")));
        assertThat(payment.get("amount").asText()).isEqualTo("-1000.00");
        assertThat(payment.get("vat").asText()).isEqualTo("0.00");

        JsonNode balance = f.finance.get(path + "/ledger").body().get("balance");
        assertThat(balance.get("net").asText()).isEqualTo("800.00");   // 1200 - 500 + 100
        assertThat(balance.get("vat").asText()).isEqualTo("174.00");   // 264 - 110 + 20
        assertThat(balance.get("paid").asText()).isEqualTo("1000.00");
        assertThat(balance.get("balance").asText()).isEqualTo("-26.00");

        JsonNode reversal = created(f.finance.post(path + "/ledger/" + charge.get("id").asLong() + "/reverse",
                Map.of("reason", "услуга не оказана")));
        assertThat(reversal.get("amount").asText()).isEqualTo("-1200.00");
        assertThat(reversal.get("reverses").asLong()).isEqualTo(charge.get("id").asLong());
        assertThat(f.finance.get(path + "/ledger").body().get("balance").get("balance").asText()).isEqualTo("-1490.00");
        Api.Response twice = f.finance.post(path + "/ledger/" + charge.get("id").asLong() + "/reverse", Map.of("reason", "x"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(f.finance.get(path + "/ledger").body().get("total").asLong()).isEqualTo(5);
    }

    @Test
    void badEntriesAreRefusedWithTheFieldAndNothingChanges() {
        Finance f = new Finance(port);
        String account = f.openAccount("LGB");
        String path = "/api/v1/accounts/" + account;

        refused(f.finance.post(path + "/charges", Map.of("kind", "DEDUCTION", "amount", "100000.01", "reason", "слишком много")),
                422, "amount", "вычет не может превышать 100000.00");
        refused(f.finance.inEnglish().post(path + "/charges", Map.of("kind", "DEDUCTION", "amount", "100000.01",
                "reason", "слишком много")), 422, "amount", "a deduction may be at most 100000.00");
        refused(f.finance.post(path + "/payments", Map.of("amount", "-10.00", "reference", "ПП-1")), 400, "amount", "amount: должна быть больше 0");
        refused(f.finance.post("/api/v1/accounts/ACC-NOPE/charges",
                Map.of("kind", "ONE_TIME_CHARGE", "amount", "10.00", "reason", "кому?")), 404, "account", "ACC-NOPE");
        refused(f.finance.post(path + "/charges", Map.of("kind", "ONE_TIME_CHARGE", "amount", "10.00")), 400, "reason", "");
        refused(f.finance.post(path + "/charges", Map.of("kind", "ONE_TIME_CHARGE", "amount", "10.00", "reason", " ")),
                400, "reason", "reason: обязательно");
        refused(f.finance.post(path + "/charges", Map.of("kind", "ONE_TIME_CHARGE", "amount", "12.345", "reason", "x")),
                400, "amount", "");
        refused(f.finance.post(path + "/charges", Map.of("kind", "ONE_TIME_CHARGE", "amount", "-5.00", "reason", "x")),
                400, "amount", "больше 0 (вычет вводится положительной суммой)");
        created(f.finance.post(path + "/payments", Map.of("amount", "10.00", "reference", "ПП-2")));
        refused(f.finance.post(path + "/payments", Map.of("amount", "10.00", "reference", "ПП-2")), 409, "reference",
                "платёж ПП-2 уже зарегистрирован на лицевом счёте " + account);
        refused(f.finance.inEnglish().post(path + "/payments", Map.of("amount", "10.00", "reference", "ПП-2")), 409,
                "reference", "payment ПП-2 is already registered on account " + account);
        assertThat(f.finance.post(path + "/charges", Map.of("kind", "DEDUCTION", "amount", "100000.00", "reason", "предел"))
                .status()).isEqualTo(201);

        // who may charge and read the ledger (sales read, do not charge; tariff managers neither) is the role
        // matrix's, which rating-service's RoleMatrixApiTest walks for every operation and role
        assertThat(f.finance.get(path + "/ledger").body().get("total").asLong()).isEqualTo(2);
    }

    private static JsonNode created(Api.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.body();
    }

    private static void refused(Api.Response response, int status, String field, String says) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(response.body().get("errors").findValuesAsText("field")).contains(field);
        assertThat(response.body().get("detail").asText()).contains(says);
    }
}
