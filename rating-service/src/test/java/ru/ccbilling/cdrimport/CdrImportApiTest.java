package ru.ccbilling.cdrimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;
import ru.ccbilling.job.AbandonedJobs;
import ru.ccbilling.job.Jobs;

/**
 * Equipment files through the real API: the shipped mappings turn the sample files of cdr-samples/ into CDRs that
 * the tariff prices exactly as the sheet says; a file imported again changes nothing; bad lines are reported by
 * number and the rest goes on; bad parameters import nothing.
 */
@PlatformTest
class CdrImportApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CdrMappings mappings;
    @Autowired
    CdrFileImport fileImport;
    @Autowired
    AbandonedJobs abandoned;
    @Autowired
    Jobs jobs;
    @Autowired
    ObjectMapper json;

    private Imports imports() {
        return new Imports(port, Api.as(port, "admin", "admin"));
    }

    private JsonNode cdr(String source, String cdrId) {
        Api.Response response = Api.as(port, "admin", "admin").get("/api/v1/cdrs/" + source + "/" + cdrId);
        assertThat(response.status()).as(cdrId).isEqualTo(200);
        return response.body();
    }

    private static List<String> lines(JsonNode cdr) {
        List<String> out = new ArrayList<>();
        cdr.get("lines").forEach(l -> out.add(l.get("component").asText() + " " + l.get("amount").asText()));
        return out;
    }

    private static List<Long> refusedLines(JsonNode job) {
        List<Long> out = new ArrayList<>();
        job.get("result").get("refused").forEach(r -> out.add(r.get("line").asLong()));
        return out;
    }

    private long stored(String source) {
        return Api.as(port, "admin", "admin").get("/api/v1/cdrs?source=" + source + "&size=1").body().get("total").asLong();
    }

    @Test
    void anAsteriskMasterCsvIsRatedByTheTariffAndASecondImportChangesNothing() {
        String source = "pbx-msk-" + System.nanoTime();
        byte[] file = Imports.sample("asterisk-Master.csv");
        JsonNode job = imports().importAndWait("asterisk-default", source, file);

        assertThat(job.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("total").asLong()).isEqualTo(30);
        assertThat(job.get("done").asLong()).isEqualTo(30);
        assertThat(Imports.count(job, "RATED")).isEqualTo(21);
        assertThat(Imports.count(job, "REJECTED")).isEqualTo(4);
        assertThat(Imports.count(job, "DUPLICATE")).isEqualTo(1);
        assertThat(Imports.count(job, "REFUSED")).isEqualTo(4);
        assertThat(refusedLines(job)).containsExactly(19L, 21L, 23L, 29L);
        JsonNode refused = job.get("result").get("refused");
        // the reasons are stored in the job's result in Russian
        assertThat(refused.get(0).get("reason").asText()).isEqualTo("неверное число полей: ожидалось от 16 до 21, в строке 8");
        assertThat(refused.get(1).get("reason").asText())
                .isEqualTo("start: не удаётся прочитать «2026-03-16 8.05» как время в формате yyyy-MM-dd HH:mm:ss");
        assertThat(refused.get(2).get("reason").asText()).isEqualTo("billsec: отрицательная длительность -33");
        assertThat(refused.get(3).get("reason").asText()).startsWith("caller: ");
        assertThat(refused.get(3).get("cdrId").asText()).isEqualTo("1773662400.27");

        // line 1: IVR 35 s, agent OP-102 (MSK) 200 s, wrap-up 60 s; a mobile caller on a weekday at 10:15 (PEAK):
        // NETWORK ceil(295/60) = 5 min x 2.90 = 14.50; IVR with an operator 35 x 0.30 / 60 = 0.18;
        // OPERATOR first stage ceil(200/60) = 4 min x 18.00 = 72.00; POST 5.00 -- golden case g01
        JsonNode first = cdr(source, "1773126900.1");
        assertThat(first.get("callType").asText()).isEqualTo("INBOUND_800");
        assertThat(first.get("record").get("startTime").asText()).isEqualTo("2026-03-10T10:15:00+03:00");
        assertThat(first.get("account").asText()).isEqualTo("ACC-1001");
        assertThat(lines(first)).containsExactly("NETWORK 14.50", "IVR 0.18", "OPERATOR 72.00", "POST 5.00");
        assertThat(first.get("total").asText()).isEqualTo("91.68");
        // line 3: on the holiday 2026-03-09 (OFF_PEAK), mobile: NETWORK ceil(80/60) = 2 x 2.40 = 4.80;
        // IVR 20 x 0.30 / 60 = 0.10; OP-201 is dedicated to ACC-1001: 0.00 -- golden case g06
        assertThat(cdr(source, "1773046800.3").get("total").asText()).isEqualTo("4.90");
        // line 9: agent OP-301 (REMOTE) dials 810 375 29 123 45 67 (Belarus) through TRUNK-B for ACC-1002, 125 s + 40 s
        // wrap-up: OUTBOUND 30/6 on 165 s = 168 s x 11.00 / 60 = 30.80; OPERATOR 3 min x 9.00 = 27.00; POST 5.00
        JsonNode belarus = cdr(source, "1773144600.9");
        assertThat(belarus.get("record").get("called").asText()).isEqualTo("375291234567");
        assertThat(lines(belarus)).containsExactly("OUTBOUND 30.80", "OPERATOR 27.00", "POST 5.00");
        // line 10: unanswered outbound call to a mobile: OUTBOUND 0 s = 0.00, the marking fee 0.48 all the same
        assertThat(lines(cdr(source, "1773145200.10"))).containsExactly("OUTBOUND 0.00", "MARKING_FEE 0.48", "OPERATOR 0.00");
        // line 12: 8-800 call from a Moscow number forwarded to a mobile through TRUNK-B, 8 s on a weekday at 09:00:
        // NETWORK 1 min x 1.20; FORWARD_LEG 30 s x 1.70 / 60 = 0.85; IVR under 10 s without an operator: 0.00
        JsonNode forward = cdr(source, "1773208800.12");
        assertThat(forward.get("callType").asText()).isEqualTo("FORWARD");
        assertThat(forward.get("record").get("forwardedTo").asText()).isEqualTo("79217654321");
        assertThat(lines(forward)).containsExactly("NETWORK 1.20", "FORWARD_LEG 0.85", "IVR 0.00");
        assertThat(cdr(source, "1773122460.7").get("total").asText()).isEqualTo("0.00");
        assertThat(cdr(source, "1773322320.15").get("reason").asText()).isEqualTo("UNKNOWN_OPERATOR");
        assertThat(cdr(source, "1773666000.28").get("reason").asText()).isEqualTo("UNKNOWN_TRUNK");
        assertThat(stored(source)).isEqualTo(25);

        JsonNode again = imports().importAndWait("asterisk-default", source, file);
        assertThat(again.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(Imports.count(again, "DUPLICATE")).isEqualTo(26);
        assertThat(Imports.count(again, "REFUSED")).isEqualTo(4);
        assertThat(Imports.count(again, "RATED") + Imports.count(again, "REJECTED")).isZero();
        assertThat(stored(source)).isEqualTo(25);

        // the same call sent as JSON is the same record
        JsonNode json = Api.as(port, "admin", "admin").post("/api/v1/cdrs", "{\"records\":[" + first.get("record") + "]}").body();
        assertThat(json.get("results").get(0).get("outcome").asText()).isEqualTo("DUPLICATE");
    }

    @Test
    void aCallIntoAVirtualOfficeNumberIsAVirtualOfficeCallInBothShippedMappings() {
        String source = "pbx-vo-" + System.nanoTime();
        // Asterisk: 8 495 123-00-00 is ACC-1002's virtual-office number (tariff sheet 7.1); IVR 35 s, agent, wrap-up
        String asterisk = "\"\",\"79161234567\",\"84951230000\",\"from-trunk\",\"79161234567\",\"SIP/TRUNK-A-000001b0\","
                + "\"SIP/OP-102-000001b1\",\"Queue\",\"support,t\",\"2026-03-10 10:15:00\",\"2026-03-10 10:15:01\","
                + "\"2026-03-10 10:18:56\",236,235,\"ANSWERED\",\"DOCUMENTATION\",\"vo-ast-1\",\"ivr=35;post=60\"\n";
        JsonNode job = imports().importAndWait("asterisk-default", source, asterisk.getBytes(StandardCharsets.UTF_8));
        assertThat(Imports.count(job, "RATED")).as(job.toString()).isEqualTo(1);
        JsonNode cdr = cdr(source, "vo-ast-1");
        assertThat(cdr.get("callType").asText()).isEqualTo("VIRTUAL_OFFICE");
        assertThat(cdr.get("account").asText()).isEqualTo("ACC-1002");
        assertThat(lines(cdr).get(0)).startsWith("VO_MINUTE ");

        // FreeSWITCH: 7 495 123-00-01 is ACC-1001's; the same file's 8-800 call stays INBOUND_800
        String freeswitch = "\"79161234567\",\"79161234567\",\"74951230001\",\"public\",\"2026-03-10 10:15:00\","
                + "\"2026-03-10 10:15:01\",\"2026-03-10 10:16:02\",\"62\",\"61\",\"NORMAL_CLEARING\",\"vo-fs-1\","
                + "\"752a89bb-26c7-5f4a-b74c-7a7461b4a991\",\"\"\n"
                + "\"79161234567\",\"79161234567\",\"88005553535\",\"public\",\"2026-03-10 10:20:00\","
                + "\"2026-03-10 10:20:01\",\"2026-03-10 10:21:02\",\"62\",\"61\",\"NORMAL_CLEARING\",\"vo-fs-2\","
                + "\"752a89bb-26c7-5f4a-b74c-7a7461b4a992\",\"\"\n";
        JsonNode second = imports().importAndWait("freeswitch-default", source, freeswitch.getBytes(StandardCharsets.UTF_8));
        assertThat(Imports.count(second, "RATED")).as(second.toString()).isEqualTo(2);
        JsonNode office = cdr(source, "vo-fs-1");
        assertThat(office.get("callType").asText()).isEqualTo("VIRTUAL_OFFICE");
        assertThat(office.get("account").asText()).isEqualTo("ACC-1001");
        assertThat(cdr(source, "vo-fs-2").get("callType").asText()).isEqualTo("INBOUND_800");
    }

    @Test
    void aFreeSwitchCsvIsRatedByTheTariff() {
        String source = "fs-nsk-" + System.nanoTime();
        JsonNode job = imports().importAndWait("freeswitch-default", source, Imports.sample("freeswitch-Master.csv"));

        assertThat(job.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("total").asLong()).isEqualTo(21);
        assertThat(job.get("done").asLong()).isEqualTo(21);
        assertThat(Imports.count(job, "RATED")).isEqualTo(14);
        assertThat(Imports.count(job, "REJECTED")).isEqualTo(3);
        assertThat(Imports.count(job, "DUPLICATE")).isEqualTo(1);
        assertThat(Imports.count(job, "REFUSED")).isEqualTo(3);
        assertThat(refusedLines(job)).containsExactly(11L, 12L, 13L);
        assertThat(job.get("result").get("refused").get(0).get("reason").asText())
                .isEqualTo("неверное число полей: ожидалось от 13 до 15, в строке 8");
        assertThat(job.get("result").get("refused").get(2).get("reason").asText()).isEqualTo("billsec: отрицательная длительность -45");

        // line 1: a mobile caller, 61 s of IVR on a weekday at 10:15: NETWORK 2 min x 2.90 = 5.80; IVR 61 x 0.60 / 60 = 0.61
        JsonNode first = cdr(source, "08128177-425f-5cc5-9452-2cb7540d5726");
        assertThat(first.get("record").get("caller").asText()).isEqualTo("79161234567");
        assertThat(first.get("record").get("called").asText()).isEqualTo("78005553535");
        assertThat(lines(first)).containsExactly("NETWORK 5.80", "IVR 0.61");
        // line 2: OP-102 dials 8 926 123-45-67 through gw-b (TRUNK-B) for ACC-1001, 31 s: OUTBOUND 36 s x 1.70 / 60 = 1.02,
        // MARKING_FEE 0.48, OPERATOR 1 min x 18.00 -- golden case g12
        JsonNode outbound = cdr(source, "79ea4f7d-68d0-5844-82f0-9dc897af0b02");
        assertThat(outbound.get("record").get("trunk").asText()).isEqualTo("TRUNK-B");
        assertThat(outbound.get("total").asText()).isEqualTo("19.50");
        // line 3: 21:30 is OFF_PEAK: NETWORK 3 min x 2.40 = 7.20; IVR 125 x 0.60 / 60 = 1.25
        assertThat(cdr(source, "49229f30-40d5-522b-8c5d-2fc779100013").get("total").asText()).isEqualTo("8.45");
        // line 6: unanswered (NO_ANSWER) call to a mobile: the marking fee only
        assertThat(cdr(source, "49743781-7710-5bd0-b2c6-777c550dbdd9").get("total").asText()).isEqualTo("0.48");
        // line 10 (15 fields): OP-101, dedicated to ACC-1001, dials a Moscow number through TRUNK-A for 300 s:
        // OUTBOUND 300 s x 0.80 / 60 = 4.00; OPERATOR included: 0.00
        assertThat(lines(cdr(source, "9f52e7bf-24fb-5b45-923f-3e5f3795cc49"))).containsExactly("OUTBOUND 4.00", "OPERATOR 0.00");
        // line 17: "+73832123456" to "88005553535", 75 s at 10:15 on a weekday: INTERCITY 2 x 2.10; IVR 0.75
        JsonNode spaced = cdr(source, "bc645557-41a0-5a26-9d2f-3fe7721719ef");
        assertThat(spaced.get("record").get("caller").asText()).isEqualTo("73832123456");
        assertThat(spaced.get("total").asText()).isEqualTo("4.95");
        assertThat(cdr(source, "d5e6e92e-d1c6-50ff-8a7f-736013ef34ed").get("reason").asText()).isEqualTo("UNKNOWN_OPERATOR");
        assertThat(stored(source)).isEqualTo(17);
    }

    @Test
    void anImportInterruptedByACrashIsResumedFromItsStoredFileAndStoresEachRecordOnce() throws Exception {
        String source = "pbx-msk-" + System.nanoTime();
        byte[] file = Imports.sample("asterisk-Master.csv");
        String firstTenLines = String.join("\n", Arrays.asList(new String(file, StandardCharsets.UTF_8).split("\n")).subList(0, 10));
        JsonNode before = imports().importAndWait("asterisk-default", source, firstTenLines.getBytes(StandardCharsets.UTF_8));
        long storedBefore = stored(source);
        assertThat(storedBefore).isEqualTo(before.get("done").asLong() - Imports.count(before, "DUPLICATE"));

        // what an instance killed after those ten lines leaves: the job RUNNING with its params and file, untouched since
        CdrMapping mapping = mappings.find("asterisk-default").orElseThrow();
        UUID id = UUID.randomUUID();
        OffsetDateTime minuteAgo = OffsetDateTime.now().minusMinutes(1);
        jdbc.update("""
                insert into job (id, kind, state, description, params, started_by, started_at, updated_at)
                values (?, 'CDR_IMPORT', 'RUNNING', 'left by a crash', ?::jsonb, 'admin', ?, ?)""", id,
                json.writeValueAsString(new CdrFileImport.Params(mapping.name(), mapping.format(), mapping.definition(), source)),
                minuteAgo, minuteAgo);
        jdbc.update("insert into job_input (job_id, part, content) values (?, 0, ?)", id, file);

        abandoned.sweep();

        JsonNode job = imports().await(id.toString(), seen -> { });
        assertThat(job.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("done").asLong()).isEqualTo(30);
        assertThat(Imports.count(job, "RATED") + Imports.count(job, "REJECTED")).isEqualTo(25 - storedBefore);
        assertThat(Imports.count(job, "DUPLICATE")).isEqualTo(1 + storedBefore);
        assertThat(stored(source)).isEqualTo(25);
        ImportReport report = jobs.result(id, fileImport).orElseThrow();
        assertThat(report.records()).isEqualTo(30);
        assertThat(report.refused()).extracting(ImportReport.RefusedLine::line).containsExactly(19L, 21L, 23L, 29L);
        assertThat(jdbc.queryForObject("select count(*) from job_input where job_id = ?", Integer.class, id)).isZero();
    }

    @Test
    void badParametersAreRefusedNamingTheFieldAndImportNothing() {
        Imports imports = imports();
        String source = "bad-params-" + System.nanoTime();
        int jobsBefore = Api.as(port, "admin", "admin").get("/api/v1/jobs?kind=CDR_IMPORT&limit=500").body().size();
        byte[] file = Imports.sample("asterisk-Master.csv");

        assertProblem(imports.upload("no-such-mapping", source, HttpRequest.BodyPublishers.ofByteArray(file)), "mapping");
        assertThat(imports.upload("asterisk-default", " ", HttpRequest.BodyPublishers.ofByteArray(file)).body()
                .get("errors").get(0).get("message").asText())
                .isEqualTo("обязательно: источник записей файла, например АТС");
        assertThat(new Imports(port, Api.as(port, "admin", "admin").inEnglish())
                .upload("no-such-mapping", source, HttpRequest.BodyPublishers.ofByteArray(file)).body()
                .get("errors").get(0).get("message").asText()).startsWith("no mapping named 'no-such-mapping'; there are ");
        assertThat(imports.upload("no-such-mapping", source, HttpRequest.BodyPublishers.ofByteArray(file)).body()
                .get("errors").get(0).get("message").asText()).startsWith("нет сопоставления «no-such-mapping»; есть: ");
        assertProblem(imports.upload("asterisk-default", null, HttpRequest.BodyPublishers.ofByteArray(file)), "source");
        assertProblem(imports.upload(null, source, HttpRequest.BodyPublishers.ofByteArray(file)), "mapping");
        assertProblem(imports.upload("asterisk-default", " ", HttpRequest.BodyPublishers.ofByteArray(file)), "source");
        assertProblem(imports.upload("asterisk-default", "x".repeat(65), HttpRequest.BodyPublishers.ofByteArray(file)), "source");
        assertProblem(imports.upload("asterisk-default", source, HttpRequest.BodyPublishers.noBody()), "body");
        assertProblem(imports.upload("asterisk-default", source, HttpRequest.BodyPublishers.ofString("\n \r\n")), "body");

        assertThat(stored(source)).isZero();
        assertThat(Api.as(port, "admin", "admin").get("/api/v1/jobs?kind=CDR_IMPORT&limit=500").body().size()).isEqualTo(jobsBefore);
        // a tariff manager edits mappings but does not import
        assertThat(new Imports(port, Api.as(port, "manager", "manager"))
                .upload("asterisk-default", source, HttpRequest.BodyPublishers.ofByteArray(file)).status()).isEqualTo(403);
    }

    private static void assertProblem(Api.Response response, String field) {
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("errors").findValuesAsText("field")).as(response.raw()).containsExactly(field);
    }
}
