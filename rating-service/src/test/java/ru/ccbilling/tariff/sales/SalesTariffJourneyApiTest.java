package ru.ccbilling.tariff.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;
import ru.ccbilling.period.Finance;
import ru.ccbilling.rating.ReferenceTariffOracle;

/**
 * Issue 17's journey through the API: sales build ACC-1001's tariff from CC-STANDARD-2026 (10% off operator work,
 * the MSK operator minute at 16.00, a minimum monthly payment of 20,000.00), quote it on ACC-1001's March 2026
 * traffic, submit it; the manager approves it (acknowledging a price under the floor) and publishes it for
 * ACC-1001 from 2026-04-01; April calls are priced by it and the April close posts the top-up to the minimum, printed
 * on the invoice. Then a new standard version flags it for a rebase that keeps the adjustments. Every expected
 * amount comes from the tariff sheet ({@link ReferenceTariffOracle}) with the adjustments applied here. A context
 * (and database) of its own: it publishes tariff versions and changes ACC-1001's tariff.
 */
@PlatformTest
@TestPropertySource(properties = "ccbilling.test.context=sales-tariffs")
class SalesTariffJourneyApiTest {

    private static final String CODE = "ROMASHKA-2026";
    private static final BigDecimal MINIMUM = SalesSheet.MINIMUM;
    private static final BigDecimal MSK_OPERATOR = SalesSheet.MSK_OPERATOR;

    @LocalServerPort
    int port;

    @Test
    void salesBuildQuoteAndSubmitTheManagerApprovesAndPublishesAndTheAccountIsRatedAndToppedUpByIt() throws Exception {
        Api sales = Api.as(port, "sales", "sales");
        Api manager = Api.as(port, "manager", "manager");
        Finance f = new Finance(port);

        // ACC-1001's March traffic under the standard tariff
        List<String> march = List.of(
                call("m1", "2026-03-10T10:15:00+03:00", "OPERATOR", 300, "OP-102"),
                call("m2", "2026-03-11T11:00:00+03:00", "OPERATOR", 180, "OP-202"),
                call("m3", "2026-03-12T12:00:00+03:00", "IVR", 60, null));
        post(f, march);

        // 1. sales build the tariff
        Api.Response created = sales.post("/api/v1/sales/tariffs", Map.of("code", CODE, "name", "Ромашка 2026",
                "baseTariff", "CC-STANDARD-2026", "account", "ACC-1001", "adjustments", Map.of(
                        "discounts", List.of(Map.of("group", "OPERATOR", "percent", 10)),
                        "overrides", List.of(Map.of("model", "operator-minute.dmn", "rule", "OperatorMinute_r1", "price", "16.00")),
                        "minimumMonthlyPayment", "20000.00")));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        JsonNode tariff = created.body();
        assertThat(tariff.get("state").asText()).isEqualTo("DRAFT");
        assertThat(tariff.get("baseVersion").asInt()).isEqualTo(1);
        assertThat(tariff.get("needsRebase").asBoolean()).isFalse();
        JsonNode msk = cell(tariff, "OperatorMinute_r1");
        JsonNode nsk = cell(tariff, "OperatorMinute_r2");
        BigDecimal nskBase = new BigDecimal(nsk.get("basePrice").asText());
        assertThat(new BigDecimal(msk.get("price").asText())).isEqualByComparingTo(MSK_OPERATOR);
        assertThat(msk.get("overridden").asBoolean()).isTrue();
        assertThat(new BigDecimal(nsk.get("price").asText())).isEqualByComparingTo(discounted(nskBase));
        assertThat(cell(tariff, "NetworkMinute_r5").get("price").asText())
                .isEqualTo(cell(tariff, "NetworkMinute_r5").get("basePrice").asText());

        // 2. the quote on ACC-1001's March traffic, re-priced by the engine under both
        Api.Response quoted = sales.post("/api/v1/sales/tariffs/" + CODE + "/quote",
                Map.of("account", "ACC-1001", "months", List.of("2026-03")));
        assertThat(quoted.status()).as(quoted.raw()).isEqualTo(200);
        JsonNode quote = quoted.body();
        assertThat(quote.get("calls").asInt()).isEqualTo(3);
        BigDecimal[] expectedMarch = expected(march);
        assertThat(sum(quote, "OPERATOR", "standard")).isEqualByComparingTo(operator(march, false));
        assertThat(sum(quote, "OPERATOR", "client")).isEqualByComparingTo(operator(march, true));
        BigDecimal clientUsage = expectedMarch[1];
        assertThat(sumUsage(quote, "client")).isEqualByComparingTo(clientUsage);
        assertThat(sumUsage(quote, "standard")).isEqualByComparingTo(expectedMarch[0]);
        assertThat(sum(quote, "MINIMUM_TOPUP", "client")).isEqualByComparingTo(MINIMUM.subtract(clientUsage));
        assertThat(new BigDecimal(quote.get("difference").asText())).isEqualByComparingTo(
                new BigDecimal(quote.get("clientTotal").asText()).subtract(new BigDecimal(quote.get("standardTotal").asText())));

        // the offer PDF, in Russian, with the client's prices and the comparison
        String offer = offerText(port, "{\"account\":\"ACC-1001\",\"months\":[\"2026-03\"]}");
        assertThat(offer).contains("Коммерческое предложение", "Ромашка 2026", "16,00", "Минимальный ежемесячный платёж: 20 000,00",
                "Сравнение на трафике счёта ACC-1001");

        // 3. submit; sales may not approve nor publish; unapproved is not published
        assertThat(sales.post("/api/v1/sales/tariffs/" + CODE + "/submit", "").status()).isEqualTo(200);
        assertThat(sales.post("/api/v1/sales/tariffs/" + CODE + "/approve", Map.of("acknowledgeBelowFloor", true)).status())
                .isEqualTo(403);
        assertThat(sales.post("/api/v1/sales/tariffs/" + CODE + "/publish",
                Map.of("account", "ACC-1001", "from", "2026-04-01")).status()).isEqualTo(403);
        Api.Response unapproved = manager.post("/api/v1/sales/tariffs/" + CODE + "/publish",
                Map.of("account", "ACC-1001", "from", "2026-04-01"));
        assertThat(unapproved.status()).isEqualTo(409);
        assertThat(unapproved.body().get("detail").asText()).contains("согласованный");

        // 4. a floor over the client's MSK price: approval needs the acknowledgement
        assertThat(manager.put("/api/v1/sales/floors", Map.of("tariff", "CC-STANDARD-2026", "model", "operator-minute.dmn",
                "rule", "OperatorMinute_r1", "floor", MSK_OPERATOR.add(BigDecimal.ONE).toPlainString())).status()).isEqualTo(200);
        JsonNode flagged = sales.get("/api/v1/sales/tariffs/" + CODE).body();
        assertThat(flagged.get("belowFloor").asInt()).isEqualTo(1);
        assertThat(cell(flagged, "OperatorMinute_r1").get("belowFloor").asBoolean()).isTrue();
        Api.Response unacknowledged = manager.post("/api/v1/sales/tariffs/" + CODE + "/approve", Map.of());
        assertThat(unacknowledged.status()).isEqualTo(409);
        assertThat(unacknowledged.body().get("errors").findValuesAsText("field")).contains("acknowledgeBelowFloor");
        assertThat(sales.get("/api/v1/sales/tariffs/" + CODE).body().get("state").asText()).isEqualTo("SUBMITTED");
        Api.Response approved = manager.post("/api/v1/sales/tariffs/" + CODE + "/approve",
                Map.of("acknowledgeBelowFloor", true, "comment", "ок"));
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        assertThat(approved.body().get("state").asText()).isEqualTo("APPROVED");

        // 5. March is closed for ACC-1001: no assignment inside it; from 2026-04-01 it is published and assigned
        f.close("2026-03", "ACC-1001");
        Api.Response inClosed = manager.post("/api/v1/sales/tariffs/" + CODE + "/publish",
                Map.of("account", "ACC-1001", "from", "2026-03-20"));
        assertThat(inClosed.status()).isEqualTo(409);
        assertThat(inClosed.body().get("errors").findValuesAsText("field")).contains("from");
        assertThat(inClosed.body().get("detail").asText()).contains("правило закрытого периода");
        Api.Response published = manager.post("/api/v1/sales/tariffs/" + CODE + "/publish",
                Map.of("account", "ACC-1001", "from", "2026-04-01"));
        assertThat(published.status()).as(published.raw()).isEqualTo(200);
        assertThat(published.body().get("state").asText()).isEqualTo("PUBLISHED");
        assertThat(published.body().get("assignedFrom").asText()).isEqualTo("2026-04-01");
        JsonNode account = f.finance.get("/api/v1/accounts/ACC-1001").body();
        assertThat(account.toString()).contains(CODE, "2026-04-01");

        // every step audited
        List<String> actions = manager.get("/api/v1/tariffs/" + CODE + "/audit").body().findValuesAsText("action");
        assertThat(actions).contains("CREATED", "CHANGED", "SUBMITTED", "APPROVED", "PUBLISHED", "ASSIGNED");

        // 6. April calls of ACC-1001 are priced by the client tariff
        List<String> april = List.of(
                call("a1", "2026-04-07T10:15:00+03:00", "OPERATOR", 600, "OP-102"),
                call("a2", "2026-04-08T11:00:00+03:00", "OPERATOR", 240, "OP-202"),
                call("a3", "2026-04-09T12:00:00+03:00", "IVR", 120, null));
        post(f, april);
        JsonNode a1 = f.finance.get("/api/v1/cdrs/sales-journey/a1").body();
        assertThat(a1.get("tariff").asText()).isEqualTo(CODE);
        BigDecimal[] expectedApril = expected(april);
        BigDecimal stored = BigDecimal.ZERO;
        for (String id : List.of("a1", "a2", "a3")) {
            stored = stored.add(new BigDecimal(f.finance.get("/api/v1/cdrs/sales-journey/" + id).body().get("total").asText()));
        }
        assertThat(stored).isEqualByComparingTo(expectedApril[1]);

        // 7. the April close tops usage up to the minimum, and the invoice prints it
        f.close("2026-04", "ACC-1001");
        BigDecimal usage = Finance.sum(f.entries("ACC-1001", "2026-04", "USAGE"));
        assertThat(usage).isEqualByComparingTo(expectedApril[1]);
        List<JsonNode> topUp = f.entries("ACC-1001", "2026-04", "MINIMUM_TOPUP");
        assertThat(topUp).hasSize(1);
        assertThat(new BigDecimal(topUp.get(0).get("amount").asText())).isEqualByComparingTo(MINIMUM.subtract(expectedApril[1]));
        Api.Response issued = f.finance.post("/api/v1/documents/packages", Map.of("account", "ACC-1001", "month", "2026-04"));
        assertThat(issued.status()).as(issued.raw()).isBetween(200, 201);
        boolean printed = false;
        for (JsonNode d : issued.body().get("documents")) {
            String html = f.finance.get("/api/v1/documents/" + d.get("id").asText() + "/html").raw();
            printed |= html.contains("Доплата до минимального ежемесячного платежа");
        }
        assertThat(printed).as("the top-up is a line of the documents").isTrue();

        // 7b. a late April call and a re-rating of the closed April: the usage grows by the call, the top-up shrinks
        // by as much (a CORRECTION of the MINIMUM_TOPUP), so April still costs the client exactly the minimum
        List<String> late = List.of(call("a4", "2026-04-20T10:00:00+03:00", "OPERATOR", 300, "OP-102"));
        post(f, late);
        List<String> aprilWithLate = new ArrayList<>(april);
        aprilWithLate.addAll(late);
        BigDecimal usageWithLate = expected(aprilWithLate)[1];
        assertThat(usageWithLate).isLessThan(MINIMUM);
        String current = java.time.YearMonth.now(java.time.ZoneId.of("Europe/Moscow")).toString();
        Api.Response rerated = f.finance.post("/api/v1/periods/2026-04/rerate", Map.of("account", "ACC-1001", "apply", true));
        assertThat(rerated.status()).as(rerated.raw()).isEqualTo(200);
        List<JsonNode> corrections = f.entries("ACC-1001", current, "CORRECTION").stream()
                .filter(e -> "2026-04".equals(e.path("refersTo").asText().substring(0, Math.min(7, e.path("refersTo").asText().length()))))
                .toList();
        List<JsonNode> topUpCorrections = corrections.stream().filter(e -> "MINIMUM_TOPUP".equals(e.path("corrects").asText())).toList();
        assertThat(topUpCorrections).as(corrections.toString()).hasSize(1);
        assertThat(new BigDecimal(topUpCorrections.get(0).get("amount").asText()))
                .isEqualByComparingTo(expectedApril[1].subtract(usageWithLate));
        BigDecimal aprilNow = usage.add(new BigDecimal(topUp.get(0).get("amount").asText())).add(Finance.sum(corrections));
        assertThat(aprilNow).as("April's usage, top-up and their corrections").isEqualByComparingTo(MINIMUM);
        assertThat(f.finance.post("/api/v1/periods/2026-04/rerate", Map.of("account", "ACC-1001", "apply", true))
                .body().get("corrections").asInt()).as("nothing more the second time").isZero();
        // the correction VAT invoice names the top-up in words, as the invoice did
        Api.Response correction = f.finance.post("/api/v1/documents/corrections", Map.of("account", "ACC-1001", "month", "2026-04"));
        assertThat(correction.status()).as(correction.raw()).isEqualTo(200);
        String ksf = f.finance.get("/api/v1/documents/" + correction.body().get(0).get("documents").get(0).get("id").asText()
                + "/html").raw();
        assertThat(ksf).contains("Доплата до минимального ежемесячного платежа").doesNotContain("MINIMUM_TOPUP");

        // 8. a new standard version flags the client tariff; the rebase keeps the adjustments
        int draft = manager.post("/api/v1/tariffs/CC-STANDARD-2026/versions", Map.of("basedOn", 1)).body().get("version").asInt();
        String operatorTable = manager.get("/api/v1/tariffs/CC-STANDARD-2026/versions/" + draft).body().get("models")
                .findParents("name").stream().filter(m -> m.get("name").asText().equals("operator-minute.dmn")).findFirst()
                .orElseThrow().get("content").asText();
        BigDecimal nskNew = nskBase.add(BigDecimal.ONE);
        String changed = operatorTable.replace("<outputEntry id=\"OperatorMinute_r2_o\"><text>" + nskBase.toPlainString(),
                "<outputEntry id=\"OperatorMinute_r2_o\"><text>" + nskNew.toPlainString());
        assertThat(changed).isNotEqualTo(operatorTable);
        assertThat(manager.put("/api/v1/tariffs/CC-STANDARD-2026/versions/" + draft + "/models/operator-minute.dmn",
                Map.of("kind", "DMN", "content", changed)).status()).isEqualTo(200);
        assertThat(manager.post("/api/v1/tariffs/CC-STANDARD-2026/versions/" + draft + "/publish",
                Map.of("effectiveFrom", "2026-06-01T00:00:00+03:00")).status()).isEqualTo(200);
        JsonNode listed = sales.get("/api/v1/sales/tariffs").body();
        JsonNode mine = listed.findParents("code").stream().filter(t -> t.get("code").asText().equals(CODE)).findFirst().orElseThrow();
        assertThat(mine.get("needsRebase").asBoolean()).isTrue();
        Api.Response rebased = sales.post("/api/v1/sales/tariffs/" + CODE + "/rebase", "");
        assertThat(rebased.status()).as(rebased.raw()).isEqualTo(200);
        JsonNode after = rebased.body().get("tariff");
        assertThat(after.get("baseVersion").asInt()).isEqualTo(draft);
        assertThat(after.get("needsRebase").asBoolean()).isFalse();
        assertThat(after.get("state").asText()).isEqualTo("DRAFT");
        assertThat(new BigDecimal(cell(after, "OperatorMinute_r1").get("price").asText())).isEqualByComparingTo(MSK_OPERATOR);
        assertThat(new BigDecimal(cell(after, "OperatorMinute_r2").get("price").asText())).isEqualByComparingTo(discounted(nskNew));
        JsonNode diff = rebased.body().get("diff");
        assertThat(diff.toString()).contains("OperatorMinute", discounted(nskBase).toPlainString(), discounted(nskNew).toPlainString());
        assertThat(after.get("adjustments").get("minimumMonthlyPayment").asText()).isEqualTo("20000.00");
    }

    /**
     * A client tariff published from the 16th of June (30 days) is in force 15 days: the close tops the month up to
     * round_half_up(M × 15 / 30, 2), says so in the entry's reason, and a re-rating that changes nothing corrects
     * nothing; a late call lowers the top-up by its price, so June still costs the prorated minimum.
     */
    @Test
    void aTariffPublishedMidMonthTopsUpToItsMinimumProratedByItsDaysInForce() throws Exception {
        Api sales = Api.as(port, "sales", "sales");
        Api manager = Api.as(port, "manager", "manager");
        Finance f = new Finance(port);
        String account = f.openAccount("MID");
        String number = Finance.newNumber();
        f.holdNumber(account, number, "2026-01-01", null);
        BigDecimal minimum = new BigDecimal("10000.01");
        String code = "MIDMONTH-" + account.substring(account.indexOf('-') + 1);
        Api.Response created = sales.post("/api/v1/sales/tariffs", Map.of("code", code, "name", "С середины месяца",
                "baseTariff", "CC-STANDARD-2026", "baseVersion", 1, "account", account,
                "adjustments", Map.of("minimumMonthlyPayment", minimum.toPlainString())));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(sales.post("/api/v1/sales/tariffs/" + code + "/submit", "").status()).isEqualTo(200);
        Api.Response approved = manager.post("/api/v1/sales/tariffs/" + code + "/approve", Map.of("acknowledgeBelowFloor", true));
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        Api.Response published = manager.post("/api/v1/sales/tariffs/" + code + "/publish",
                Map.of("account", account, "from", "2026-06-16"));
        assertThat(published.status()).as(published.raw()).isEqualTo(200);

        // IVR calls only: the client tariff prices them as the sheet does (no discount); the sheet knows the demo number
        List<String> sheet = List.of(
                call("j1-" + account, "2026-06-20T10:00:00+03:00", "IVR", 120, null),
                call("j2-" + account, "2026-06-22T11:00:00+03:00", "IVR", 60, null));
        post(f, sheet.stream().map(c -> c.replace("78005553535", number)).toList());
        BigDecimal usage = expected(sheet)[0];
        BigDecimal prorated = minimum.multiply(BigDecimal.valueOf(15)).divide(BigDecimal.valueOf(30), 2, java.math.RoundingMode.HALF_UP);
        assertThat(usage).isLessThan(prorated);

        f.close("2026-06", account);
        assertThat(Finance.sum(f.entries(account, "2026-06", "USAGE"))).isEqualByComparingTo(usage);
        List<JsonNode> topUp = f.entries(account, "2026-06", "MINIMUM_TOPUP");
        assertThat(topUp).hasSize(1);
        assertThat(new BigDecimal(topUp.get(0).get("amount").asText())).isEqualByComparingTo(prorated.subtract(usage));
        assertThat(topUp.get(0).path("reason").asText()).as(topUp.get(0).toString()).contains("за 15 из 30 дней");

        // a re-rating that changes nothing: the prorated top-up stands, no correction
        Api.Response same = f.finance.post("/api/v1/periods/2026-06/rerate", Map.of("account", account, "apply", true));
        assertThat(same.status()).as(same.raw()).isEqualTo(200);
        assertThat(same.body().get("corrections").asInt()).as(same.raw()).isZero();
        // nor under the very version that was in force, named: the same 15 days count
        int version = published.body().get("publishedVersion").asInt();
        Api.Response named = f.finance.post("/api/v1/periods/2026-06/rerate", Map.of("account", account,
                "tariff", code, "tariffVersion", version, "apply", true));
        assertThat(named.status()).as(named.raw()).isEqualTo(200);
        assertThat(named.body().get("corrections").asInt()).as(named.raw()).isZero();

        // a late call: the top-up shrinks by its price, June still costs the prorated minimum
        List<String> late = List.of(call("j3-" + account, "2026-06-25T12:00:00+03:00", "IVR", 180, null));
        post(f, late.stream().map(c -> c.replace("78005553535", number)).toList());
        BigDecimal lateUsage = expected(late)[0];
        Api.Response rerated = f.finance.post("/api/v1/periods/2026-06/rerate", Map.of("account", account, "apply", true));
        assertThat(rerated.status()).as(rerated.raw()).isEqualTo(200);
        String current = java.time.YearMonth.now(java.time.ZoneId.of("Europe/Moscow")).toString();
        List<JsonNode> corrections = f.entries(account, current, "CORRECTION");
        List<JsonNode> topUpCorrections = corrections.stream().filter(e -> "MINIMUM_TOPUP".equals(e.path("corrects").asText())).toList();
        assertThat(topUpCorrections).as(corrections.toString()).hasSize(1);
        assertThat(new BigDecimal(topUpCorrections.get(0).get("amount").asText())).isEqualByComparingTo(lateUsage.negate());
        BigDecimal juneNow = usage.add(new BigDecimal(topUp.get(0).get("amount").asText())).add(Finance.sum(corrections));
        assertThat(juneNow).as("June's usage, top-up and their corrections").isEqualByComparingTo(prorated);
    }

    private static String call(String id, String start, String stage, int seconds, String operator) {
        return SalesSheet.call("sales-journey", id, start, stage, seconds, operator);
    }

    private static void post(Finance f, List<String> calls) {
        SalesSheet.post(f, calls);
    }

    private static BigDecimal discounted(BigDecimal rate) {
        return SalesSheet.discounted(rate);
    }

    private static BigDecimal[] expected(List<String> calls) {
        return SalesSheet.usage(calls);
    }

    private static BigDecimal operator(List<String> calls, boolean client) {
        return SalesSheet.operator(calls, client);
    }

    private static JsonNode cell(JsonNode tariff, String rule) {
        for (JsonNode c : tariff.get("cells")) {
            if (c.get("rule").asText().equals(rule)) {
                return c;
            }
        }
        throw new AssertionError("no cell " + rule);
    }

    private static BigDecimal sum(JsonNode quote, String group, String side) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode line : quote.get("lines")) {
            if (line.get("group").asText().equals(group)) {
                sum = sum.add(new BigDecimal(line.get(side).asText()));
            }
        }
        return sum;
    }

    private static BigDecimal sumUsage(JsonNode quote, String side) {
        List<String> notUsage = new ArrayList<>(List.of("MONTHLY_FEES", "VOLUME_DISCOUNT", "MINIMUM_TOPUP"));
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode line : quote.get("lines")) {
            if (!notUsage.contains(line.get("group").asText())) {
                sum = sum.add(new BigDecimal(line.get(side).asText()));
            }
        }
        return sum;
    }

    /** the text of the commercial offer PDF, as sales download it */
    private static String offerText(int port, String body) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder()
                .uri(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/sales/tariffs/" + CODE + "/offer"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("sales:sales".getBytes()))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
        var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/pdf");
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(response.body())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replace('\u00a0', ' ').replaceAll("\\s+", " ");
        }
    }
}
