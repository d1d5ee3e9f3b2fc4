package ru.ccbilling.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;
import ru.ccbilling.period.Finance;

/** An account's КПП, ОГРН and bank are checked by their check digits: a wrong one is 400 naming it, nothing stored. */
@PlatformTest
class RequisitesApiTest {

    @LocalServerPort
    int port;

    private static final String INN = "7707083893";

    private Map<String, Object> client(String code) {
        Map<String, Object> body = new HashMap<>(Map.of("account", code, "client", "ПАО «Реквизиты»", "inn", INN,
                "kpp", "773601001", "ogrn", "1027700132195", "bik", "044525225",
                "settlementAccount", "40702810938000012345"));
        return body;
    }

    @Test
    void rightRequisitesAreStoredAndReadBack() {
        Api sales = Api.as(port, "sales", "sales");
        String code = Finance.newAccount("REQ");
        Api.Response created = sales.post("/api/v1/accounts", client(code));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        JsonNode read = sales.get("/api/v1/accounts/" + code + "/client").body();
        assertThat(read.get("ogrn").asText()).isEqualTo("1027700132195");
        assertThat(read.get("bik").asText()).isEqualTo("044525225");
        assertThat(read.get("settlementAccount").asText()).isEqualTo("40702810938000012345");
    }

    @Test
    void aWrongDigitIsRefusedNamingItsFieldInRussianAndNothingIsStored() {
        Api sales = Api.as(port, "sales", "sales");
        Map<String, String[]> wrong = Map.of(
                "ogrn", new String[] {"ogrn", "1027700132196", "ОГРН"},
                "ogrnKind", new String[] {"ogrn", "304500116000157", "ОГРН из 13 цифр"},
                "kpp", new String[] {"kpp", "773600001", "КПП"},
                "bik", new String[] {"bik", "144525225", "БИК"},
                "settlementAccount", new String[] {"settlementAccount", "40702810938000012346", "ключ"});
        for (var e : wrong.entrySet()) {
            String code = Finance.newAccount("REQ");
            Map<String, Object> body = client(code);
            body.put(e.getValue()[0], e.getValue()[1]);
            Api.Response r = sales.post("/api/v1/accounts", body);
            assertThat(r.status()).as(e.getKey() + ": " + r.raw()).isEqualTo(400);
            assertThat(r.body().get("errors").findValuesAsText("field")).as(r.raw()).containsExactly(e.getValue()[0]);
            assertThat(r.raw()).contains(e.getValue()[2]);
            assertThat(sales.get("/api/v1/accounts/" + code).status()).isEqualTo(404);
        }
        String code = Finance.newAccount("REQ");
        Map<String, Object> noBik = client(code);
        noBik.remove("bik");
        assertThat(sales.post("/api/v1/accounts", noBik).body().get("errors").findValuesAsText("field")).containsExactly("bik");
    }
}
