package ru.ccbilling.tariff.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;

/**
 * Issue 17's bad input: a discount outside 0–100, an override of a cell the base lacks, a base that is not a
 * standard tariff, a return without a comment, approval and publication out of turn: a 4xx naming the field or
 * the rule, and nothing stored.
 */
@PlatformTest
@TestPropertySource(properties = "ccbilling.test.context=sales-tariffs")
class SalesTariffBadInputApiTest {

    @LocalServerPort
    int port;

    @Test
    void aDiscountOutsideZeroToHundredIsRefusedNamingItAndNothingIsStored() {
        Api sales = Api.as(port, "sales", "sales");
        for (Object percent : List.of(101, -1, "12.345")) {
            Api.Response r = sales.post("/api/v1/sales/tariffs", Map.of("code", "BAD-DISCOUNT", "name", "x",
                    "baseTariff", "CC-STANDARD-2026", "adjustments", Map.of("discounts",
                            List.of(Map.of("group", "NETWORK", "percent", 5), Map.of("group", "OPERATOR", "percent", percent)))));
            assertThat(r.status()).as(r.raw()).isEqualTo(400);
            assertThat(r.contentType()).contains("application/problem+json");
            assertThat(r.body().get("errors").findValuesAsText("field")).containsExactly("discounts[1].percent");
        }
        assertThat(sales.get("/api/v1/sales/tariffs/BAD-DISCOUNT").status()).isEqualTo(404);
        assertThat(sales.get("/api/v1/tariffs/BAD-DISCOUNT/versions").status()).isEqualTo(404);
    }

    @Test
    void anOverrideOfACellTheBaseLacksIsRefusedNamingIt() {
        Api sales = Api.as(port, "sales", "sales");
        Api.Response r = sales.post("/api/v1/sales/tariffs", Map.of("code", "BAD-CELL", "name", "x",
                "baseTariff", "CC-STANDARD-2026", "adjustments", Map.of("overrides", List.of(
                        Map.of("model", "operator-minute.dmn", "rule", "OperatorMinute_r1", "price", "16.00"),
                        Map.of("model", "operator-minute.dmn", "rule", "OperatorMinute_r99", "price", "1.00")))));
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.body().get("errors").findValuesAsText("field")).containsExactly("overrides[1].rule");
        assertThat(r.body().get("detail").asText()).contains("OperatorMinute_r99");
        Api.Response model = sales.post("/api/v1/sales/tariffs", Map.of("code", "BAD-CELL", "name", "x",
                "baseTariff", "CC-STANDARD-2026", "adjustments", Map.of("overrides", List.of(
                        Map.of("model", "no-such.dmn", "rule", "X", "price", "1.00")))));
        assertThat(model.status()).isEqualTo(400);
        assertThat(model.body().get("errors").findValuesAsText("field")).containsExactly("overrides[0].model");
        assertThat(sales.get("/api/v1/sales/tariffs/BAD-CELL").status()).isEqualTo(404);
        assertThat(sales.get("/api/v1/tariffs/BAD-CELL/versions").status()).isEqualTo(404);
    }

    @Test
    void theBaseMustBeAStandardTariff() {
        Api sales = Api.as(port, "sales", "sales");
        Api.Response first = sales.post("/api/v1/sales/tariffs", Map.of("code", "BASE-OK", "name", "x",
                "baseTariff", "CC-STANDARD-2026"));
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        Api.Response onClient = sales.post("/api/v1/sales/tariffs", Map.of("code", "BASE-BAD", "name", "x",
                "baseTariff", "BASE-OK"));
        assertThat(onClient.status()).isEqualTo(400);
        assertThat(onClient.body().get("errors").findValuesAsText("field")).containsExactly("baseTariff");
        Api.Response twice = sales.post("/api/v1/sales/tariffs", Map.of("code", "BASE-OK", "name", "x",
                "baseTariff", "CC-STANDARD-2026"));
        assertThat(twice.status()).isEqualTo(409);
    }

    @Test
    void stepsOutOfTurnAreRefusedAndAReturnNeedsAComment() {
        Api sales = Api.as(port, "sales", "sales");
        Api manager = Api.as(port, "manager", "manager");
        assertThat(sales.post("/api/v1/sales/tariffs", Map.of("code", "TURNS", "name", "x",
                "baseTariff", "CC-STANDARD-2026", "adjustments", Map.of("discounts",
                        List.of(Map.of("group", "IVR", "percent", 50))))).status()).isEqualTo(201);
        assertThat(manager.post("/api/v1/sales/tariffs/TURNS/approve", Map.of()).status()).as("not submitted").isEqualTo(409);
        assertThat(manager.post("/api/v1/sales/tariffs/TURNS/publish", Map.of("account", "ACC-1002", "from", "2026-07-01"))
                .status()).as("not approved").isEqualTo(409);
        assertThat(sales.post("/api/v1/sales/tariffs/TURNS/submit", "").status()).isEqualTo(200);
        assertThat(sales.put("/api/v1/sales/tariffs/TURNS", Map.of()).status()).as("submitted: not editable").isEqualTo(409);
        assertThat(manager.post("/api/v1/tariffs/TURNS/versions/1/publish", Map.of("effectiveFrom", "2026-07-01T00:00:00+03:00"))
                .status()).as("the generic route publishes no unapproved client tariff either").isEqualTo(409);
        Api.Response noComment = manager.post("/api/v1/sales/tariffs/TURNS/return", Map.of("comment", " "));
        assertThat(noComment.status()).isEqualTo(400);
        assertThat(noComment.body().get("errors").findValuesAsText("field")).containsExactly("comment");
        Api.Response returned = manager.post("/api/v1/sales/tariffs/TURNS/return", Map.of("comment", "скидка на IVR велика"));
        assertThat(returned.status()).isEqualTo(200);
        assertThat(returned.body().get("state").asText()).isEqualTo("RETURNED");
        assertThat(returned.body().get("comment").asText()).isEqualTo("скидка на IVR велика");
        Api.Response edited = sales.put("/api/v1/sales/tariffs/TURNS", Map.of("discounts", List.of(Map.of("group", "IVR", "percent", 20))));
        assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
        assertThat(edited.body().get("state").asText()).isEqualTo("DRAFT");
        Api.Response ivr = sales.get("/api/v1/sales/tariffs/TURNS");
        ivr.body().get("cells").forEach(c -> {
            if (c.get("rule").asText().equals("IvrMinute_r1")) {
                assertThat(new java.math.BigDecimal(c.get("price").asText())).isEqualByComparingTo(
                        new java.math.BigDecimal(c.get("basePrice").asText()).multiply(new java.math.BigDecimal("0.80"))
                                .setScale(2, java.math.RoundingMode.HALF_UP));
            }
        });
        List<String> actions = manager.get("/api/v1/tariffs/TURNS/audit").body().findValuesAsText("action");
        assertThat(actions).contains("SUBMITTED", "RETURNED");
    }

    @Test
    void aProfileQuotePricesTheTablesOfBothVersions() {
        Api sales = Api.as(port, "sales", "sales");
        assertThat(sales.post("/api/v1/sales/tariffs", Map.of("code", "PROFILE", "name", "x",
                "baseTariff", "CC-STANDARD-2026", "adjustments", Map.of("discounts",
                        List.of(Map.of("group", "NETWORK", "percent", 50))))).status()).isEqualTo(201);
        Api.Response q = sales.post("/api/v1/sales/tariffs/PROFILE/quote", Map.of("profile", Map.of(
                "networkMinutes", List.of(Map.of("origin", "MOBILE", "band", "PEAK", "minutes", 1000)), "numbers", 1)));
        assertThat(q.status()).as(q.raw()).isEqualTo(200);
        var network = q.body().get("lines").findParents("group").stream()
                .filter(l -> l.get("group").asText().equals("NETWORK")).findFirst().orElseThrow();
        java.math.BigDecimal rate = new java.math.BigDecimal(network.get("standardPrice").asText());
        assertThat(new java.math.BigDecimal(network.get("standard").asText())).isEqualByComparingTo(rate.multiply(java.math.BigDecimal.valueOf(1000)));
        assertThat(new java.math.BigDecimal(network.get("client").asText())).isEqualByComparingTo(
                rate.divide(java.math.BigDecimal.valueOf(2), 2, java.math.RoundingMode.HALF_UP).multiply(java.math.BigDecimal.valueOf(1000)));
        Api.Response bad = sales.post("/api/v1/sales/tariffs/PROFILE/quote", Map.of("profile", Map.of(
                "networkMinutes", List.of(Map.of("origin", "MARS", "band", "PEAK", "minutes", 1)))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").findValuesAsText("field")).containsExactly("profile.networkMinutes");
    }
}
