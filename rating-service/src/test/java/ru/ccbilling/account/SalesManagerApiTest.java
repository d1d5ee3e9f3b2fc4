package ru.ccbilling.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;
import ru.ccbilling.period.Finance;

/**
 * Who looks after an account decides which accounts' reports a sales user sees, so finance and admins choose it
 * (a route of its own in the role matrix); a sales user who opens an account looks after it.
 */
@PlatformTest
class SalesManagerApiTest {

    @LocalServerPort
    int port;

    @Test
    void financeChoosesAnEnabledSalesUserAndClearsIt() {
        Api finance = Api.as(port, "finance", "finance");
        String code = new Finance(port).openAccount("SM");
        assertThat(finance.get("/api/v1/sales-managers").body().toString()).contains("\"sales\"").doesNotContain("finance");

        Api.Response set = finance.put("/api/v1/accounts/" + code + "/sales-manager", Map.of("salesManager", "sales"));
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        assertThat(set.body().get("salesManager").asText()).isEqualTo("sales");
        assertThat(finance.get("/api/v1/accounts/" + code).body().get("salesManager").asText()).isEqualTo("sales");

        Map<String, Object> clear = new HashMap<>();
        clear.put("salesManager", null);
        Api.Response cleared = finance.put("/api/v1/accounts/" + code + "/sales-manager", clear);
        assertThat(cleared.status()).as(cleared.raw()).isEqualTo(200);
        assertThat(cleared.body().has("salesManager") && !cleared.body().get("salesManager").isNull()).isFalse();
    }

    @Test
    void aUserWithoutTheSalesRoleIsRefusedNamingTheFieldInRussian() {
        Api finance = Api.as(port, "finance", "finance");
        String code = new Finance(port).openAccount("SM");
        for (String who : new String[] {"finance", "nobody-here", "romashka"}) {
            Api.Response r = finance.put("/api/v1/accounts/" + code + "/sales-manager", Map.of("salesManager", who));
            assertThat(r.status()).as(who + ": " + r.raw()).isEqualTo(400);
            assertThat(r.body().get("errors").findValuesAsText("field")).containsExactly("salesManager");
            assertThat(r.body().get("errors").get(0).get("message").asText()).contains("«Продажи»");
        }
        assertThat(finance.get("/api/v1/accounts/" + code).body().has("salesManager")
                && !finance.get("/api/v1/accounts/" + code).body().get("salesManager").isNull()).isFalse();
        assertThat(finance.put("/api/v1/accounts/NO-SUCH-ACC/sales-manager", Map.of("salesManager", "sales")).status())
                .isEqualTo(404);
    }

    @Test
    void aSalesUserLooksAfterWhatTheyOpenButCannotChooseTheManager() {
        Api sales = Api.as(port, "sales", "sales");
        String code = Finance.newAccount("SM");
        Api.Response opened = sales.post("/api/v1/accounts", Map.of("account", code, "client", "ООО «Новый клиент»"));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        assertThat(opened.body().get("salesManager").asText()).isEqualTo("sales");

        Api.Response taken = sales.put("/api/v1/accounts/" + code + "/sales-manager", Map.of("salesManager", "sales"));
        assertThat(taken.status()).isEqualTo(403);
        // the account's own PUT does not carry the manager: it stays as it was
        Api.Response edited = sales.put("/api/v1/accounts/" + code, Map.of("account", code, "client", "ООО «Клиент»",
                "salesManager", "someone-else"));
        assertThat(edited.status()).as(edited.raw()).isIn(200, 400);
        assertThat(Api.as(port, "finance", "finance").get("/api/v1/accounts/" + code).body().get("salesManager").asText())
                .isEqualTo("sales");
    }
}
