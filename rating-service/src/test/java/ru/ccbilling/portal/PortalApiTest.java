package ru.ccbilling.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;

/**
 * The portal as a client's people use it: romashka (CLIENT_ADMIN of ACC-1001) and vector (CLIENT of ACC-1002)
 * after March 2026 was rated, closed and documented (see {@link PortalFixture}).
 */
@PlatformTest
@TestPropertySource(properties = "ccbilling.test.context=portal")
class PortalApiTest {

    @LocalServerPort
    int port;

    private Api romashka;
    private Api vector;

    @BeforeEach
    void data() {
        PortalFixture.ensure(port);
        romashka = Api.as(port, "romashka", "romashka");
        vector = Api.as(port, "vector", "vector");
    }

    @Test
    void theDashboardShowsBalanceUsageToDateTheLastInvoiceAndEveryDay() {
        JsonNode dashboard = romashka.get("/api/v1/portal/dashboard").body();
        assertThat(dashboard.get("account").asText()).isEqualTo("ACC-1001");
        assertThat(dashboard.get("clientName").asText()).isEqualTo("ООО «Ромашка»");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
        assertThat(dashboard.get("month").asText()).isEqualTo(today.toString().substring(0, 7));
        assertThat(dashboard.get("days")).hasSize(today.getDayOfMonth());
        JsonNode lastDay = dashboard.get("days").get(today.getDayOfMonth() - 1);
        assertThat(lastDay.get("calls").asLong()).as("today's call").isGreaterThanOrEqualTo(1);
        assertThat(dashboard.get("usage").findValuesAsText("service")).contains("INBOUND_800");
        assertThat(dashboard.at("/lastInvoice/month").asText()).isEqualTo("2026-03");
        assertThat(dashboard.at("/lastInvoice/paid").asBoolean()).as("the fixture paid it").isTrue();
        assertThat(dashboard.at("/balance/currency").asText()).isEqualTo("RUB");

        JsonNode theirs = vector.get("/api/v1/portal/dashboard").body();
        assertThat(theirs.get("account").asText()).isEqualTo("ACC-1002");
        assertThat(theirs.at("/lastInvoice/paid").asBoolean()).as("nobody paid Vektor's").isFalse();
    }

    @Test
    void callsAreFilteredByPeriodNumberAndStatusAndCarryTheirPricedLines() {
        JsonNode march = romashka.get("/api/v1/portal/calls?from=2026-03-01&to=2026-03-31&size=100").body();
        assertThat(march.get("total").asLong()).isGreaterThanOrEqualTo(6);
        assertThat(march.get("items").findValuesAsText("account")).containsOnly("ACC-1001");
        JsonNode rated = march.get("items").findValues("status").stream().anyMatch(s -> s.asText().equals("RATED"))
                ? march : null;
        assertThat(rated).isNotNull();

        JsonNode byNumber = romashka.get("/api/v1/portal/calls?from=2026-03-01&to=2026-03-31&number=79161234567").body();
        assertThat(byNumber.get("total").asLong()).isPositive();
        byNumber.get("items").forEach(c -> assertThat(c.get("caller").asText() + c.get("called").asText())
                .contains("79161234567"));
        JsonNode onlyRated = romashka.get("/api/v1/portal/calls?from=2026-03-01&to=2026-03-31&status=REJECTED").body();
        onlyRated.get("items").forEach(c -> assertThat(c.get("status").asText()).isEqualTo("REJECTED"));

        JsonNode g01 = romashka.get("/api/v1/portal/calls/pbx-msk-1/g01").body();
        assertThat(g01.get("total").asText()).isEqualTo("91.68");
        assertThat(g01.get("lines").findValuesAsText("component")).containsExactly("NETWORK", "IVR", "OPERATOR", "POST");
        assertThat(g01.get("lines").findValuesAsText("explanation")).allSatisfy(e -> assertThat(e).isNotBlank());
        assertThat(g01.has("record")).as("the raw record stays with staff").isFalse();

        JsonNode thisMonth = romashka.get("/api/v1/portal/calls").body();
        assertThat(thisMonth.get("items").findValuesAsText("cdrId")).contains(PortalFixture.TODAYS_CALL);
    }

    @Test
    void callsExportAsCsvForASpreadsheet() throws Exception {
        HttpResponse<byte[]> csv = bytes("/api/v1/portal/calls.csv?from=2026-03-01&to=2026-03-31", "romashka");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFДата и время;");
        String[] lines = text.split("\r\n");
        long total = romashka.get("/api/v1/portal/calls?from=2026-03-01&to=2026-03-31").body().get("total").asLong();
        assertThat(lines).hasSize((int) total + 1);
        assertThat(text).contains(";91,68;ACC-1001;pbx-msk-1;g01").doesNotContain("ACC-1002");
    }

    @Test
    void callsExportAsAnExcelWorkbook() throws Exception {
        HttpResponse<byte[]> xlsx = bytes("/api/v1/portal/calls.xlsx?from=2026-03-01&to=2026-03-31", "romashka");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml.sheet");
        Map<String, String> parts = new java.util.HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx.body()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                parts.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(parts).containsKeys("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml");
        String sheet = parts.get("xl/worksheets/sheet1.xml");
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(sheet.getBytes(StandardCharsets.UTF_8)));   // well-formed
        long total = romashka.get("/api/v1/portal/calls?from=2026-03-01&to=2026-03-31").body().get("total").asLong();
        assertThat(sheet.split("<row ").length - 1).isEqualTo((int) total + 1);
        assertThat(sheet).contains("<v>91.68</v>", ">g01<", ">Дата и время<").doesNotContain("ACC-1002");
    }

    @Test
    void documentsOfTheMonthDownloadOneByOneAndAsOneZip() throws Exception {
        JsonNode documents = romashka.get("/api/v1/portal/documents?month=2026-03").body();
        List<String> ids = documents.findValuesAsText("id");
        assertThat(ids).containsExactlyInAnyOrderElementsOf(PortalFixture.DOCUMENTS.get("ACC-1001"));
        assertThat(documents.findValuesAsText("type")).contains("INVOICE", "ACT");

        HttpResponse<byte[]> pdf = bytes("/api/v1/portal/documents/" + ids.get(0) + "/pdf", "romashka");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");

        HttpResponse<byte[]> zip = bytes("/api/v1/portal/months/2026-03/documents.zip", "romashka");
        assertThat(zip.statusCode()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                assertThat(new String(in.readNBytes(4), StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
            }
        }
        assertThat(names).hasSize(ids.size()).allSatisfy(n -> assertThat(n).endsWith(".pdf"));
        assertThat(romashka.get("/api/v1/portal/months/2026-02/documents.zip").status()).isEqualTo(404);
        assertThat(romashka.get("/api/v1/portal/months/2026-13/documents.zip").status()).isEqualTo(400);
    }

    @Test
    void theLedgerShowsChargesAndPaymentsWithTheBalance() {
        JsonNode ledger = romashka.get("/api/v1/portal/ledger?period=2026-03").body();
        assertThat(ledger.get("account").asText()).isEqualTo("ACC-1001");
        assertThat(ledger.get("items").findValuesAsText("kind")).contains("USAGE");
        JsonNode payments = romashka.get("/api/v1/portal/ledger?kind=PAYMENT").body();
        assertThat(payments.get("items").findValuesAsText("kind")).containsOnly("PAYMENT").isNotEmpty();
        assertThat(payments.get("items").findValuesAsText("account")).containsOnly("ACC-1001");
        assertThat(payments.at("/balance/paid").asText()).isNotEqualTo("0.00");
    }

    @Test
    void thePriceListIsTheTariffInForceTableByTable() {
        JsonNode list = romashka.get("/api/v1/portal/price-list").body();
        assertThat(list.get("tariff").asText()).isEqualTo("CC-STANDARD-2026");
        assertThat(list.get("tables").size()).isGreaterThan(5);
        assertThat(list.get("tables").findValuesAsText("name")).contains("ConferencePortMinute");
        for (JsonNode table : list.get("tables")) {
            for (JsonNode row : table.get("rows")) {
                assertThat(row.size()).as(table.get("name").asText()).isEqualTo(table.get("columns").size());
            }
        }
        assertThat(list.get("upcoming")).isEmpty();
        // the client reads the tables in Russian: titles, columns and explanations of the shipped tariff
        for (JsonNode table : list.get("tables")) {
            assertThat(table.get("title").asText()).as(table.get("name").asText()).containsPattern("[А-Яа-яЁё]")
                    .doesNotContainPattern("\\b(RUB|per|minute|fee|Price)\\b");
            table.get("columns").forEach(c -> assertThat(c.asText()).containsPattern("[А-Яа-яЁё]"));
        }
    }

    @Test
    void theNumbersOfTheAccountWithTheirStatus() {
        JsonNode numbers = romashka.get("/api/v1/portal/numbers").body();
        assertThat(numbers.findValuesAsText("number")).contains("78005553535", "74951230001")
                .doesNotContain("78001002030", "74951230000");
        assertThat(numbers.findValues("active")).allSatisfy(a -> assertThat(a.asBoolean()).isTrue());
    }

    @Test
    void theClientsAdministratorSetsTheBalanceThreshold() {
        Api.Response set = romashka.put("/api/v1/portal/settings", Map.of("balanceThreshold", "5000"));
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        assertThat(set.body().get("balanceThreshold").asText()).isEqualTo("5000.00");
        assertThat(romashka.get("/api/v1/portal/dashboard").body().get("balanceThreshold").asText()).isEqualTo("5000.00");

        Api.Response bad = romashka.put("/api/v1/portal/settings", Map.of("balanceThreshold", "пять тысяч"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().at("/errors/0/field").asText()).isEqualTo("balanceThreshold");
        assertThat(romashka.put("/api/v1/portal/settings", Map.of("balanceThreshold", "-1")).body()
                .at("/errors/0/field").asText()).isEqualTo("balanceThreshold");
        assertThat(romashka.get("/api/v1/portal/settings").body().get("balanceThreshold").asText()).isEqualTo("5000.00");
        assertThat(vector.put("/api/v1/portal/settings", Map.of("balanceThreshold", "1")).status())
                .as("a CLIENT reads the settings only").isEqualTo(403);
    }

    @Test
    void aBadFilterIsRefusedNamingIt() {
        assertField(romashka.get("/api/v1/portal/calls?from=2026-03-10&to=2026-03-01"), "from");
        assertField(romashka.get("/api/v1/portal/calls?from=2025-01-01&to=2026-03-01"), "to");
        assertField(romashka.get("/api/v1/portal/calls?number=abc"), "number");
        assertThat(romashka.get("/api/v1/portal/calls?from=yesterday").status()).isEqualTo(400);
        assertField(romashka.get("/api/v1/portal/documents?month=2026-3"), "month");
    }

    private static void assertField(Api.Response r, String field) {
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.body().at("/errors/0/field").asText()).as(r.raw()).isEqualTo(field);
    }

    private HttpResponse<byte[]> bytes(String path, String user) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes()))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
