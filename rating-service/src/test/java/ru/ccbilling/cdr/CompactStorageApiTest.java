package ru.ccbilling.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;
import ru.ccbilling.rules.PricedLine;

/**
 * The compact stored form (issue 13, rating V122): the record as sent comes back whatever it holds, modulo key
 * order, from a few bytes beside the columns; lines written by the Java codec and by the SQL encoder of the
 * migration and the benchmarks are the same bytes and read back the same.
 */
@PlatformTest
class CompactStorageApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CdrWords words;

    @Autowired
    TransactionTemplate tx;

    @Test
    void recordsComeBackAsSentFromTheColumnsAndAFewBytes() throws Exception {
        String source = "compact-" + System.nanoTime();
        List<String> records = List.of(
                // the realistic shape: nothing but what the columns and the compact part hold
                """
                {"source":"%s","cdrId":"plain","callType":"INBOUND_800","startTime":"2026-03-10T10:15:00+03:00",
                 "caller":"79161234567","called":"78005553535","stages":[{"type":"IVR","durationSec":35},
                 {"type":"OPERATOR","durationSec":200,"operatorId":"OP-102"},{"type":"POST","durationSec":60}]}
                """,
                // written otherwise: UTC, spaces, 60.0, an extra field, explicit nulls, a survey and a trunk
                """
                {"source":"%s","cdrId":"odd","callType":"OUTBOUND","startTime":"2026-03-10T07:15:00.5Z",
                 "caller":" 74951234567","called":"79161234567","accountCode":"ACC-0001","trunk":"TRUNK-A",
                 "forwardedTo":null,"stages":[{"type":"OPERATOR","durationSec":60.0,"operatorId":"OP-102"}],
                 "vendor":{"queue":"sales","n":[1,2.50,"x"]},"surveyCompleted":false}
                """,
                // a conference: participants instead of stages
                """
                {"source":"%s","cdrId":"conf","callType":"CONFERENCE","startTime":"2026-03-10T12:00:00+05:00",
                 "caller":"74951234567","accountCode":"ACC-0001","participants":[
                 {"number":"79161234567","direction":"DIAL_IN","durationSec":600},
                 {"number":"74957654321","direction":"DIAL_OUT","durationSec":300,"trunk":"TRUNK-A"}]}
                """);
        StringBuilder body = new StringBuilder("{\"records\":[");
        for (int i = 0; i < records.size(); i++) {
            body.append(i == 0 ? "" : ",").append(records.get(i).formatted(source));
        }
        Api.Response sent = Api.as(port, "admin", "admin").post("/api/v1/cdrs", body.append("]}").toString());
        assertThat(sent.status()).as(sent.raw()).isEqualTo(200);
        for (String text : records) {
            JsonNode record = Api.json().readTree(text.formatted(source));
            JsonNode back = Api.as(port, "manager", "manager")
                    .get("/api/v1/cdrs/" + source + "/" + record.get("cdrId").asText()).body();
            assertThat(back.get("record")).as(back.toString()).isEqualTo(record);
        }
        // the realistic record keeps a few bytes: flags and three stages
        Integer plain = jdbc.queryForObject("select octet_length(record) from cdr where source = ? and cdr_id = 'plain'",
                Integer.class, source);
        assertThat(plain).isLessThan(16);
    }

    @Test
    void theSqlEncoderWritesTheBytesOfTheJavaCodec() {
        List<PricedLine> lines = List.of(
                new PricedLine("NETWORK", null, new BigDecimal("14.50"), 300, new BigDecimal("2.90"),
                        "every started minute (NetworkMinute[MOBILE, PEAK])"),
                new PricedLine("IVR", 0, new BigDecimal("-0.70"), 35, new BigDecimal("1.2"), null),
                new PricedLine("CONFERENCE_PORT", null, new BigDecimal("123456.7891"), 86_400, new BigDecimal("0"),
                        "участник 2 (ConferencePortMinute[DIAL_OUT])", 1));
        byte[] java = tx.execute(status -> {
            Set<String> needed = new HashSet<>();
            CompactLines.words(lines, needed);
            return CompactLines.encode(lines, words.ids(needed));
        });
        byte[] sql = jdbc.queryForObject("""
                select cdr_lines_encode('[
                  {"component":"NETWORK","amount":"14.50","billedSeconds":300,"rate":"2.90",
                   "note":"every started minute (NetworkMinute[MOBILE, PEAK])"},
                  {"component":"IVR","stage":0,"amount":"-0.70","billedSeconds":35,"rate":"1.2"},
                  {"component":"CONFERENCE_PORT","amount":"123456.7891","billedSeconds":86400,"rate":"0",
                   "note":"участник 2 (ConferencePortMinute[DIAL_OUT])","participant":1}]'::jsonb)
                """, byte[].class);
        assertThat(sql).isEqualTo(java);
        List<StoredCdr.StoredLine> read = CompactLines.decode(java, words::word);
        assertThat(read).containsExactly(
                new StoredCdr.StoredLine("NETWORK", null, "14.50", 300, "2.90",
                        "every started minute (NetworkMinute[MOBILE, PEAK])", null),
                new StoredCdr.StoredLine("IVR", 0, "-0.70", 35, "1.2", null, null),
                new StoredCdr.StoredLine("CONFERENCE_PORT", null, "123456.7891", 86_400, "0",
                        "участник 2 (ConferencePortMinute[DIAL_OUT])", 1));
        // and SQL reads them back (the reports' drill-down)
        List<String> components = jdbc.queryForList("select component || ' ' || amount || ' ' || coalesce(rate::text, '-')"
                + " || ' ' || coalesce(stage::text, '-') || ' ' || coalesce(participant::text, '-') from cdr_lines(?)",
                String.class, (Object) java);
        assertThat(components).containsExactly("NETWORK 14.50 2.90 - -", "IVR -0.70 1.2 0 -",
                "CONFERENCE_PORT 123456.7891 0 - 1");
    }

    @Test
    void aRowConvertedBySqlReadsAsTheRecordItWas() throws Exception {
        ObjectNode record = (ObjectNode) Api.json().readTree("""
                {"source":"conv","cdrId":"c1","callType":"FORWARD","startTime":"2026-03-10T10:15:00+03:00",
                 "caller":"79161234567","called":"78005553535","trunk":"TRUNK-A","forwardedTo":"74951234567",
                 "stages":[{"type":"IVR","durationSec":35},{"type":"OPERATOR","durationSec":20,"operatorId":"OP-7"}],
                 "x":{"y":[1,"2"]}}
                """);
        byte[] bytes = jdbc.queryForObject("select cdr_record_encode(?::jsonb, 'conv', 'c1', 'FORWARD', '79161234567',"
                + " '78005553535', 'TRUNK-A', '74951234567')", byte[].class, record.toString());
        CompactRecords records = new CompactRecords(Api.json(), words);
        assertThat(records.decode("conv", "c1", "FORWARD", java.time.OffsetDateTime.parse("2026-03-10T07:15:00Z"),
                "79161234567", "78005553535", "TRUNK-A", "74951234567", bytes)).isEqualTo(record);
        assertThat(jdbc.queryForObject("select cdr_stage_operator(?, 1)", String.class, (Object) bytes)).isEqualTo("OP-7");
    }

    /** a record lacking a field its columns hold (here startTime, as the benchmarks' generators write) keeps the names
     *  of such fields before its JSON part; the stage's operator is still found there (a bug until rating V127) */
    @Test
    void theOperatorOfAStageIsFoundInARecordThatLacksAFieldOfItsColumns() throws Exception {
        ObjectNode record = (ObjectNode) Api.json().readTree("""
                {"source":"conv","cdrId":"c2","callType":"INBOUND_800","caller":"79161234567","called":"78005553535",
                 "stages":[{"type":"IVR","durationSec":30},{"type":"OPERATOR","durationSec":90,"operatorId":"ROP-07"}]}
                """);
        byte[] bytes = jdbc.queryForObject("select cdr_record_encode(?::jsonb, 'conv', 'c2', 'INBOUND_800', '79161234567',"
                + " '78005553535', null, null)", byte[].class, record.toString());
        CompactRecords records = new CompactRecords(Api.json(), words);
        assertThat(records.decode("conv", "c2", "INBOUND_800", java.time.OffsetDateTime.parse("2026-03-10T07:15:00Z"),
                "79161234567", "78005553535", null, null, bytes)).isEqualTo(record);
        assertThat(jdbc.queryForObject("select cdr_stage_operator(?, 1)", String.class, (Object) bytes)).isEqualTo("ROP-07");
        assertThat(jdbc.queryForObject("select cdr_stage_operator(?, 0)", String.class, (Object) bytes)).isNull();
        assertThat(jdbc.queryForObject("select cdr_stage_operator(?, 2)", String.class, (Object) bytes)).isNull();
    }
}
