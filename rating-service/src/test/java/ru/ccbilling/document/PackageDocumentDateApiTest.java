package ru.ccbilling.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;
import ru.ccbilling.clock.ClockConfiguration;

/**
 * One account's package dated the day of issue ({@code POST /api/v1/documents/packages} with
 * {@code documentDate: RUN_DATE}), the mass run's way out for a single account: the documents are dated today
 * (Moscow), the services stay the month's (the act's period, the UPD's shipment date [11], the XML's ДатаПер), and
 * without the option nothing changes. Its own database: documents dated today would hold back the other classes'
 * months. Ordered: numbers follow dates, each step builds on the one before.
 */
@PlatformTest
@Import(TestStatements.Config.class)
@TestPropertySource(properties = "ccbilling.test.context=package-document-date")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackageDocumentDateApiTest {

    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api finance() {
        return Api.as(port, "finance", "finance");
    }

    static LocalDate today() {
        return LocalDate.now(ClockConfiguration.BUSINESS_ZONE);
    }

    private Api.Response issue(Map<String, String> body) {
        return finance().post("/api/v1/documents/packages", body);
    }

    /** the documents dates as stored (the table, not the answer) */
    private java.util.List<LocalDate> storedDates(String account, String month) {
        return jdbc.queryForList("select d.document_date from document d join document_package p on p.id = d.package_id"
                + " where p.account = ? and p.month = ?", LocalDate.class, account, month);
    }

    private String xml(String id) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/documents/" + id + "/xml"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("finance:finance".getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return new String(response.body(), Charset.forName("windows-1251"));
    }

    @Test
    @Order(1)
    void withoutTheOptionOrWithMonthEndThePackageIsDatedTheMonthsLastDayAsBefore() {
        Api.Response plain = issue(Map.of("account", "ACC-1001", "month", "2026-03"));
        assertThat(plain.status()).as(plain.raw()).isEqualTo(201);
        assertThat(plain.body().get("documents").findValuesAsText("type")).containsExactly("INVOICE", "ACT", "VAT_INVOICE");
        assertThat(plain.body().get("documents").findValuesAsText("date")).containsOnly("2026-03-31");
        assertThat(storedDates("ACC-1001", "2026-03")).hasSize(3).containsOnly(LocalDate.of(2026, 3, 31));

        Api.Response monthEnd = issue(Map.of("account", "ACC-1002", "month", "2026-03", "documentDate", "MONTH_END"));
        assertThat(monthEnd.status()).as(monthEnd.raw()).isEqualTo(201);
        assertThat(monthEnd.body().get("documents").findValuesAsText("type")).containsExactly("INVOICE", "UPD");
        assertThat(storedDates("ACC-1002", "2026-03")).hasSize(2).containsOnly(LocalDate.of(2026, 3, 31));
    }

    @Test
    @Order(2)
    void aBadChoiceIsA400NamingDocumentDateAndStoresNothing() {
        Api.Response bad = issue(Map.of("account", "ACC-1001", "month", "2026-04", "documentDate", "YESTERDAY"));
        assertThat(bad.status()).as(bad.raw()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.body().get("errors").findValuesAsText("field")).containsExactly("documentDate");
        assertThat(storedDates("ACC-1001", "2026-04")).isEmpty();
    }

    @Test
    @Order(3)
    void onTheDayOfIssueTheDocumentsAreDatedTodayWhileTheServicesStayTheMonths() throws Exception {
        Api.Response r = issue(Map.of("account", "ACC-1001", "month", "2026-04", "documentDate", "RUN_DATE"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        JsonNode docs = r.body().get("documents");
        assertThat(docs.findValuesAsText("type")).containsExactly("INVOICE", "ACT", "VAT_INVOICE");
        assertThat(docs.findValuesAsText("date")).containsOnly(today().toString());
        assertThat(docs.findValuesAsText("month")).containsOnly("2026-04");
        assertThat(storedDates("ACC-1001", "2026-04")).hasSize(3).containsOnly(today());
        // the VAT rate is the shipment date's (table vat_rate holds percent)
        java.math.BigDecimal aprilRate = jdbc.queryForObject("select rate from vat_rate where valid_from <= date '2026-04-30'"
                + " order by valid_from desc limit 1", java.math.BigDecimal.class);
        for (JsonNode d : docs) {
            assertThat(new java.math.BigDecimal(d.get("vatRate").asText())).isEqualByComparingTo(aprilRate.movePointLeft(2));
        }

        String act = finance().get("/api/v1/documents/" + docs.get(1).get("id").asText() + "/html").raw();
        assertThat(act).as("the act's period is still April").contains("с 01.04.2026 по 30.04.2026")
                .contains("от " + today().getDayOfMonth() + " ", today().getYear() + " г.</h1>");

        // with the VAT invoice sequence now holding today's number, April dated its end is refused for the next account…
        Api.Response monthEnd = issue(Map.of("account", "ACC-1002", "month", "2026-04"));
        assertThat(monthEnd.status()).as(monthEnd.raw()).isEqualTo(409);
        assertThat(storedDates("ACC-1002", "2026-04")).isEmpty();
        // …and the way out is the same choice
        Api.Response upd = issue(Map.of("account", "ACC-1002", "month", "2026-04", "documentDate", "RUN_DATE"));
        assertThat(upd.status()).as(upd.raw()).isEqualTo(201);
        assertThat(upd.body().get("documents").findValuesAsText("date")).containsOnly(today().toString());
        JsonNode updDoc = upd.body().get("documents").get(1);
        assertThat(updDoc.get("type").asText()).isEqualTo("UPD");
        String updHtml = finance().get("/api/v1/documents/" + updDoc.get("id").asText() + "/html").raw();
        assertThat(updHtml).as("the UPD's shipment date [11] is the month's last day").contains("Дата отгрузки, передачи (сдачи)</td><td class=\"line\">30 апреля 2026 г.</td>");
        String xml = xml(updDoc.get("id").asText());
        assertThat(xml).contains("ДатаПер=\"30.04.2026\"", "ДатаДок=\"" + today().format(DOTTED) + "\"");
    }

    @Test
    @Order(4)
    void anIssuedPackageIsAnsweredAsStoredWhateverTheChoice() {
        JsonNode april = finance().get("/api/v1/documents?month=2026-04&account=ACC-1001").body();
        Api.Response again = issue(Map.of("account", "ACC-1001", "month", "2026-04"));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body().get("documents").findValuesAsText("number"))
                .containsExactlyInAnyOrderElementsOf(april.findValuesAsText("number"));
        assertThat(again.body().get("documents").findValuesAsText("date")).containsOnly(today().toString());
        Api.Response march = issue(Map.of("account", "ACC-1001", "month", "2026-03", "documentDate", "RUN_DATE"));
        assertThat(march.body().get("documents").findValuesAsText("date")).containsOnly("2026-03-31");
    }
}
