package ru.ccbilling.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;
import ru.ccbilling.period.Finance;

/** Accounts with their client's legal details, tariffs and numbers: created, read, changed by sales, deleted. */
@PlatformTest
class AccountApiTest {

    @LocalServerPort
    int port;

    @Test
    void theDemoClientsHaveTheirLegalDetails() {
        Api sales = Api.as(port, "sales", "sales");
        JsonNode romashka = sales.get("/api/v1/accounts/ACC-1001").body();
        assertThat(romashka.get("client").asText()).isEqualTo("ООО «Ромашка»");
        assertThat(romashka.get("inn").asText()).matches("[0-9]{10}");
        assertThat(romashka.get("kpp").asText()).matches("[0-9]{9}");
        assertThat(romashka.get("legalAddress").get("postalCode").asText()).matches("[0-9]{6}");
        assertThat(romashka.get("deliveryMethod").asText()).isEqualTo("PORTAL");
        assertThat(romashka.get("dedicatedOperators").findValuesAsText("operatorId")).contains("OP-101", "OP-201");
        assertThat(romashka.get("numbers").findValuesAsText("number")).contains("78005553535");
        JsonNode vektor = sales.get("/api/v1/accounts/ACC-1002/client").body();
        assertThat(vektor.get("client").asText()).isEqualTo("АО «Вектор»");
        assertThat(vektor.get("deliveryMethod").asText()).isEqualTo("POST");
        assertThat(vektor.get("postalAddress").get("address").asText()).isNotBlank();
        // the list stays what it was, with a little more
        JsonNode list = sales.get("/api/v1/accounts").body();
        JsonNode first = list.get(0);
        assertThat(first.get("account").asText()).isEqualTo("ACC-1001");
        assertThat(first.get("tariff").asText()).isEqualTo("CC-STANDARD-2026");
        // its 8-800 number and its virtual-office number (tariff sheet 7.1)
        assertThat(first.get("numbers")).extracting(JsonNode::asText).containsExactly("74951230001", "78005553535");
        JsonNode held = sales.get("/api/v1/accounts/ACC-1001/numbers").body();
        assertThat(held.findValuesAsText("kind")).containsExactlyInAnyOrder("VIRTUAL_OFFICE", "TOLL_FREE_800");
        JsonNode office = sales.get("/api/v1/accounts/ACC-1002/numbers").body();
        assertThat(office).anySatisfy(n -> {
            assertThat(n.get("number").asText()).isEqualTo("74951230000");
            assertThat(n.get("channels").asInt()).isEqualTo(3);
        });
    }

    @Test
    void anAccountIsOpenedChangedAndDeleted() {
        Api finance = Api.as(port, "finance", "finance");
        Api sales = Api.as(port, "sales", "sales");
        String code = Finance.newAccount("ACT");
        Map<String, Object> body = Map.of("account", code, "client", "ООО «Лютик»", "inn", "7701234560", "kpp", "770101001",
                "legalAddress", Map.of("postalCode", "101000", "address", "г. Москва, ул. Мясницкая, д. 1"),
                "deliveryMethod", "EMAIL", "email", "docs@lutik.example",
                "contacts", List.of(Map.of("name", "Сидоров И. И.", "role", "директор")),
                "tariffs", List.of(Map.of("tariff", "CC-STANDARD-2026", "validFrom", "2026-02-01")));
        Api.Response created = sales.post("/api/v1/accounts", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().get("tariffs").get(0).get("validFrom").asText()).isEqualTo("2026-02-01");
        assertThat(sales.post("/api/v1/accounts", body).status()).isEqualTo(409);

        Api.Response changed = sales.put("/api/v1/accounts/" + code + "/client", Map.of("client", "ООО «Лютик и К»",
                "inn", "7701234560", "kpp", "770101002", "deliveryMethod", "COURIER",
                "postalAddress", Map.of("postalCode", "101000", "address", "г. Москва, а/я 7")));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        JsonNode read = finance.get("/api/v1/accounts/" + code).body();
        assertThat(read.get("client").asText()).isEqualTo("ООО «Лютик и К»");
        assertThat(read.get("kpp").asText()).isEqualTo("770101002");
        assertThat(read.get("deliveryMethod").asText()).isEqualTo("COURIER");
        assertThat(read.has("contacts") && read.get("contacts").size() > 0).isFalse();

        Api.Response badInn = sales.put("/api/v1/accounts/" + code + "/client", Map.of("client", "x", "inn", "12345"));
        assertThat(badInn.status()).isEqualTo(400);
        assertThat(badInn.body().get("errors").findValuesAsText("field")).contains("inn");
        // well-formed but mistyped: the check digit does not match, and nothing changes
        Api.Response mistyped = sales.put("/api/v1/accounts/" + code + "/client", Map.of("client", "x", "inn", "7701234567"));
        assertThat(mistyped.status()).isEqualTo(400);
        assertThat(mistyped.body().get("detail").asText()).isEqualTo(
                "inn: ИНН с ошибкой: контрольные цифры не совпадают — проверьте номер");
        assertThat(finance.get("/api/v1/accounts/" + code).body().get("client").asText()).isEqualTo("ООО «Лютик и К»");
        Api.Response noEmail = sales.put("/api/v1/accounts/" + code + "/client", Map.of("client", "x", "deliveryMethod", "EMAIL"));
        assertThat(noEmail.status()).isEqualTo(400);
        assertThat(noEmail.body().get("errors").findValuesAsText("field")).contains("email");
        assertThat(noEmail.body().get("detail").asText()).isEqualTo(
                "email: обязателен, когда документы отправляются по электронной почте (EMAIL)");

        String number = Finance.newNumber();
        assertThat(finance.post("/api/v1/accounts/" + code + "/numbers", Map.of("number", number, "validFrom", "2026-02-01"))
                .status()).isEqualTo(201);
        String other = new Finance(port).openAccount("ACO");
        Api.Response taken = finance.post("/api/v1/accounts/" + other + "/numbers",
                Map.of("number", number, "validFrom", "2026-03-01"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body().get("detail").asText()).contains(number, "закреплён за лицевым счётом " + code);
        Api.Response takenInEnglish = finance.inEnglish().post("/api/v1/accounts/" + other + "/numbers",
                Map.of("number", number, "validFrom", "2026-03-01"));
        assertThat(takenInEnglish.status()).isEqualTo(409);
        assertThat(takenInEnglish.body().get("title").asText()).isEqualTo("Conflict");
        assertThat(takenInEnglish.body().get("detail").asText()).contains(number, "is held by " + code);
        assertThat(Api.as(port, "manager", "manager").post("/api/v1/accounts/" + code + "/numbers",
                Map.of("number", Finance.newNumber(), "validFrom", "2026-02-01")).status()).isEqualTo(403);

        assertThat(finance.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://127.0.0.1:" + port + "/api/v1/accounts/" + code)).DELETE()).status()).isEqualTo(409);
        String mistake = Finance.newAccount("ACM");
        assertThat(finance.post("/api/v1/accounts", Map.of("account", mistake, "client", "ошибка")).status()).isEqualTo(201);
        assertThat(finance.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://127.0.0.1:" + port + "/api/v1/accounts/" + mistake)).DELETE()).status()).isEqualTo(204);
        assertThat(finance.get("/api/v1/accounts/" + mistake).status()).isEqualTo(404);
    }
}
