package ru.ccbilling.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;
import ru.ccbilling.period.Finance;

/**
 * Bad input gets a 4xx naming the field and nothing is stored: text PostgreSQL cannot store as sent, numbers and
 * dates out of range, money with three decimals or too large, bodies with trailing garbage, unknown references.
 */
@PlatformTest
class InputBoundsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api admin() {
        return Api.as(port, "admin", "admin");
    }

    Api equipment() {
        return Api.as(port, "admin", "admin");
    }

    /** a CDR as JSON text; {@code cdrId} and {@code source} are put in as given, so they may hold JSON escapes */
    static String cdr(String source, String cdrId, String startTime, String duration) {
        return """
            {"source":"%s","cdrId":"%s","callType":"INBOUND_800","startTime":"%s",
             "caller":"79161234567","called":"78005553535","stages":[{"type":"IVR","durationSec":%s}]}
            """.formatted(source, cdrId, startTime, duration);
    }

    static String cdr(String source, String cdrId) {
        return cdr(source, cdrId, "2026-03-10T10:15:00+03:00", "35");
    }

    JsonNode submit(String... records) {
        Api.Response r = equipment().post("/api/v1/cdrs", "{\"records\":[" + String.join(",", records) + "]}");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body().get("results");
    }

    long cdrs(String source) {
        return jdbc.queryForObject("select count(*) from cdr_key where source like ?", Long.class, source + "%");
    }

    static List<String> fields(JsonNode problemOrOutcome) {
        return problemOrOutcome.get("errors").findValuesAsText("field");
    }

    static void assertRefused(Api.Response r, int status, String field) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(fields(r.body())).as(r.raw()).contains(field);
    }

    @Test
    void aCdrIdWithALoneSurrogateIsRefusedAndDoesNotBlockTheRealRecordLater() {
        String source = "surrogate-" + System.nanoTime();
        JsonNode refused = submit(cdr(source, "c1\\ud800")).get(0);
        assertThat(refused.get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(fields(refused)).containsExactly("cdrId");
        assertThat(cdrs(source)).isZero();
        assertThat(submit(cdr(source, "c1?")).get(0).get("outcome").asText()).isEqualTo("RATED");
        assertThat(submit(cdr(source, "c1")).get(0).get("outcome").asText()).isEqualTo("RATED");
    }

    @Test
    void everyIdentifierOfARecordIsRefusedWithNulControlCharactersOrLoneSurrogates() {
        String source = "ids-" + System.nanoTime();
        String operator = cdr(source, "op").replace("{\"type\":\"IVR\",\"durationSec\":35}",
                "{\"type\":\"OPERATOR\",\"durationSec\":35,\"operatorId\":\"OP-1\\u0007\"}");
        String vendorField = cdr(source, "extra").replace("\"callType\"", "\"vendor\":\"x\\udc00\",\"callType\"");
        JsonNode results = submit(cdr(source + "\\u0000", "nul"), cdr(source, "tab\\tid"), operator, vendorField,
                cdr(source, "x".repeat(129)));
        assertThat(fields(results.get(0))).containsExactly("source");
        assertThat(fields(results.get(1))).containsExactly("cdrId");
        assertThat(fields(results.get(2))).containsExactly("stages[0].operatorId");
        assertThat(fields(results.get(3))).containsExactly("vendor");
        assertThat(fields(results.get(4))).containsExactly("cdrId");
        results.forEach(r -> assertThat(r.get("outcome").asText()).isEqualTo("REFUSED"));
        assertThat(cdrs(source)).isZero();
    }

    @Test
    void aSourceWithASlashIsRefusedBecauseItCouldNotBeReadBack() {
        String source = "slash-" + System.nanoTime();
        JsonNode refused = submit(cdr(source + "/a", "c1")).get(0);
        assertThat(refused.get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(fields(refused)).containsExactly("source");
        assertThat(cdrs(source)).isZero();
        // what is stored reads back by its path
        assertThat(fields(submit(cdr(source + ";a", "c1")).get(0))).containsExactly("source");
        assertThat(fields(submit(cdr(source, "100%")).get(0))).containsExactly("cdrId");
        assertThat(fields(submit(cdr(source, "..")).get(0))).containsExactly("cdrId");
        assertThat(submit(cdr(source + ".a:b", "c 1?#")).get(0).get("outcome").asText()).isEqualTo("RATED");
        Api.Response back = Api.as(port, "manager", "manager").get("/api/v1/cdrs/" + source + ".a:b/c%201%3F%23");
        assertThat(back.status()).as(back.raw()).isEqualTo(200);
        assertThat(back.body().get("cdrId").asText()).isEqualTo("c 1?#");
    }

    @Test
    void durationsOutOfRangeOrNotWholeAreRefusedNamingTheStage() {
        String source = "dur-" + System.nanoTime();
        JsonNode results = submit(cdr(source, "a", "2026-03-10T10:15:00+03:00", "1e400"),
                cdr(source, "b", "2026-03-10T10:15:00+03:00", "-1e400"),
                cdr(source, "c", "2026-03-10T10:15:00+03:00", "12.5"),
                cdr(source, "d", "2026-03-10T10:15:00+03:00", "99999999999999999999999"),
                cdr(source, "e", "2026-03-10T10:15:00+03:00", "-1"));
        results.forEach(r -> {
            assertThat(r.get("outcome").asText()).isEqualTo("REFUSED");
            assertThat(fields(r)).containsExactly("stages[0].durationSec");
        });
        assertThat(cdrs(source)).isZero();
    }

    @Test
    void callTimesOutsideTheYears2000To2100AreRefused() {
        String source = "time-" + System.nanoTime();
        JsonNode results = submit(cdr(source, "a", "0001-01-01T00:00:00Z", "1"),
                cdr(source, "b", "9999-12-31T00:00:00Z", "1"), cdr(source, "c", "1999-12-31T00:00:00Z", "1"));
        results.forEach(r -> assertThat(fields(r)).containsExactly("startTime"));
        assertThat(cdrs(source)).isZero();
    }

    @Test
    void aNullInTheListOfRecordsIsRefusedAlone() {
        String source = "null-" + System.nanoTime();
        JsonNode results = submit("null", cdr(source, "ok"));
        assertThat(results.get(0).get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(results.get(1).get("outcome").asText()).isEqualTo("RATED");
    }

    @Test
    void aNullInsideAListOfABodyIsRefusedNamingTheElement() {
        String account = Finance.newAccount("NULLS");
        long accounts = count("account");
        assertRefused(admin().post("/api/v1/accounts", """
                {"account":"%s","client":"x","contacts":[{"name":"a"},null]}""".formatted(account)), 400, "contacts[1]");
        assertRefused(admin().post("/api/v1/accounts", """
                {"account":"%s","client":"x","tariffs":[null]}""".formatted(account)), 400, "tariffs[0]");
        assertThat(count("account")).isEqualTo(accounts);
        assertRefused(admin().post("/api/v1/periods/2024-09/close", "{\"accounts\":[null]}"), 400, "accounts[0]");
        assertRefused(admin().post("/api/v1/rejects/reprocess", "{\"ids\":[null]}"), 400, "ids[0]");
        assertRefused(admin().post("/api/v1/documents/one-time-invoices", "{\"account\":\"ACC-1001\",\"items\":[null]}"),
                400, "items[0]");
    }

    @Test
    void aNulOrAnEncodedSlashInTheUrlIsA400ProblemNotAnError() {
        Api manager = Api.as(port, "manager", "manager");
        for (String url : List.of("/api/v1/cdrs?source=a%00b", "/api/v1/cdrs/a%00b/c1", "/api/v1/cdrs/a;b/c1",
                "/api/v1/rejects?account=a%00b", "/api/v1/cdrs/a%25b/c1")) {
            Api.Response r = manager.get(url);
            assertThat(r.status()).as(url + " " + r.raw()).isBetween(400, 404);
        }
        assertRefused(manager.get("/api/v1/cdrs/a;b/c1"), 400, "path");
        assertRefused(manager.get("/api/v1/cdrs?source=a%00b"), 400, "source");
    }

    @Test
    void trailingGarbageAfterTheBodyIsRefused() {
        String source = "trail-" + System.nanoTime();
        Api.Response r = equipment().post("/api/v1/cdrs", "{\"records\":[" + cdr(source, "a") + "]} xyz");
        assertRefused(r, 400, "body");
        assertThat(cdrs(source)).isZero();
        assertRefused(admin().post("/api/v1/accounts", "{\"account\":\"T-1\",\"client\":\"x\"} {}"), 400, "body");
    }

    @Test
    void serviceEventsWithBadIdentifiersAreRefusedNamingTheField() {
        String source = "se-" + System.nanoTime();
        Api.Response r = equipment().post("/api/v1/service-events", """
                {"events":[{"source":"%s","eventId":"e\\u0000","service":"SMS","account":"ACC-1001","time":"2026-03-10T10:00:00+03:00"},
                           {"source":"%s","eventId":"e2","service":"SMS","account":"ACC\\ud8001001","time":"2026-03-10T10:00:00+03:00"},
                           {"source":"%s","eventId":"e3","service":"SMS","account":"ACC-1001","time":"0001-01-01T00:00:00Z"}]}
                """.formatted(source, source, source));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode results = r.body().get("results");
        assertThat(fields(results.get(0))).containsExactly("eventId");
        assertThat(fields(results.get(1))).containsExactly("account");
        assertThat(fields(results.get(2))).containsExactly("time");
        assertThat(jdbc.queryForObject("select count(*) from service_event where source = ?", Long.class, source)).isZero();
    }

    @Test
    void theNulCharacterInAnyTextOfABodyIsA400NamingItsPath() {
        String account = Finance.newAccount("NUL");
        long accounts = count("account");
        assertRefused(admin().post("/api/v1/accounts", """
                {"account":"%s","client":"ООО \\u0000 Ромашка"}""".formatted(account)), 400, "client");
        assertRefused(admin().post("/api/v1/accounts", """
                {"account":"%s","client":"ООО","legalAddress":{"postalCode":"115114","address":"Москва\\u0000"}}"""
                .formatted(account)), 400, "legalAddress.address");
        assertRefused(admin().post("/api/v1/accounts", """
                {"account":"%s","client":"ООО","contacts":[{"name":"Иван\\ud800"}]}""".formatted(account)),
                400, "contacts[0].name");
        assertThat(count("account")).isEqualTo(accounts);

        long entries = count("ledger_entry");
        assertRefused(admin().post("/api/v1/accounts/ACC-1001/charges", """
                {"kind":"ONE_TIME_CHARGE","amount":"10.00","reason":"setup\\u0000"}"""), 400, "reason");
        assertRefused(admin().post("/api/v1/accounts/ACC-1001/payments", """
                {"amount":"10.00","reference":"PO\\u0000-1"}"""), 400, "reference");
        assertThat(count("ledger_entry")).isEqualTo(entries);

        assertRefused(admin().put("/api/v1/reference/operators", """
                {"operatorId":"OP-NUL","site":"MSK","name":"Оператор\\u0000"}"""), 400, "name");
        assertRefused(admin().put("/api/v1/reference/trunks", """
                {"trunk":"TRUNK-NUL","description":"\\u0000"}"""), 400, "description");
        assertRefused(admin().put("/api/v1/reference/holidays", """
                {"date":"2026-07-16","name":"\\u0000"}"""), 400, "name");
        assertThat(jdbc.queryForObject("select count(*) from operator where operator_id = 'OP-NUL'", Long.class)).isZero();
        assertRefused(admin().put("/api/v1/cdr-mappings/nul-test", """
                {"format":"ASTERISK_CSV","description":"d","definition":{"callType":{"default":"INBOUND\\u0000"},"stages":{"otherwise":{"type":"IVR"}}}}"""),
                400, "definition.callType.default");
        assertRefused(admin().post("/api/v1/tariffs", """
                {"code":"CC-NUL-2027","name":"Тариф\\u0000","copyOf":"CC-STANDARD-2026","copyOfVersion":1}"""), 400, "name");
        assertRefused(admin().put("/api/v1/numbering-templates", """
                {"seller":"CCB","documentType":"INVOICE","template":"{SEQ}\\u0000","reset":"YEARLY"}"""), 400, "template");
    }

    @Test
    void moneyHasTwoDecimalsAndAMaximum() {
        long entries = count("ledger_entry");
        assertRefused(admin().post("/api/v1/accounts/ACC-1001/charges", """
                {"kind":"ONE_TIME_CHARGE","amount":"12.345","reason":"x"}"""), 400, "amount");
        assertRefused(admin().post("/api/v1/accounts/ACC-1001/charges", """
                {"kind":"ONE_TIME_CHARGE","amount":"10000000000.00","reason":"x"}"""), 400, "amount");
        assertRefused(admin().post("/api/v1/accounts/ACC-1001/payments", """
                {"amount":"9999999999999999.99"}"""), 400, "amount");
        assertRefused(admin().post("/api/v1/accounts/ACC-1001/payments", """
                {"amount":1e400}"""), 400, "amount");
        assertThat(count("ledger_entry")).isEqualTo(entries);
    }

    @Test
    void datesAClientSuppliesLieInTheYears2000To2100() {
        long entries = count("ledger_entry");
        assertRefused(admin().post("/api/v1/accounts/ACC-1001/charges", """
                {"kind":"ONE_TIME_CHARGE","amount":"1.00","reason":"x","date":"0001-01-01"}"""), 400, "date");
        assertRefused(admin().post("/api/v1/accounts/ACC-1001/payments", """
                {"amount":"1.00","date":"9999-12-31"}"""), 400, "date");
        assertThat(count("ledger_entry")).isEqualTo(entries);
        assertRefused(admin().put("/api/v1/reference/holidays", """
                {"date":"9999-12-31","name":"x"}"""), 400, "date");
        String account = Finance.newAccount("DATE");
        assertRefused(admin().post("/api/v1/accounts", """
                {"account":"%s","client":"x","tariffs":[{"tariff":"CC-STANDARD-2026","validFrom":"0001-01-01"}]}"""
                .formatted(account)), 400, "tariffs[0].validFrom");
        assertRefused(admin().post("/api/v1/accounts/ACC-1001/numbers", """
                {"number":"78009990001","validFrom":"2026-01-01","validTo":"9999-12-31"}"""), 400, "validTo");
        assertRefused(admin().post("/api/v1/periods/0001-01/close", "{}"), 400, "month");
        assertRefused(admin().post("/api/v1/periods/9999-12/close", "{}"), 400, "month");
        assertRefused(admin().post("/api/v1/tariffs/CC-STANDARD-2026/versions/1/publish", """
                {"effectiveFrom":"9999-12-31T00:00:00+03:00"}"""), 400, "effectiveFrom");
    }

    @Test
    void fractionsAndHugeNumbersWhereIntegersBelongAreRefused() {
        assertRefused(admin().post("/api/v1/tariffs", """
                {"code":"CC-FRAC-2027","name":"x","copyOf":"CC-STANDARD-2026","copyOfVersion":1.5}"""), 400, "copyOfVersion");
        assertRefused(admin().post("/api/v1/tariffs", """
                {"code":"CC-FRAC-2027","name":"x","copyOf":"CC-STANDARD-2026","copyOfVersion":1e400}"""), 400, "copyOfVersion");
        assertRefused(admin().post("/api/v1/tariffs", """
                {"code":"CC-FRAC-2027","name":"x","copyOf":"CC-STANDARD-2026","copyOfVersion":99999999999999999999}"""),
                400, "copyOfVersion");
        assertThat(jdbc.queryForObject("select count(*) from tariff where code = 'CC-FRAC-2027'", Long.class)).isZero();
    }

    @Test
    void aNumberingTemplateIsShortAndOfADocumentedCharacterSet() {
        String before = jdbc.queryForList("select template from numbering_template", String.class).toString();
        assertRefused(admin().put("/api/v1/numbering-templates", """
                {"seller":"CCB","documentType":"INVOICE","template":"../../{SEQ}","reset":"YEARLY"}"""), 400, "template");
        assertRefused(admin().put("/api/v1/numbering-templates", """
                {"seller":"CCB","documentType":"INVOICE","template":"<b>{SEQ}</b>","reset":"YEARLY"}"""), 400, "template");
        Api.Response huge = admin().put("/api/v1/numbering-templates", Map.of("seller", "CCB", "documentType", "INVOICE",
                "template", "A".repeat(1_000_000) + "{SEQ}", "reset", "YEARLY"));
        assertThat(huge.status()).as(huge.raw()).isIn(400, 413);
        assertThat(jdbc.queryForList("select template from numbering_template", String.class).toString()).isEqualTo(before);
    }

    @Test
    void anAccountsTariffAndDedicatedOperatorMustExist() {
        String account = Finance.newAccount("REF");
        assertRefused(admin().post("/api/v1/accounts", Map.of("account", account, "client", "x",
                "tariffs", List.of(Map.of("tariff", "NO-SUCH-TARIFF", "validFrom", "2026-01-01")))), 422, "tariffs[0].tariff");
        assertThat(admin().get("/api/v1/accounts/" + account).status()).isEqualTo(404);
        String client = admin().get("/api/v1/accounts/ACC-1002").body().get("client").asText();
        assertRefused(admin().put("/api/v1/accounts/ACC-1002", Map.of("account", "ACC-1002", "client", "Другое имя",
                "tariffs", List.of(Map.of("tariff", "NO-SUCH-TARIFF", "validFrom", "2026-01-01")))), 422, "tariffs[0].tariff");
        assertThat(admin().get("/api/v1/accounts/ACC-1002").body().get("client").asText()).isEqualTo(client);
        long dedicated = count("dedicated_operator");
        assertRefused(admin().post("/api/v1/accounts/ACC-1002/dedicated-operators",
                Map.of("operatorId", "OP-NOBODY", "validFrom", "2026-01-01")), 422, "operatorId");
        assertThat(count("dedicated_operator")).isEqualTo(dedicated);
    }

    @Test
    void aBodyOverItsLimitIs413BeforeItIsRead() {
        long accounts = count("account");
        String big = "{\"account\":\"BIG-1\",\"client\":\"" + "x".repeat(1024 * 1024) + "\"}";
        assertRefused(admin().post("/api/v1/accounts", big), 413, "body");
        assertThat(count("account")).isEqualTo(accounts);
    }

    @Test
    void aChunkedBodyWithoutALengthIsCutAtTheLimit() {
        String source = "chunked-" + System.nanoTime();
        StringBuilder records = new StringBuilder("{\"records\":[");
        // fewer records than a batch takes (10,000), each with a long vendor field, so that the bytes pass the limit
        String vendor = "\"vendor\":\"" + "v".repeat(2_000) + "\",\"callType\"";
        for (int i = 0; i < 9_000; i++) {
            records.append(i == 0 ? "" : ",").append(cdr(source, "c" + i).replace("\"callType\"", vendor));
        }
        byte[] body = records.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        // an InputStream publisher has no length: the client sends it chunked
        Api.Response r = equipment().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cdrs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
        assertRefused(r, 413, "body");
        assertThat(cdrs(source)).isZero();
    }

    @Test
    void aCdrBatchJustOverItsLimitIs413AndStoresNothing() {
        String source = "over-" + System.nanoTime();
        StringBuilder records = new StringBuilder("{\"records\":[");
        String one = cdr(source, "c");
        int n = 16 * 1024 * 1024 / one.length() + 10;
        for (int i = 0; i < n; i++) {
            records.append(i == 0 ? "" : ",").append(cdr(source, "c" + i));
        }
        Api.Response r = equipment().post("/api/v1/cdrs", records.append("]}").toString());
        assertRefused(r, 413, "body");
        assertThat(cdrs(source)).isZero();
    }

    @Test
    void tenThousandRecordsFitTheLimitOfABatch() {
        String source = "fits-" + System.nanoTime();
        StringBuilder records = new StringBuilder("{\"records\":[");
        for (int i = 0; i < 10_000; i++) {
            // a long vendor field: a record of about 1 KB
            records.append(i == 0 ? "" : ",").append(cdr(source, "c" + i)
                    .replace("\"callType\"", "\"vendor\":\"" + "v".repeat(700) + "\",\"callType\""));
        }
        Api.Response r = equipment().post("/api/v1/cdrs", records.append("]}").toString());
        assertThat(r.status()).as(r.raw().substring(0, Math.min(500, r.raw().length()))).isEqualTo(200);
    }

    @Test
    void moreRecordsThanABatchTakesAreRefusedWhileReadingNotAfter() {
        // a body of empty objects would be millions of trees in memory before the batch were counted
        String source = "many-" + System.nanoTime();
        String records = ("{}," ).repeat(50_000) + cdr(source, "c");
        Api.Response r = equipment().post("/api/v1/cdrs", "{\"records\":[" + records + "]}");
        assertRefused(r, 400, "records");
        assertThat(r.body().get("errors").get(0).get("message").asText()).contains("10000");
        assertThat(cdrs(source)).isZero();
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
