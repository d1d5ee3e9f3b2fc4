package ru.ccbilling.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.ReflectionTestUtils;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;
import ru.ccbilling.period.Finance;

/**
 * The report builder through the HTTP API: figures from the facts rating keeps as CDRs are stored, the calls behind a
 * cell, refusals naming the field, saved and ready-made reports, exports, a salesperson's scope, and the
 * reconciliation with the ledger of a closed month, before and after a re-rating.
 */
@PlatformTest
class ReportsApiTest {

    private static final String MONTH = "2026-09";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReportLimits limits;

    @Autowired
    MonthlyReports monthly;

    @Autowired
    SavedReports savedReports;

    Finance f;
    String account;
    String number;
    String source;

    @BeforeEach
    void accountWithCalls() {
        f = new Finance(port);
        account = f.openAccount("REP");
        number = Finance.newNumber();
        f.holdNumber(account, number, "2026-01-01", null);
        source = "rep-" + account;
        call("c1", "2026-09-10T11:00:00+03:00", "79161234567", 35, 200, 60);
        call("c2", "2026-09-10T21:00:00+03:00", "74951234567", 20, 95, 0);
        call("c3", "2026-09-11T10:00:00+03:00", "79161234567", 40, 0, 0);
    }

    @Test
    void aReportCountsTheStoredCallsWithTotalsAndDrillsDownToThem() {
        JsonNode table = run(f.finance, query(List.of("day", "timeBand"), List.of("calls", "answeredCalls", "amountNet")));
        assertThat(table.get("columns").findValuesAsText("key"))
                .containsExactly("day", "timeBand", "calls", "answeredCalls", "amountNet");
        assertThat(table.get("columns").get(0).get("label").asText()).isEqualTo("День");
        assertThat(rows(table)).containsExactly(
                List.of("2026-09-10", "OFF_PEAK", "1"), List.of("2026-09-10", "PEAK", "1"), List.of("2026-09-11", "PEAK", "1"));
        assertThat(table.get("totals").get(0).asLong()).isEqualTo(3);
        BigDecimal stored = BigDecimal.ZERO;
        for (String id : List.of("c1", "c2", "c3")) {
            stored = stored.add(new BigDecimal(f.finance.get("/api/v1/cdrs/" + source + "/" + id).body().get("total").asText()));
        }
        assertThat(table.get("totals").get(2).decimalValue()).isEqualByComparingTo(stored);

        Api.Response drill = f.finance.post("/api/v1/reports/calls?size=10", Map.of("query",
                query(List.of("day", "timeBand"), List.of("calls")), "cell", Map.of("day", "2026-09-10", "timeBand", "PEAK")));
        assertThat(drill.status()).as(drill.raw()).isEqualTo(200);
        assertThat(drill.body().get("total").asLong()).isEqualTo(1);
        assertThat(drill.body().get("items").get(0).get("cdrId").asText()).isEqualTo("c1");

        // a line dimension: the calls with an operator stage
        JsonNode operators = run(f.finance, query(List.of("component"), List.of("calls", "billedMinutes")));
        assertThat(rows(operators)).contains(List.of("OPERATOR", "2"), List.of("IVR", "3"));
        Api.Response operatorCalls = f.finance.post("/api/v1/reports/calls", Map.of("query",
                query(List.of("component"), List.of("calls")), "cell", Map.of("component", "OPERATOR")));
        assertThat(operatorCalls.body().get("items").findValuesAsText("cdrId")).containsExactlyInAnyOrder("c1", "c2");
    }

    @Test
    void aFoldOfThePendingFactsChangesNoReport() {
        // by day (daily facts + pending), by month over the whole month (monthly facts + pending), and by line
        List<Map<String, Object>> queries = List.of(
                query(List.of("day", "timeBand"), List.of("calls", "answeredCalls", "amountNet")),
                query(List.of("timeBand"), List.of("calls", "billedMinutes", "amountNet")),
                query(List.of("component"), List.of("calls", "billedMinutes", "amountNet")));
        List<JsonNode> before = queries.stream().map(q -> run(f.finance, q)).toList();
        jdbc.queryForObject("select report_fold_pending()", Long.class);
        assertThat(jdbc.queryForObject("select count(*) from report_call_pending where account_code = ?", Long.class,
                account)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from report_line_pending where account_code = ?", Long.class,
                account)).isZero();
        for (int i = 0; i < queries.size(); i++) {
            JsonNode after = run(f.finance, queries.get(i));
            assertThat(after.get("rows")).as(queries.get(i).toString()).isEqualTo(before.get(i).get("rows"));
            assertThat(after.get("totals")).isEqualTo(before.get(i).get("totals"));
        }
        assertThat(before.get(1).get("totals").get(0).asLong()).isEqualTo(3);
    }

    @Test
    void theLabelsAreRussianFirstAndEnglishOnRequest() {
        JsonNode ru = f.finance.get("/api/v1/reports/catalogue").body();
        JsonNode en = f.finance.inEnglish().get("/api/v1/reports/catalogue").body();
        assertThat(ru.get("dimensions").findValuesAsText("label")).contains("Месяц", "Площадка", "Причина отсева");
        assertThat(en.get("dimensions").findValuesAsText("label")).contains("Month", "Site", "Reject reason");
        assertThat(ru.get("measures").findValuesAsText("key")).contains("calls", "answeredCalls", "billedMinutes",
                "amountNet", "vat", "amountGross", "averageDuration", "totalDuration", "asr", "acd", "rejects");
        assertThat(ru.get("maxDimensions").asInt()).isEqualTo(3);
        assertThat(ru.get("canShare").asBoolean()).isTrue();
        assertThat(f.as("sales").get("/api/v1/reports/catalogue").body().get("canShare").asBoolean()).isFalse();
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        assertRefused(query(List.of("day", "nope"), List.of("calls")), "dimensions[1]", "nope");
        assertRefused(query(List.of("day", "account", "service", "trunk"), List.of("calls")), "dimensions", "3");
        assertRefused(query(List.of("day"), List.of("calls", "profit")), "measures[1]", "profit");
        assertRefused(query(List.of("component"), List.of("asr")), "measures[0]", "asr");
        Map<String, Object> tooLong = new HashMap<>(query(List.of("day"), List.of("calls")));
        tooLong.put("from", "2020-01-01");
        tooLong.put("to", "2026-12-31");
        assertRefused(tooLong, "to", String.valueOf(limits.maxDays()));
        Map<String, Object> noRange = new HashMap<>(query(List.of("day"), List.of("calls")));
        noRange.remove("from");
        assertRefused(noRange, "from", "");
        Api.Response english = f.finance.inEnglish().post("/api/v1/reports/query", query(List.of("nope"), List.of("calls")));
        assertThat(english.body().get("errors").get(0).get("message").asText()).contains("no dimension nope");

        int cap = limits.exportMaxRows();
        ReflectionTestUtils.setField(limits, "exportMaxRows", 2);
        try {
            Api.Response export = f.finance.post("/api/v1/reports/export?format=csv", query(List.of("day", "timeBand"),
                    List.of("calls")));
            assertThat(export.status()).as(export.raw()).isEqualTo(400);
            assertThat(export.body().get("errors").get(0).get("field").asText()).isEqualTo("dimensions");
            assertThat(export.body().get("errors").get(0).get("message").asText()).contains("3").contains("2");
        } finally {
            ReflectionTestUtils.setField(limits, "exportMaxRows", cap);
        }
        assertThat(f.as("manager").post("/api/v1/reports/query", Map.of("dataset", "LEDGER", "measures", List.of("amountNet"),
                "period", "THIS_MONTH")).status()).isEqualTo(403);
    }

    @Test
    void exportsCarryTheFiltersTheGenerationTimeTheRowsAndTheTotal() {
        Api.Response csv = f.finance.post("/api/v1/reports/export?format=csv", query(List.of("day"), List.of("calls")));
        assertThat(csv.status()).as(csv.raw()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.raw()).contains("Фильтр;Лицевой счёт = " + account).contains("Сформирован;")
                .contains("День;Звонки").contains("2026-09-10;2").contains("2026-09-11;1").contains("Итого;3");
        Api.Response xlsx = f.finance.post("/api/v1/reports/export?format=xlsx", query(List.of("day"), List.of("calls")));
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.raw().getBytes(StandardCharsets.ISO_8859_1).length).isPositive();
        assertThat(xlsx.raw()).startsWith("PK");
    }

    @Test
    void aSalespersonSeesOnlyTheFiguresOfTheirAccounts() {
        String other = f.openAccount("REPX");
        Api.Response assigned = f.finance.put("/api/v1/accounts/" + account + "/sales-manager",
                Map.of("salesManager", "sales"));
        assertThat(assigned.status()).as(assigned.raw()).isEqualTo(200);
        JsonNode seen = run(f.as("sales"), Map.of("dimensions", List.of("account"), "measures", List.of("calls"),
                "from", MONTH + "-01", "to", MONTH + "-30"));
        List<String> accounts = seen.get("rows").findValues("dimensions").stream().map(d -> d.get(0).asText()).toList();
        assertThat(accounts).contains(account).doesNotContain(other);
        List<String> salesAccounts = jdbc.queryForList("select code from account where sales_manager = 'sales'", String.class);
        assertThat(salesAccounts).containsAll(accounts);
        Api.Response share = f.as("sales").post("/api/v1/reports/saved", Map.of("name", "мой", "shared", true,
                "query", query(List.of("day"), List.of("calls"))));
        assertThat(share.status()).isEqualTo(403);
        assertThat(share.body().get("errors").get(0).get("field").asText()).isEqualTo("shared");
        assertThat(f.as("sales").post("/api/v1/reports/saved", Map.of("name", "мой", "query",
                query(List.of("day"), List.of("calls")))).status()).isEqualTo(201);
    }

    @Test
    void readyMadeReportsAreSharedRunAndStayAsShipped() {
        List<JsonNode> saved = new ArrayList<>();
        f.as("manager").get("/api/v1/reports/saved").body().forEach(saved::add);
        List<JsonNode> shipped = saved.stream().filter(r -> r.get("shipped").asBoolean()).toList();
        assertThat(shipped.stream().map(r -> r.get("name").asText())).contains("Выручка по услугам и месяцам",
                "Крупнейшие клиенты", "Загрузка операторов по площадкам", "Качество транков (ASR/ACD)",
                "Отсев по причинам и источникам", "Ведомость начислений партнёрам");
        for (JsonNode report : shipped) {
            Api.Response r = f.finance.post("/api/v1/reports/query", report.get("query"));
            assertThat(r.status()).as(report.get("name").asText() + ": " + r.raw()).isEqualTo(200);
        }
        long id = shipped.get(0).get("id").asLong();
        assertThat(f.finance.put("/api/v1/reports/saved/" + id, Map.of("name", "x", "query",
                query(List.of("day"), List.of("calls")))).status()).isEqualTo(409);

        Api.Response mine = f.finance.post("/api/v1/reports/saved", Map.of("name", "Звонки " + account, "shared", true,
                "chart", "LINE", "query", query(List.of("day"), List.of("calls"))));
        assertThat(mine.status()).as(mine.raw()).isEqualTo(201);
        long mineId = mine.body().get("id").asLong();
        assertThat(f.as("manager").get("/api/v1/reports/saved/" + mineId).body().get("chart").asText()).isEqualTo("LINE");
        assertThat(f.as("manager").send(java.net.http.HttpRequest.newBuilder().DELETE()
                .uri(java.net.URI.create("http://localhost:" + port + "/api/v1/reports/saved/" + mineId))).status())
                .isEqualTo(403);
        Api.Response privateOne = f.finance.post("/api/v1/reports/saved", Map.of("name", "тайный", "query",
                query(List.of("day"), List.of("calls"))));
        assertThat(f.as("manager").get("/api/v1/reports/saved/" + privateOne.body().get("id").asLong()).status())
                .isEqualTo(404);
    }

    @Test
    void aMailedReportGoesOnceAMonthAsXlsxOfThatMonth() throws Exception {
        Api.Response saved = f.finance.post("/api/v1/reports/saved", Map.of("name", "Ежемесячно " + account,
                "mailTo", "boss@example.ru", "query", Map.of("dimensions", List.of("day"), "measures", List.of("calls"),
                        "filters", List.of(Map.of("dimension", "account", "values", List.of(account))),
                        "period", "LAST_MONTH")));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(201);
        SavedReports.SavedReport report = savedReports.find(saved.body().get("id").asLong(), "finance").orElseThrow();
        List<String> letters = new ArrayList<>();
        ReportLetters mail = (to, subject, text, name, file) -> {
            try {
                letters.add(to + " | " + subject + " | " + name + " | " + sheet(file));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return true;
        };
        assertThat(monthly.send(report, YearMonth.parse(MONTH), mail)).isTrue();
        assertThat(monthly.send(report, YearMonth.parse(MONTH), mail)).isFalse();   // once a month
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0)).startsWith("boss@example.ru | Отчёт «Ежемесячно " + account + "» за 2026-09 | report-2026-09.xlsx")
                .contains("2026-09-10").contains("2026-09-11").contains("Итого").contains(account);
        assertThat(f.as("sales").post("/api/v1/reports/saved", Map.of("name", "x", "mailTo", "a@b.ru", "query",
                query(List.of("day"), List.of("calls")))).status()).isEqualTo(403);
    }

    /** the text of the workbook's one sheet */
    private static String sheet(byte[] xlsx) throws java.io.IOException {
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(xlsx))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no sheet in the workbook");
    }

    @Test
    void aClosedMonthReconcilesWithTheLedgerToTheKopeckAlsoAfterARerating() {
        f.close(MONTH, account);
        assertThat(byServiceAndComponent()).isEqualTo(ledgerUsage(false));

        int corrected = correctedTariffVersion(jdbc);
        Api.Response rerate = f.finance.post("/api/v1/periods/" + MONTH + "/rerate",
                Map.of("account", account, "tariff", "CC-STANDARD-2026", "tariffVersion", corrected, "apply", true));
        assertThat(rerate.status()).as(rerate.raw()).isEqualTo(200);
        assertThat(rerate.body().get("corrections").asInt()).isPositive();
        Map<String, BigDecimal> after = byServiceAndComponent();
        assertThat(after).isNotEqualTo(ledgerUsage(false)).isEqualTo(ledgerUsage(true));
    }

    /** the report: amounts net by account, service and component of the month (non-zero ones) */
    private Map<String, BigDecimal> byServiceAndComponent() {
        JsonNode table = run(f.finance, Map.of("dimensions", List.of("account", "service", "component"),
                "measures", List.of("amountNet"), "filters", List.of(Map.of("dimension", "account", "values", List.of(account))),
                "from", MONTH + "-01", "to", MONTH + "-30"));
        Map<String, BigDecimal> out = new TreeMap<>();
        for (JsonNode row : table.get("rows")) {
            BigDecimal amount = row.get("measures").get(0).decimalValue();
            if (amount.signum() != 0) {
                out.put(row.get("dimensions").get(1).asText() + "/" + row.get("dimensions").get(2).asText(),
                        amount.stripTrailingZeros());
            }
        }
        return out;
    }

    /** the ledger: the month's usage entries by service and component, with the corrections booked later if asked */
    private Map<String, BigDecimal> ledgerUsage(boolean withCorrections) {
        List<JsonNode> entries = new ArrayList<>(f.entries(account, MONTH, "USAGE"));
        if (withCorrections) {
            String current = YearMonth.now(ru.ccbilling.clock.ClockConfiguration.BUSINESS_ZONE).toString();
            f.entries(account, current, "CORRECTION").stream()
                    .filter(e -> MONTH.equals(e.path("refersTo").asText()) && "USAGE".equals(e.path("corrects").asText()))
                    .forEach(entries::add);
        }
        Map<String, BigDecimal> out = new TreeMap<>();
        for (JsonNode e : entries) {
            out.merge(e.get("service").asText() + "/" + e.get("component").asText(), new BigDecimal(e.get("amount").asText()),
                    BigDecimal::add);
        }
        out.replaceAll((k, v) -> v.stripTrailingZeros());
        out.values().removeIf(v -> v.signum() == 0);
        return out;
    }

    /** a draft version of the standard tariff whose MOBILE PEAK network minute is 2.50, not 2.90 (as RerateApiTest) */
    static int correctedTariffVersion(JdbcTemplate jdbc) {
        int corrected = jdbc.queryForObject(
                "select max(version) + 1 from tariff_version where tariff_code = 'CC-STANDARD-2026'", Integer.class);
        jdbc.update("insert into tariff_version (tariff_code, version, state, based_on, created_by)"
                + " values ('CC-STANDARD-2026', ?, 'DRAFT', 1, 'test')", corrected);
        jdbc.update("""
                insert into tariff_model (tariff_code, version, name, kind, content)
                select tariff_code, ?, name, kind, content from tariff_model where tariff_code = 'CC-STANDARD-2026' and version = 1
                """, corrected);
        assertThat(jdbc.update("""
                update tariff_model set content = replace(content, '<outputEntry id="NetworkMinute_r5_o"><text>2.90</text>',
                                                                   '<outputEntry id="NetworkMinute_r5_o"><text>2.50</text>')
                 where tariff_code = 'CC-STANDARD-2026' and version = ? and name = 'network-minute.dmn'
                """, corrected)).isEqualTo(1);
        return corrected;
    }

    private Map<String, Object> query(List<String> dimensions, List<String> measures) {
        return Map.of("dimensions", dimensions, "measures", measures,
                "filters", List.of(Map.of("dimension", "account", "values", List.of(account))),
                "from", MONTH + "-01", "to", MONTH + "-30");
    }

    private static JsonNode run(Api api, Map<String, Object> query) {
        Api.Response r = api.post("/api/v1/reports/query", query);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    /** each row as its dimensions and its first measure */
    private static List<List<String>> rows(JsonNode table) {
        List<List<String>> out = new ArrayList<>();
        for (JsonNode row : table.get("rows")) {
            List<String> cells = new ArrayList<>();
            row.get("dimensions").forEach(d -> cells.add(d.asText()));
            cells.add(row.get("measures").get(0).asText());
            out.add(cells);
        }
        return out;
    }

    private void assertRefused(Map<String, Object> query, String field, String inMessage) {
        Api.Response r = f.finance.post("/api/v1/reports/query", query);
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.body().get("errors").get(0).get("field").asText()).as(r.raw()).isEqualTo(field);
        assertThat(r.body().get("errors").get(0).get("message").asText()).contains(inMessage);
    }

    private void call(String id, String start, String caller, int ivr, int operator, int post) {
        StringBuilder stages = new StringBuilder("{\"type\":\"IVR\",\"durationSec\":" + ivr + "}");
        if (operator > 0) {
            stages.append(",{\"type\":\"OPERATOR\",\"durationSec\":").append(operator).append(",\"operatorId\":\"OP-102\"}");
        }
        if (post > 0) {
            stages.append(",{\"type\":\"POST\",\"durationSec\":").append(post).append("}");
        }
        Api.Response r = f.equipment.post("/api/v1/cdrs", """
                {"records":[{"source":"%s","cdrId":"%s","callType":"INBOUND_800","startTime":"%s","caller":"%s",
                 "called":"%s","stages":[%s]}]}
                """.formatted(source, id, start, caller, number, stages));
        assertThat(r.body().get("results").get(0).get("outcome").asText()).as(r.raw()).isEqualTo("RATED");
    }
}
