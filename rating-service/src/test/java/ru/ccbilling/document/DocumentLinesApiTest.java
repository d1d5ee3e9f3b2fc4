package ru.ccbilling.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;
import ru.ccbilling.period.Finance;

/**
 * Issue 12: documents an accountant signs without corrections. A month with many services (the golden calls of
 * March, per-second IVR with and without an operator, transfers, outbound calls billed 30/6, monthly fees) and a
 * volume discount is closed, its documents are issued, the month is re-rated under a version with another price
 * for mobile peak minutes, and the correction VAT invoices are issued. Then every line of every document is read
 * from the printed form: quantity × price = amount to the kopeck, no negative line, no two lines of one name,
 * totals equal to the ledger, and each row А of a correction VAT invoice the very line of the VAT invoice (or UPD).
 */
@PlatformTest
@TestPropertySource(properties = "ccbilling.test.context=document-lines")
class DocumentLinesApiTest {

    private static final String MARCH = "2026-03";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    /** a printed line: its cells as written */
    record Printed(String name, String unitCode, String unitName, BigDecimal quantity, BigDecimal price, BigDecimal net,
                   BigDecimal vat, BigDecimal gross) { }

    @Test
    void everyLineOfEveryDocumentMultipliesOutAndCorrectionsRepeatTheLinesTheyCorrect() throws Exception {
        Finance f = new Finance(port);
        postCalls(f);
        assertThat(f.finance.put("/api/v1/accounts/ACC-1002/document-settings", Map.of("documents", "UPD")).status())
                .isEqualTo(200);
        f.close(MARCH, "ACC-1001", "ACC-1002");
        assertThat(f.entries("ACC-1001", MARCH, "VOLUME_DISCOUNT")).as("over 10,000 network minutes").hasSize(1);

        Map<String, List<Printed>> invoices = new java.util.HashMap<>();
        for (String account : List.of("ACC-1001", "ACC-1002")) {
            Api.Response issued = f.finance.post("/api/v1/documents/packages", Map.of("account", account, "month", MARCH));
            assertThat(issued.status()).as(issued.raw()).isBetween(200, 201);
            List<JsonNode> billed = f.entries(account, MARCH).stream()
                    .filter(e -> List.of("USAGE", "MONTHLY_FEE", "VOLUME_DISCOUNT").contains(e.get("kind").asText())).toList();
            BigDecimal net = Finance.sum(billed);
            BigDecimal vat = billed.stream().map(e -> new BigDecimal(e.get("vat").asText())).reduce(BigDecimal.ZERO, BigDecimal::add);
            for (JsonNode d : issued.body().get("documents")) {
                String type = d.get("type").asText();
                List<Printed> lines = lines(html(f, d), type);
                assertThat(lines).as(type).isNotEmpty();
                for (Printed l : lines) {
                    assertThat(l.quantity().multiply(l.price())).as(type + ": " + l).isEqualByComparingTo(l.net());
                    assertThat(l.net().signum()).as(type + ": no negative line: " + l).isGreaterThanOrEqualTo(0);
                    if (l.vat() != null) {
                        assertThat(l.net().add(l.vat())).as(type + ": " + l).isEqualByComparingTo(l.gross());
                    }
                }
                assertThat(lines.stream().map(Printed::name).distinct().count()).as(type + ": names tell lines apart " + lines.stream().map(p -> p.name() + " / " + p.quantity() + " × " + p.price() + " = " + p.net()).toList())
                        .isEqualTo(lines.size());
                assertThat(sum(lines, Printed::net)).as(type + ": lines = ledger").isEqualByComparingTo(net);
                assertThat(new BigDecimal(d.get("net").asText())).as(type).isEqualByComparingTo(net);
                assertThat(new BigDecimal(d.get("vat").asText())).as(type + ": VAT = ledger").isEqualByComparingTo(vat);
                if (type.equals("VAT_INVOICE") || type.equals("UPD")) {
                    assertThat(sum(lines, Printed::vat)).as(type).isEqualByComparingTo(vat);
                    invoices.put(account, lines);
                }
            }
        }
        List<Printed> acc1001 = invoices.get("ACC-1001");
        assertThat(acc1001).extracting(Printed::name).anyMatch(n -> n.contains("вызовы с оператором"))
                .anyMatch(n -> n.contains("с мобильных номеров, час пик"))
                .noneMatch(n -> n.startsWith("Скидка"));

        int corrected = correctedVersion(jdbc);
        int ksfLines = 0;
        for (String account : List.of("ACC-1001", "ACC-1002")) {
            Api.Response rerate = f.finance.post("/api/v1/periods/" + MARCH + "/rerate", Map.of("account", account,
                    "tariff", "CC-STANDARD-2026", "tariffVersion", corrected, "apply", true));
            assertThat(rerate.status()).as(rerate.raw()).isEqualTo(200);
        }
        for (String account : List.of("ACC-1001", "ACC-1002")) {
            Api.Response r = f.finance.post("/api/v1/documents/corrections", Map.of("account", account, "month", MARCH));
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            String now = java.time.YearMonth.now(ru.ccbilling.clock.ClockConfiguration.BUSINESS_ZONE).toString();
            List<JsonNode> corrections = f.entries(account, now, "CORRECTION").stream()
                    .filter(e -> MARCH.equals(e.path("refersTo").asText())).toList();
            if (corrections.isEmpty()) {
                continue;
            }
            assertThat(r.body()).as(account + ": a correction VAT invoice").hasSize(1);
            JsonNode ksf = r.body().get(0).get("documents").get(0);
            assertThat(ksf.get("type").asText()).isEqualTo("CORRECTION_VAT_INVOICE");
            String text = html(f, ksf);
            List<Printed[]> rows = correctionRows(text);
            assertThat(rows).isNotEmpty();
            ksfLines += rows.size();
            assertThat(rows).extracting(row -> row[0].name()).anyMatch(n -> n.contains("с мобильных номеров, час пик"));
            BigDecimal change = BigDecimal.ZERO;
            for (Printed[] row : rows) {
                if (row[0].quantity() != null) {
                    assertThat(invoices.get(account)).as(account + ": row А is a line of the VAT invoice").contains(row[0]);
                }
                if (row[1].quantity() != null) {
                    assertThat(row[1].quantity().multiply(row[1].price())).as("row Б " + row[1]).isEqualByComparingTo(row[1].net());
                }
                change = change.add(row[1].net()).subtract(row[0].net());
            }
            assertThat(change).as(account + ": Б − А = the corrections on the ledger").isEqualByComparingTo(Finance.sum(corrections));
            assertThat(text).contains("к счёту-фактуре №", invoiceNumber(f, account));
        }
        assertThat(ksfLines).as("ACC-1001's mobile peak minutes changed").isPositive();
    }

    static void postCalls(Finance f) throws Exception {
        List<JsonNode> march = new ArrayList<>();
        try (InputStream in = DocumentLinesApiTest.class.getResourceAsStream("/golden-cdrs.json")) {
            Api.json().readTree(in).forEach(g -> {
                if (g.get("cdr").get("startTime").asText().startsWith(MARCH)) {
                    march.add(g.get("cdr"));
                }
            });
        }
        List<Object> records = new ArrayList<>(march);
        String[] extra = {
            // per-second IVR without an operator, mobile peak and off-peak, a local caller
            inbound("x1", "2026-03-17T11:00:00+03:00", "79161234567", "[{\"type\":\"IVR\",\"durationSec\":47}]"),
            inbound("x2", "2026-03-17T23:00:00+03:00", "79161234567", "[{\"type\":\"IVR\",\"durationSec\":61}]"),
            inbound("x3", "2026-03-18T12:00:00+03:00", "74951234567", "[{\"type\":\"IVR\",\"durationSec\":13}]"),
            // an operator after the IVR (IVR at half rate), then a transfer billed per second
            inbound("x4", "2026-03-18T12:10:00+03:00", "79031112233", "[{\"type\":\"IVR\",\"durationSec\":33},"
                    + "{\"type\":\"OPERATOR\",\"durationSec\":70,\"operatorId\":\"OP-102\"},"
                    + "{\"type\":\"OPERATOR\",\"durationSec\":41,\"operatorId\":\"OP-301\"},{\"type\":\"POST\",\"durationSec\":20}]"),
        };
        for (String r : extra) {
            records.add(Api.json().readTree(r));
        }
        // over 10,000 network minutes: local calls off-peak of almost a day each
        for (int i = 0; i < 8; i++) {
            records.add(Api.json().readTree(inbound("big" + i, "2026-03-2" + i + "T00:30:00+03:00", "74951234567",
                    "[{\"type\":\"IVR\",\"durationSec\":86000}]")));
        }
        records.add(Api.json().readTree("""
                {"source":"doc-lines","cdrId":"o1","callType":"OUTBOUND","startTime":"2026-03-19T15:00:00+03:00",
                 "caller":"74950000001","called":"79261234567","accountCode":"ACC-1001","trunk":"TRUNK-A",
                 "stages":[{"type":"OPERATOR","durationSec":47,"operatorId":"OP-102"}]}
                """));
        Api.Response r = f.as("admin").post("/api/v1/cdrs", Map.of("records", records));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        for (JsonNode result : r.body().get("results")) {
            assertThat(result.get("outcome").asText()).as(result.toString()).isIn("RATED", "REJECTED");
        }
    }

    static String inbound(String id, String start, String caller, String stages) {
        return """
                {"source":"doc-lines","cdrId":"%s","callType":"INBOUND_800","startTime":"%s","caller":"%s",
                 "called":"78005553535","stages":%s}
                """.formatted(id, start, caller, stages);
    }

    /** a draft of the standard tariff whose mobile peak minute costs 2.50 instead of 2.90 */
    static int correctedVersion(JdbcTemplate jdbc) {
        int version = jdbc.queryForObject("select max(version) + 1 from tariff_version where tariff_code = 'CC-STANDARD-2026'",
                Integer.class);
        jdbc.update("insert into tariff_version (tariff_code, version, state, based_on, created_by) values ('CC-STANDARD-2026', ?, 'DRAFT', 1, 'test')",
                version);
        jdbc.update("""
                insert into tariff_model (tariff_code, version, name, kind, content)
                select tariff_code, ?, name, kind, content from tariff_model where tariff_code = 'CC-STANDARD-2026' and version = 1
                """, version);
        int changed = jdbc.update("""
                update tariff_model set content = replace(content, '<outputEntry id="NetworkMinute_r5_o"><text>2.90</text>',
                                                                   '<outputEntry id="NetworkMinute_r5_o"><text>2.50</text>')
                 where tariff_code = 'CC-STANDARD-2026' and version = ? and name = 'network-minute.dmn'
                """, version);
        assertThat(changed).isEqualTo(1);
        return version;
    }

    static String invoiceNumber(Finance f, String account) {
        for (JsonNode d : f.finance.get("/api/v1/documents?month=" + MARCH + "&account=" + account).body()) {
            if (List.of("VAT_INVOICE", "UPD").contains(d.get("type").asText())) {
                return d.get("number").asText();
            }
        }
        throw new AssertionError("no VAT invoice of " + account);
    }

    static String html(Finance f, JsonNode document) {
        Api.Response r = f.finance.get("/api/v1/documents/" + document.get("id").asText() + "/html");
        assertThat(r.status()).isEqualTo(200);
        return r.raw();
    }

    /** the line rows of a form's table, read from its XHTML */
    static List<Printed> lines(String html, String type) throws Exception {
        List<Printed> out = new ArrayList<>();
        for (List<String> cells : rows(html)) {
            if (cells.isEmpty() || !cells.get(0).matches("\\d+") || cells.contains("1а")) {   // the column numbers
                continue;
            }
            switch (type) {
                case "VAT_INVOICE", "UPD" -> {
                    int s = type.equals("UPD") ? 1 : 0;
                    if (cells.size() == 19 + s) {
                        out.add(new Printed(cells.get(1 + s), cells.get(3 + s), cells.get(4 + s), number(cells.get(5 + s)),
                                number(cells.get(6 + s)), number(cells.get(7 + s)), number(cells.get(10 + s)),
                                number(cells.get(11 + s))));
                    }
                }
                default -> {
                    if (cells.size() == 6) {
                        out.add(new Printed(cells.get(1), null, cells.get(3), number(cells.get(2)), number(cells.get(4)),
                                number(cells.get(5)), null, null));
                    }
                }
            }
        }
        return out;
    }

    /** rows А and Б of each line of a correction VAT invoice */
    static List<Printed[]> correctionRows(String html) throws Exception {
        List<Printed[]> out = new ArrayList<>();
        List<List<String>> rows = rows(html);
        for (int i = 0; i < rows.size(); i++) {
            List<String> a = rows.get(i);
            if (a.size() == 13 && a.get(2).startsWith("А")) {
                List<String> b = rows.get(i + 1);
                out.add(new Printed[] {
                    new Printed(a.get(1), a.get(4), a.get(5), number(a.get(6)), number(a.get(7)), number(a.get(8)),
                            number(a.get(11)), number(a.get(12))),
                    new Printed(a.get(1), a.get(4), a.get(5), number(b.get(1)), number(b.get(2)), number(b.get(3)),
                            number(b.get(6)), number(b.get(7)))});
            }
        }
        return out;
    }

    static List<List<String>> rows(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        org.w3c.dom.Document doc = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        List<List<String>> out = new ArrayList<>();
        NodeList trs = doc.getElementsByTagName("tr");
        for (int i = 0; i < trs.getLength(); i++) {
            List<String> cells = new ArrayList<>();
            NodeList children = trs.item(i).getChildNodes();
            for (int j = 0; j < children.getLength(); j++) {
                if (children.item(j) instanceof Element e && e.getTagName().equals("td")) {
                    cells.add(e.getTextContent().replace('\u00a0', ' ').trim());
                }
            }
            out.add(cells);
        }
        return out;
    }

    /** "1 234,5600" → 1234.56; "—" → null */
    static BigDecimal number(String text) {
        String t = text.replace(" ", "").replace(',', '.').replace('−', '-');
        return t.isEmpty() || t.equals("—") || t.equals("X") ? null : new BigDecimal(t);
    }

    static BigDecimal sum(List<Printed> lines, java.util.function.Function<Printed, BigDecimal> f) {
        return lines.stream().map(f).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
