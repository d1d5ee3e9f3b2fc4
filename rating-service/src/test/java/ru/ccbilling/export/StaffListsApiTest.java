package ru.ccbilling.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;
import ru.ccbilling.period.Finance;
import ru.ccbilling.portal.PortalFixture;

/**
 * Staff lists that scale: accounts and documents paged, sorted and searched by the server with the total in
 * X-Total-Count, the lists without paging answering as before, and every list exported as Russian CSV and XLSX.
 */
@PlatformTest
// the portal's database: its fixture closes March and issues documents, which the shared context must not see
@TestPropertySource(properties = "ccbilling.test.context=portal")
class StaffListsApiTest {

    @LocalServerPort
    int port;

    private static final String STAMP = Long.toString(System.nanoTime() % 1_000_000_000L);

    /** three accounts whose clients share a name part no other account has; answers their codes А, Б, В */
    private List<String> threeClients(Finance f, String tag) {
        List<String> codes = new ArrayList<>();
        for (String letter : List.of("Б", "В", "А")) {
            String code = Finance.newAccount("LST");
            Api.Response r = f.finance.post("/api/v1/accounts", Map.of("account", code,
                    "client", "ООО «" + letter + " " + tag + "»", "inn", validInn()));
            assertThat(r.status()).as(r.raw()).isEqualTo(201);
            codes.add(code);
        }
        return codes;
    }

    @Test
    void accountsArePagedAndSortedByTheServerWithTheTotalInAHeader() {
        Finance f = new Finance(port);
        String tag = "Списки-" + STAMP + "-сорт";
        threeClients(f, tag);
        Api.Response first = f.finance.get("/api/v1/accounts?q=" + enc(tag) + "&sort=client,desc&page=0&size=2");
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-Total-Count")).contains("3");
        assertThat(first.body().findValuesAsText("client")).containsExactly("ООО «В " + tag + "»", "ООО «Б " + tag + "»");
        Api.Response second = f.finance.get("/api/v1/accounts?q=" + enc(tag) + "&sort=client,desc&page=1&size=2");
        assertThat(second.body().findValuesAsText("client")).containsExactly("ООО «А " + tag + "»");
        assertThat(second.headers().firstValue("X-Total-Count")).contains("3");
    }

    @Test
    void withoutPagingTheAccountsListIsWholeAsBefore() {
        Api.Response all = Api.as(port, "sales", "sales").get("/api/v1/accounts");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.headers().firstValue("X-Total-Count")).contains(Integer.toString(all.body().size()));
        assertThat(all.body().get(0).get("account").asText()).isEqualTo("ACC-1001");
    }

    @Test
    void anAccountIsFoundByAPhoneNumberTypedTheRussianWayByItsInnAndByItsClient() {
        Finance f = new Finance(port);
        String code = Finance.newAccount("LSTN");
        String inn = validInn();
        String tag = "Поиск-" + STAMP;
        assertThat(f.finance.post("/api/v1/accounts", Map.of("account", code, "client", "ООО «" + tag + "»",
                "inn", inn)).status()).isEqualTo(201);
        String number = Finance.newNumber();
        f.holdNumber(code, number, "2026-01-01", null);
        String typed = "8 (" + number.substring(1, 4) + ") " + number.substring(4, 7) + "-" + number.substring(7, 9)
                + "-" + number.substring(9);
        assertThat(codes(f.finance.get("/api/v1/accounts?page=0&size=50&q=" + enc(typed)))).containsExactly(code);
        assertThat(codes(f.finance.get("/api/v1/accounts?page=0&size=50&q=" + inn))).containsExactly(code);
        assertThat(codes(f.finance.get("/api/v1/accounts?page=0&size=50&q=" + enc(tag.toLowerCase())))).containsExactly(code);
        // a tariff manager does not read legal details, so the INN finds nothing for them
        assertThat(codes(Api.as(port, "manager", "manager").get("/api/v1/accounts?page=0&q=" + inn))).isEmpty();
    }

    @Test
    void anUnknownSortFieldOrAPageOverTheCapIsRefusedNamingTheField() {
        Api finance = Api.as(port, "finance", "finance");
        assertRefused(finance.get("/api/v1/accounts?sort=password&page=0"), "sort");
        assertRefused(finance.get("/api/v1/accounts?sort=client,sideways"), "sort");
        assertRefused(finance.get("/api/v1/accounts?page=0&size=1001"), "size");
        assertRefused(finance.get("/api/v1/documents?sort=sha256&page=0"), "sort");
        assertRefused(finance.get("/api/v1/documents?page=-1"), "page");
        assertRefused(finance.get("/api/v1/accounts.csv?sort=nope"), "sort");
        Api.Response english = finance.inEnglish().get("/api/v1/accounts?sort=password");
        assertThat(english.raw()).contains("password");
    }

    @Test
    void documentsArePagedBeyondAnyLimitWithTheirTotal() {
        PortalFixture.ensure(port);
        Api finance = Api.as(port, "finance", "finance");
        JsonNode legacy = finance.get("/api/v1/documents?month=" + PortalFixture.MARCH + "&limit=5000").body();
        int all = legacy.size();
        assertThat(all).isGreaterThanOrEqualTo(4);
        List<String> paged = new ArrayList<>();
        for (int page = 0; page * 3 < all; page++) {
            Api.Response r = finance.get("/api/v1/documents?month=" + PortalFixture.MARCH + "&sort=number&size=3&page=" + page);
            assertThat(r.headers().firstValue("X-Total-Count")).contains(Integer.toString(all));
            paged.addAll(r.body().findValuesAsText("id"));
        }
        assertThat(paged).hasSize(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(legacy.findValuesAsText("id"));
        Api.Response one = finance.get("/api/v1/documents?month=" + PortalFixture.MARCH + "&size=1&q=" + enc("Ромашка"));
        assertThat(one.body()).hasSize(1);
        assertThat(one.body().get(0).get("account").asText()).isEqualTo("ACC-1001");
        // the legacy limit still caps a list without paging
        assertThat(finance.get("/api/v1/documents?month=" + PortalFixture.MARCH + "&limit=1").body()).hasSize(1);
    }

    @Test
    void documentsExportAsRussianCsvAndAsAWorkbook() throws Exception {
        PortalFixture.ensure(port);
        int all = Api.as(port, "finance", "finance").get("/api/v1/documents?month=" + PortalFixture.MARCH + "&limit=5000")
                .body().size();
        HttpResponse<byte[]> csv = download("/api/v1/documents.csv?month=" + PortalFixture.MARCH, "finance");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFМесяц;Документ;Номер;Дата;");
        String[] lines = text.split("\r\n");
        assertThat(lines).hasSize(all + 1);
        assertThat(text).contains("март 2026;Счёт на оплату;").contains("ООО «Ромашка»").containsPattern(";[0-9]+,[0-9]{2};")
                .containsPattern(";[0-3][0-9]\\.[01][0-9]\\.2026;").doesNotContain("INVOICE;").doesNotContain("PORTAL");

        Map<String, String> parts = workbook(download("/api/v1/documents.xlsx?month=" + PortalFixture.MARCH, "finance"));
        assertThat(parts.get("xl/workbook.xml")).contains("Документы");
        assertThat(parts.get("xl/worksheets/sheet1.xml").split("<row ").length - 1).isEqualTo(all + 1);
    }

    @Test
    void accountsCdrsAndRejectsExportWithRussianTitlesAndLabels() throws Exception {
        PortalFixture.ensure(port);
        String accounts = new String(download("/api/v1/accounts.csv?q=ACC-100&sort=account", "sales").body(),
                StandardCharsets.UTF_8);
        assertThat(accounts).startsWith("\uFEFFЛицевой счёт;Клиент;ИНН;КПП;Тариф;");
        assertThat(accounts.split("\r\n")[1]).startsWith("ACC-1001;ООО «Ромашка»;").contains("78005553535");
        // a tariff manager gets the accounts without their legal details
        String forManager = new String(download("/api/v1/accounts.csv?q=ACC-1001", "manager").body(), StandardCharsets.UTF_8);
        assertThat(forManager.split("\r\n")[1]).startsWith("ACC-1001;ООО «Ромашка»;;;CC-STANDARD-2026;");

        String cdrs = new String(download("/api/v1/cdrs.csv?account=ACC-1001&status=RATED", "finance").body(),
                StandardCharsets.UTF_8);
        long rated = Api.as(port, "finance", "finance").get("/api/v1/cdrs?account=ACC-1001&status=RATED&size=1")
                .body().get("total").asLong();
        assertThat(cdrs.split("\r\n")).hasSize((int) Math.min(rated, Table.MAX_ROWS) + 1);
        assertThat(cdrs).startsWith("\uFEFFНачало звонка;Тип звонка;").contains(";Тарифицирован;")
                .doesNotContain(";RATED;").doesNotContain("INBOUND_800");
        Map<String, String> cdrBook = workbook(download("/api/v1/cdrs.xlsx?account=ACC-1001&status=RATED", "finance"));
        assertThat(cdrBook.get("xl/worksheets/sheet1.xml")).contains(">Входящий на 8-800<");

        Finance f = new Finance(port);
        String source = "lists-" + STAMP;
        Api.Response rejected = f.equipment.post("/api/v1/cdrs", Map.of("records", List.of(Map.of("source", source,
                "cdrId", "r1", "callType", "INBOUND_800", "startTime", "2026-03-10T10:00:00+03:00",
                "caller", "79161112233", "called", "78009999999", "stages", List.of(Map.of("type", "IVR", "durationSec", 40))))));
        assertThat(rejected.body().at("/results/0/outcome").asText()).as(rejected.raw()).isEqualTo("REJECTED");
        String rejects = new String(download("/api/v1/rejects.csv?source=" + source, "finance").body(), StandardCharsets.UTF_8);
        assertThat(rejects.split("\r\n")).hasSize(2);
        assertThat(rejects.split("\r\n")[1]).startsWith("10.03.2026 10:00:00;Неизвестный лицевой счёт;")
                .contains("Входящий на 8-800").doesNotContain("UNKNOWN_ACCOUNT");
        assertThat(workbook(download("/api/v1/rejects.xlsx?source=" + source, "finance")).get("xl/workbook.xml"))
                .contains("Отсев");
    }

    @Test
    void exportsFollowTheRoleMatrixOfTheirLists() throws Exception {
        assertThat(download("/api/v1/documents.csv", "sales").statusCode()).isEqualTo(403);
        assertThat(download("/api/v1/rejects.csv", "sales").statusCode()).isEqualTo(403);
        assertThat(download("/api/v1/accounts.xlsx?q=ACC-1001", "netops").statusCode()).isEqualTo(200);
    }

    // ---------------------------------------------------------------- helpers

    private static void assertRefused(Api.Response r, String field) {
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.body().get("errors").findValuesAsText("field")).as(r.raw()).contains(field);
    }

    private static List<String> codes(Api.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body().findValuesAsText("account");
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private HttpResponse<byte[]> download(String path, String user) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, String> workbook(HttpResponse<byte[]> xlsx) throws Exception {
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml.sheet");
        Map<String, String> parts = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx.body()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                parts.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(parts.get("xl/worksheets/sheet1.xml").getBytes(StandardCharsets.UTF_8)));
        return parts;
    }

    /** a company INN (10 digits) with its check digit right */
    static String validInn() {
        int[] weights = {2, 4, 10, 3, 5, 9, 4, 6, 8};
        StringBuilder inn = new StringBuilder("77");
        while (inn.length() < 9) {
            inn.append(ThreadLocalRandom.current().nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += weights[i] * (inn.charAt(i) - '0');
        }
        return inn.append(sum % 11 % 10).toString();
    }
}
