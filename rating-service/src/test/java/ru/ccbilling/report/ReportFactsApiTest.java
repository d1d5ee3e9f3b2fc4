package ru.ccbilling.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
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
 * The report facts that rating groups in Java as it stores, re-rates and reprocesses CDRs (cdr.ReportFactsAtIntake)
 * equal, fact by fact, a fresh group by over the stored CDRs with the dimensions rating's SQL derives
 * (report_dims_sql, through the drill-down view report_cdr): a mix of inbound calls from mobile, Moscow and other
 * callers at peak and off-peak times, unanswered ones, two operator stages of one operator, outbound and forwarded
 * calls over a trunk, rejects for an unknown operator and an unknown trunk; then after reprocessing the rejects, after a
 * re-rating of the closed month under another tariff version, and after a fold of the pending facts.
 */
@PlatformTest
class ReportFactsApiTest {

    private static final String MONTH = "2026-09";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theFactsEqualAFreshGroupByOverTheStoredCallsThroughIntakeReratingAndReprocessing() {
        Finance f = new Finance(port);
        String account = f.openAccount("RFX");
        String number = Finance.newNumber();
        f.holdNumber(account, number, "2026-01-01", null);
        String source = "rfx-" + account;
        String unknownOperator = "OP-RFX-" + System.nanoTime();
        List<String> records = storeMix(f, number, account, source, unknownOperator);
        assertFactsEqualTheCalls(source);

        // the unknown operator becomes known: its rejects are reprocessed and rated
        Api manager = Api.as(port, "manager", "manager");
        assertThat(manager.put("/api/v1/reference/operators",
                "{\"operatorId\":\"" + unknownOperator + "\",\"site\":\"MSK\"}").status()).isEqualTo(200);
        Api.Response reprocessed = manager.post("/api/v1/rejects/reprocess",
                "{\"reason\":\"UNKNOWN_OPERATOR\",\"source\":\"" + source + "\"}");
        assertThat(reprocessed.status()).as(reprocessed.raw()).isEqualTo(200);
        assertThat(reprocessed.body().get("rated").asInt()).as(reprocessed.raw()).isEqualTo(2);
        // and the unknown trunk's reject is reprocessed and rejected again
        Api.Response again = manager.post("/api/v1/rejects/reprocess",
                "{\"ids\":[{\"source\":\"" + source + "\",\"cdrId\":\"o3\"}]}");
        assertThat(again.body().get("stillRejected").asInt()).as(again.raw()).isEqualTo(1);
        assertFactsEqualTheCalls(source);

        // a re-rating of the closed month under a version whose mobile peak network minute is cheaper
        f.close(MONTH, account);
        int corrected = ReportsApiTest.correctedTariffVersion(jdbc);
        Api.Response rerate = f.finance.post("/api/v1/periods/" + MONTH + "/rerate",
                Map.of("account", account, "tariff", "CC-STANDARD-2026", "tariffVersion", corrected, "apply", true));
        assertThat(rerate.status()).as(rerate.raw()).isEqualTo(200);
        assertThat(rerate.body().get("corrections").asInt()).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from cdr where source = ? and tariff_version = ?", Long.class,
                source, corrected)).isPositive();
        assertFactsEqualTheCalls(source);

        jdbc.queryForObject("select report_fold_pending()", Long.class);
        assertThat(jdbc.queryForObject("select count(*) from report_call_pending where source = ?", Long.class, source))
                .isZero();
        assertFactsEqualTheCalls(source);
        assertThat(jdbc.queryForObject("select sum(calls) from report_call_day where source = ?", Long.class, source))
                .isEqualTo(jdbc.queryForObject("select count(*) from cdr where source = ?", Long.class, source));
        assertThat(jdbc.queryForObject("select sum(calls) from report_line_day where source = ? and operator_id = ?",
                Long.class, source, unknownOperator)).isEqualTo(2);
    }

    @Test
    void theDailyFactsWithoutAccountsGiveTheFiguresOfTheAccountLevelOnes() {
        Finance f = new Finance(port);
        String account = f.openAccount("RFL");
        String number = Finance.newNumber();
        f.holdNumber(account, number, "2026-01-01", null);
        storeMix(f, number, account, "rfl-" + account, "OP-RFL-" + System.nanoTime());
        jdbc.queryForObject("select report_fold_pending()", Long.class);

        // every lean fact is the sum of the daily facts of its day and dimensions, and nothing else (one snapshot)
        assertThat(jdbc.queryForObject("""
                with d as (select day, call_type, source, status, reason, tariff_code, tariff_version, caller_origin,
                                  destination_class, time_band, trunk, sum(calls) as calls, sum(answered) as answered,
                                  sum(duration_sec) as duration_sec, sum(billed_sec) as billed_sec, sum(amount) as amount
                             from report_call_day group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11),
                     l as (select * from report_call_day_lean)
                select (select count(*) from (select * from d except select * from l) x)
                     + (select count(*) from (select * from l except select * from d) y)
                """, Long.class)).isZero();
        assertThat(jdbc.queryForObject("""
                with d as (select day, call_type, source, tariff_code, tariff_version, component, operator_id, site,
                                  sum(calls) as calls, sum(lines) as lines, sum(billed_sec) as billed_sec,
                                  sum(amount) as amount
                             from report_line_day group by 1, 2, 3, 4, 5, 6, 7, 8),
                     l as (select * from report_line_day_lean)
                select (select count(*) from (select * from d except select * from l) x)
                     + (select count(*) from (select * from l except select * from d) y)
                """, Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from report_call_day_lean where day between '2026-09-01' and "
                + "'2026-09-30'", Long.class)).isPositive();

        // a report by day or week names no account-level dimension: it reads the lean facts, and answers what the
        // account-level facts answer (the same report narrowed to every account reads those)
        List<String> everyAccount = jdbc.queryForList("select distinct account_code from report_call_day union "
                + "select distinct account_code from report_call_pending", String.class);
        List<Map<String, Object>> queries = List.of(
                Map.of("dimensions", List.of("day", "timeBand", "trunk"), "measures", List.of("calls", "answeredCalls",
                        "billedMinutes", "amountNet", "vat", "totalDuration", "rejects")),
                Map.of("dimensions", List.of("week", "callerOrigin", "destinationClass"), "measures",
                        List.of("calls", "asr", "acd", "amountGross")),
                Map.of("dimensions", List.of("day", "operator", "site"), "measures",
                        List.of("calls", "billedMinutes", "amountNet")),
                Map.of("dimensions", List.of("month", "status", "reason"), "measures", List.of("calls", "amountNet")),
                Map.of("dimensions", List.of("week", "source"), "measures", List.of("calls", "asr", "amountNet")));
        for (Map<String, Object> dims : queries) {
            for (String[] range : new String[][] {{"2026-09-01", "2026-09-30"}, {"2026-01-01", "2026-12-31"},
                    {"2026-08-20", "2026-09-14"}}) {
                Map<String, Object> lean = new java.util.HashMap<>(dims);
                lean.put("from", range[0]);
                lean.put("to", range[1]);
                lean.put("filters", List.of());
                Map<String, Object> accountLevel = new java.util.HashMap<>(lean);
                accountLevel.put("filters", List.of(Map.of("dimension", "account", "values", everyAccount)));
                Api.Response a = f.finance.post("/api/v1/reports/query", lean);
                Api.Response b = f.finance.post("/api/v1/reports/query", accountLevel);
                assertThat(a.status()).as(a.raw()).isEqualTo(200);
                assertThat(b.status()).as(b.raw()).isEqualTo(200);
                assertThat(a.body().get("rows")).as(lean.toString()).isEqualTo(b.body().get("rows"));
                assertThat(a.body().get("totals")).isEqualTo(b.body().get("totals"));
                assertThat(a.body().get("rows").size()).isPositive();
            }
        }

        // which facts the builder reads: lean without account-level dimensions, filters and scope; not otherwise
        java.time.LocalDate from = java.time.LocalDate.parse("2026-01-01");
        java.time.LocalDate to = java.time.LocalDate.parse("2026-12-31");
        assertThat(sql(List.of(Dimension.WEEK), List.of(), null, from, to)).contains("report_call_day_lean")
                .doesNotContain("join account");
        assertThat(sql(List.of(Dimension.DAY, Dimension.OPERATOR), List.of(), null, from, to))
                .contains("report_line_day_lean");
        assertThat(sql(List.of(Dimension.MONTH, Dimension.TRUNK), List.of(), null, from,
                java.time.LocalDate.parse("2026-12-14"))).contains("report_call_day_lean").doesNotContain("_month");
        assertThat(sql(List.of(Dimension.DAY), List.of(), List.of(account), from, to)).doesNotContain("_lean");
        assertThat(sql(List.of(Dimension.DAY, Dimension.CLIENT), List.of(), null, from, to)).doesNotContain("_lean");
        assertThat(sql(List.of(Dimension.WEEK, Dimension.ACCOUNT), List.of(), null, from, to)).doesNotContain("_lean");
        assertThat(sql(List.of(Dimension.DAY), List.of(new ReportQuery.Filter(Dimension.ACCOUNT, List.of("x"))), null,
                from, to)).doesNotContain("_lean");
        // the source (a few switches) is in the lean facts: by week and source over a year reads them
        assertThat(sql(List.of(Dimension.WEEK, Dimension.SOURCE), List.of(), null, from, to)).contains("report_call_day_lean");
    }

    @Test
    void theFactsByAccountAndDayGiveTheFiguresOfTheDailyFacts() {
        Finance f = new Finance(port);
        String account = f.openAccount("RFA");
        String number = Finance.newNumber();
        f.holdNumber(account, number, "2026-01-01", null);
        storeMix(f, number, account, "rfa-" + account, "OP-RFA-" + System.nanoTime());
        jdbc.queryForObject("select report_fold_pending()", Long.class);

        // every call fact by account and day is the sum of the daily facts of its account, day and status (one snapshot)
        assertThat(jdbc.queryForObject("""
                with d as (select account_code, day, status, sum(calls) as calls, sum(answered) as answered,
                                  sum(duration_sec) as duration_sec, sum(billed_sec) as billed_sec, sum(amount) as amount
                             from report_call_day group by 1, 2, 3),
                     a as (select * from report_call_account_day)
                select (select count(*) from (select * from d except select * from a) x)
                     + (select count(*) from (select * from a except select * from d) y)
                """, Long.class)).isZero();
        assertThat(jdbc.queryForObject("select sum(calls) from report_call_account_day where account_code = ?",
                Long.class, account)).isEqualTo(jdbc.queryForObject(
                        "select count(*) from cdr where account_code = ?", Long.class, account)).isPositive();

        // a report by day or week and account or client reads them, and answers what the daily facts answer (the same
        // report filtered on every service needs the daily facts); also a salesperson-like filter on one account
        List<String> everyService = jdbc.queryForList("select distinct call_type from report_call_day union "
                + "select distinct call_type from report_call_pending", String.class);
        List<Map<String, Object>> queries = List.of(
                Map.of("dimensions", List.of("week", "account"), "measures", List.of("calls", "answeredCalls",
                        "billedMinutes", "amountNet", "vat", "amountGross", "totalDuration", "rejects", "asr", "acd")),
                Map.of("dimensions", List.of("day", "client", "status"), "measures",
                        List.of("calls", "averageDuration", "amountNet")),
                Map.of("dimensions", List.of("day", "account"), "measures",
                        List.of("calls", "billedMinutes", "amountNet"), "filters",
                        List.of(Map.of("dimension", "account", "values", List.of(account)))),
                Map.of("dimensions", List.of("month", "client"), "measures", List.of("calls", "amountNet", "rejects")));
        for (Map<String, Object> query : queries) {
            for (String[] range : new String[][] {{"2026-09-01", "2026-09-30"}, {"2026-01-01", "2026-12-31"},
                    {"2026-08-20", "2026-09-14"}}) {
                Map<String, Object> byAccount = new java.util.HashMap<>(query);
                byAccount.put("from", range[0]);
                byAccount.put("to", range[1]);
                byAccount.putIfAbsent("filters", List.of());
                Map<String, Object> daily = new java.util.HashMap<>(byAccount);
                List<Object> filters = new ArrayList<>((List<?>) byAccount.get("filters"));
                filters.add(Map.of("dimension", "service", "values", everyService));
                daily.put("filters", filters);
                Api.Response a = f.finance.post("/api/v1/reports/query", byAccount);
                Api.Response b = f.finance.post("/api/v1/reports/query", daily);
                assertThat(a.status()).as(a.raw()).isEqualTo(200);
                assertThat(b.status()).as(b.raw()).isEqualTo(200);
                assertThat(a.body().get("rows")).as(byAccount.toString()).isEqualTo(b.body().get("rows"));
                assertThat(a.body().get("totals")).isEqualTo(b.body().get("totals"));
                assertThat(a.body().get("rows").size()).isPositive();
            }
        }

        // a filter on the client is a filter on the client's accounts: the same figures as the filter on them
        String client = jdbc.queryForObject("select client_name from account where code = ?", String.class, account);
        List<String> ofClient = jdbc.queryForList("select code from account where client_name = ?", String.class, client);
        for (String dimension : List.of("day", "month")) {
            Map<String, Object> byClient = Map.of("dimensions", List.of(dimension, "account"), "measures",
                    List.of("calls", "amountNet", "rejects"), "from", "2026-01-01", "to", "2026-12-31",
                    "filters", List.of(Map.of("dimension", "client", "values", List.of(client))));
            Map<String, Object> byAccounts = new java.util.HashMap<>(byClient);
            byAccounts.put("filters", List.of(Map.of("dimension", "account", "values", ofClient)));
            Api.Response a = f.finance.post("/api/v1/reports/query", byClient);
            Api.Response b = f.finance.post("/api/v1/reports/query", byAccounts);
            assertThat(a.status()).as(a.raw()).isEqualTo(200);
            assertThat(a.body().get("rows")).as(a.raw()).isEqualTo(b.body().get("rows"));
            assertThat(a.body().get("rows").size()).isPositive();
        }

        // which facts the builder reads
        java.time.LocalDate from = java.time.LocalDate.parse("2026-01-01");
        java.time.LocalDate to = java.time.LocalDate.parse("2026-12-31");
        assertThat(sql(List.of(Dimension.DAY), List.of(new ReportQuery.Filter(Dimension.CLIENT, List.of("x"))), null,
                from, to)).contains("f.account_code in (select c.code from account c where c.client_name = any(?))");
        assertThat(sql(List.of(Dimension.DAY), List.of(new ReportQuery.Filter(Dimension.CLIENT, List.of("x", ""))), null,
                from, to)).contains("coalesce(a.client_name, '')");
        assertThat(sql(List.of(Dimension.WEEK, Dimension.ACCOUNT), List.of(), null, from, to))
                .contains("report_call_account_day").doesNotContain("report_call_day ");
        assertThat(sql(List.of(Dimension.DAY, Dimension.CLIENT, Dimension.STATUS), List.of(), null, from, to))
                .contains("report_call_account_day");
        assertThat(sql(List.of(Dimension.DAY), List.of(), List.of(account), from, to)).contains("report_call_account_day");
        assertThat(sql(List.of(Dimension.MONTH, Dimension.ACCOUNT), List.of(), null, from, to))
                .contains("report_call_month").contains("report_call_account_day").doesNotContain("report_call_day ");
        assertThat(sql(List.of(Dimension.WEEK, Dimension.ACCOUNT, Dimension.SERVICE), List.of(), null, from, to))
                .doesNotContain("_account_day");
        assertThat(sql(List.of(Dimension.WEEK, Dimension.ACCOUNT),
                List.of(new ReportQuery.Filter(Dimension.TRUNK, List.of("TRUNK-A"))), null, from, to))
                .doesNotContain("_account_day");
    }

    private static String sql(List<Dimension> dimensions, List<ReportQuery.Filter> filters, List<String> accounts,
                              java.time.LocalDate from, java.time.LocalDate to) {
        return ReportSql.of(new ReportQuery(Dataset.CALLS, dimensions, List.of(Measure.CALLS), filters, from, to,
                null, null), accounts, true, null).sql;
    }

    /** the mix: calls of every kind, at peak and off-peak, answered or not; rejects for an unknown operator and trunk */
    private List<String> storeMix(Finance f, String number, String account, String source, String unknownOperator) {
        List<String> records = new ArrayList<>();
        records.add(inbound(source, "i1", "2026-09-10T11:00:00+03:00", "79161234567", number,
                stage("IVR", 35, null), stage("OPERATOR", 200, "OP-102"), stage("POST", 60, null)));
        records.add(inbound(source, "i2", "2026-09-10T21:00:00+03:00", "74951234567", number,
                stage("IVR", 20, null), stage("OPERATOR", 95, "OP-102")));
        records.add(inbound(source, "i3", "2026-09-11T07:59:59+03:00", "78121234567", number, stage("IVR", 0, null)));
        records.add(inbound(source, "i4", "2026-09-12T12:00:00+03:00", "79031234567", number,
                stage("IVR", 15, null), stage("OPERATOR", 40, "OP-102"), stage("OPERATOR", 70, "OP-102")));
        records.add(inbound(source, "i5", "2026-09-14T19:59:59+03:00", "79161234567", number,
                stage("IVR", 10, null), stage("OPERATOR", 30, unknownOperator)));
        records.add(inbound(source, "i6", "2026-09-15T09:00:00+03:00", "74991234567", number,
                stage("IVR", 12, null), stage("OPERATOR", 61, unknownOperator)));
        records.add(inbound(source, "i7", "2026-09-30T23:30:00+03:00", "7916123456", number, stage("IVR", 5, null)));
        records.add(outbound(source, "o1", "2026-09-16T10:00:00+03:00", account, "79161234567", "TRUNK-A", 61));
        records.add(outbound(source, "o2", "2026-09-16T22:00:00+03:00", account, "74957654321", "TRUNK-A", 0));
        records.add(outbound(source, "o3", "2026-09-17T10:00:00+03:00", account, "375291234567", "TRUNK-NOWHERE", 30));
        records.add("""
            {"source":"%s","cdrId":"f1","callType":"FORWARD","startTime":"2026-09-18T13:00:00+03:00",
             "caller":"79261234567","called":"%s","forwardedTo":"74951112233","trunk":"TRUNK-A",
             "stages":[{"type":"IVR","durationSec":10},{"type":"POST","durationSec":100}]}""".formatted(source, number));
        Api.Response stored = f.equipment.post("/api/v1/cdrs", "{\"records\":[" + String.join(",", records) + "]}");
        assertThat(stored.status()).as(stored.raw()).isEqualTo(200);
        List<String> outcomes = stored.body().get("results").findValuesAsText("outcome");
        assertThat(outcomes).contains("RATED", "REJECTED").doesNotContain("DUPLICATE");
        return records;
    }

    private void assertFactsEqualTheCalls(String source) {
        List<String> callFacts = rows("""
                select day, account_code, call_type, source, status, reason, tariff_code, tariff_version, caller_origin,
                       destination_class, time_band, trunk, sum(calls), sum(answered), sum(duration_sec), sum(billed_sec),
                       sum(amount)
                  from (select * from report_call_day where source = ?
                        union all select * from report_call_pending where source = ?) f
                 group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
                having sum(calls) <> 0 or sum(answered) <> 0 or sum(duration_sec) <> 0 or sum(billed_sec) <> 0
                    or sum(amount) <> 0
                 order by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
                """, source, source);
        List<String> calls = rows("""
                select day, coalesce(account_code, ''), call_type, source, status, coalesce(reason, ''),
                       coalesce(tariff_code, ''), coalesce(tariff_version, 0), caller_origin, destination_class,
                       time_band, trunk, count(*), count(*) filter (where duration_sec > 0), sum(duration_sec),
                       coalesce(sum((select sum(l.billed_seconds) from cdr_lines(lines) l)), 0),
                       coalesce(sum(total), 0)
                  from report_cdr where source = ?
                 group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
                 order by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
                """, source);
        assertThat(callFacts).isEqualTo(calls).hasSizeGreaterThan(5);
        List<String> lineFacts = rows("""
                select day, account_code, call_type, source, tariff_code, tariff_version, component, operator_id, site,
                       sum(calls), sum(lines), sum(billed_sec), sum(amount)
                  from (select * from report_line_day where source = ?
                        union all select * from report_line_pending where source = ?) f
                 group by 1, 2, 3, 4, 5, 6, 7, 8, 9
                having sum(calls) <> 0 or sum(lines) <> 0 or sum(billed_sec) <> 0 or sum(amount) <> 0
                 order by 1, 2, 3, 4, 5, 6, 7, 8, 9
                """, source, source);
        List<String> lines = rows("""
                with x as (
                    select c.day, coalesce(c.account_code, '') as account_code, c.call_type, c.source,
                           coalesce(c.tariff_code, '') as tariff_code, coalesce(c.tariff_version, 0) as tariff_version,
                           l.component, coalesce(cdr_stage_operator(c.record, l.stage), '') as operator_id,
                           l.billed_seconds::bigint as billed_sec, l.amount, c.cdr_id
                      from report_cdr c cross join lateral cdr_lines(c.lines) l
                     where c.source = ? and c.status = 'RATED')
                select x.day, x.account_code, x.call_type, x.source, x.tariff_code, x.tariff_version, x.component,
                       x.operator_id, coalesce(o.site, ''), count(distinct x.cdr_id), count(*), sum(x.billed_sec),
                       sum(x.amount)
                  from x left join operator o on o.operator_id = nullif(x.operator_id, '')
                 group by 1, 2, 3, 4, 5, 6, 7, 8, 9
                 order by 1, 2, 3, 4, 5, 6, 7, 8, 9
                """, source);
        assertThat(lineFacts).isEqualTo(lines).hasSizeGreaterThan(5);
    }

    /** each row as text, numbers compared by value */
    private List<String> rows(String sql, Object... args) {
        return jdbc.query(sql, (rs, i) -> {
            StringBuilder row = new StringBuilder();
            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                Object value = rs.getObject(c);
                if (value instanceof BigDecimal d) {
                    value = d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
                } else if (value instanceof Number n) {
                    value = Long.toString(n.longValue());
                }
                row.append(value).append(" | ");
            }
            return row.toString();
        }, args);
    }

    private static String stage(String type, int seconds, String operator) {
        return "{\"type\":\"" + type + "\",\"durationSec\":" + seconds
                + (operator == null ? "" : ",\"operatorId\":\"" + operator + "\"") + "}";
    }

    private static String inbound(String source, String id, String start, String caller, String called,
                                  String... stages) {
        return """
            {"source":"%s","cdrId":"%s","callType":"INBOUND_800","startTime":"%s","caller":"%s","called":"%s",
             "stages":[%s]}""".formatted(source, id, start, caller, called, String.join(",", stages));
    }

    private static String outbound(String source, String id, String start, String account, String called, String trunk,
                                   int seconds) {
        return """
            {"source":"%s","cdrId":"%s","callType":"OUTBOUND","startTime":"%s","caller":"74950000001","called":"%s",
             "accountCode":"%s","trunk":"%s","stages":[{"type":"OPERATOR","durationSec":%d,"operatorId":"OP-102"}]}"""
                .formatted(source, id, start, called, account, trunk, seconds);
    }
}
