package ru.ccbilling.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
import ru.ccbilling.clock.ClockConfiguration;
import ru.ccbilling.period.Finance;
import ru.ccbilling.testing.FnsSchema;

/**
 * Issue 12, "done when": a month with every service (8-800 and outbound calls with IVR, operators and transfers,
 * virtual office, conferences, surveys, informing, SMS/e-mail/fax, a one-time charge and a deduction, monthly
 * fees), a volume discount and a re-rating correction, then the run of a later month that was still to be issued
 * (refused up front while a correction dated today holds the VAT invoice sequence, then issued dated the day of the
 * run). Every line of every document is read three ways, from the XHTML, the PDF's text and the ФНС XML:
 * quantity × price = amount, no negative line, lines and totals equal to the ledger, each row А of a correction VAT
 * invoice the line of the VAT invoice (or UPD) it corrects; every XML file validates against the 5.03 schema.
 */
@PlatformTest
@TestPropertySource(properties = "ccbilling.test.context=month-of-every-service")
class MonthOfEveryServiceDocumentsApiTest {

    private static final String MARCH = "2026-03";
    private static final String APRIL = "2026-04";
    private static final List<String> ACCOUNTS = List.of("ACC-1001", "ACC-1002");
    private static final List<String> BILLED = List.of("USAGE", "MONTHLY_FEE", "VOLUME_DISCOUNT", "ONE_TIME_CHARGE", "DEDUCTION");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyLineOfEveryDocumentOfAMonthWithEveryServiceAddsUpInPdfXhtmlAndXml() throws Exception {
        Finance f = new Finance(port);
        DocumentLinesApiTest.postCalls(f);
        postOtherServices(f);
        for (String account : ACCOUNTS) {
            Api.Response one = f.finance.post("/api/v1/accounts/" + account + "/charges", Map.of("kind", "ONE_TIME_CHARGE",
                    "amount", "1200.00", "reason", "Настройка IVR-меню", "date", "2026-03-20"));
            assertThat(one.status()).as(one.raw()).isEqualTo(201);
            Api.Response deduction = f.finance.post("/api/v1/accounts/" + account + "/charges", Map.of("kind", "DEDUCTION",
                    "amount", "500.00", "reason", "Компенсация простоя 12.03", "date", "2026-03-20"));
            assertThat(deduction.status()).as(deduction.raw()).isEqualTo(201);
        }
        assertThat(f.finance.put("/api/v1/accounts/ACC-1002/document-settings", Map.of("documents", "UPD")).status())
                .isEqualTo(200);
        f.close(MARCH, ACCOUNTS.toArray(String[]::new));
        assertThat(f.entries("ACC-1001", MARCH, "VOLUME_DISCOUNT")).as("over 10,000 network minutes").hasSize(1);
        List<String> services = new ArrayList<>();
        for (String account : ACCOUNTS) {
            f.entries(account, MARCH, "USAGE").forEach(e -> services.add(e.path("service").asText()));
        }
        assertThat(services).as("every service was billed").contains("INBOUND_800", "OUTBOUND", "VIRTUAL_OFFICE",
                "CONFERENCE", "SURVEY", "INFORMING");

        Map<String, List<DocumentLinesApiTest.Printed>> invoices = new HashMap<>();
        int documents = 0;
        for (String account : ACCOUNTS) {
            Api.Response issued = f.finance.post("/api/v1/documents/packages", Map.of("account", account, "month", MARCH));
            assertThat(issued.status()).as(issued.raw()).isBetween(200, 201);
            for (JsonNode d : issued.body().get("documents")) {
                List<DocumentLinesApiTest.Printed> lines = checkDocument(f, d, account, MARCH);
                documents++;
                if (List.of("VAT_INVOICE", "UPD").contains(d.get("type").asText())) {
                    invoices.put(account, lines);
                }
            }
            assertThat(f.finance.get("/api/v1/documents/" + issued.body().get("documents").get(0).get("id").asText()
                    + "/html").raw()).as("the deduction is said in words").contains("с учётом вычетов: 500,00 руб.");
        }
        assertThat(invoices.get("ACC-1001")).extracting(DocumentLinesApiTest.Printed::name)
                .anyMatch(n -> n.startsWith("Виртуальный офис")).anyMatch(n -> n.startsWith("Аудиоконференции"))
                .anyMatch(n -> n.startsWith("Телефонные опросы") || n.startsWith("Автоматическое информирование"))
                .anyMatch(n -> n.contains("с учётом вычета")).noneMatch(n -> n.startsWith("Скидка"))
                .noneMatch(n -> n.startsWith("Компенсация"));

        int corrected = DocumentLinesApiTest.correctedVersion(jdbc);
        for (String account : ACCOUNTS) {
            Api.Response rerate = f.finance.post("/api/v1/periods/" + MARCH + "/rerate", Map.of("account", account,
                    "tariff", "CC-STANDARD-2026", "tariffVersion", corrected, "apply", true));
            assertThat(rerate.status()).as(rerate.raw()).isEqualTo(200);
        }
        String today = java.time.LocalDate.now(ClockConfiguration.BUSINESS_ZONE).toString();
        int ksfRows = 0;
        for (String account : ACCOUNTS) {
            Api.Response r = f.finance.post("/api/v1/documents/corrections", Map.of("account", account, "month", MARCH));
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            List<JsonNode> corrections = f.entries(account, today.substring(0, 7), "CORRECTION").stream()
                    .filter(e -> MARCH.equals(e.path("refersTo").asText())).toList();
            if (corrections.isEmpty()) {
                continue;
            }
            JsonNode ksf = r.body().get(0).get("documents").get(0);
            assertThat(ksf.get("date").asText()).as("a Moscow date").isEqualTo(today);
            String html = DocumentLinesApiTest.html(f, ksf);
            List<DocumentLinesApiTest.Printed[]> rows = DocumentLinesApiTest.correctionRows(html);
            String pdf = pdfText(f, ksf);
            BigDecimal change = BigDecimal.ZERO;
            for (DocumentLinesApiTest.Printed[] row : rows) {
                ksfRows++;
                if (row[0].quantity() != null) {
                    assertThat(invoices.get(account)).as(account + ": row А is a line of the VAT invoice").contains(row[0]);
                    assertThat(pdf).as("row А in the PDF").contains(money(row[0].net()));
                }
                if (row[1].quantity() != null) {
                    assertThat(row[1].quantity().multiply(row[1].price())).as("row Б " + row[1]).isEqualByComparingTo(row[1].net());
                    assertThat(row[1].net().signum()).isGreaterThanOrEqualTo(0);
                    assertThat(pdf).as("row Б in the PDF").contains(price(row[1].price()) + " " + money(row[1].net()));
                }
                change = change.add(row[1].net()).subtract(row[0].net());
            }
            assertThat(change).as(account + ": Б − А = the corrections on the ledger").isEqualByComparingTo(Finance.sum(corrections));
        }
        assertThat(ksfRows).as("the mobile peak minutes changed").isPositive();

        // the later month, still to be issued: a correction dated today holds the one chronological sequence
        f.close(APRIL, ACCOUNTS.toArray(String[]::new));
        Api.Response refused = f.finance.post("/api/v1/documents/runs", Map.of("month", APRIL));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.body().get("detail").asText()).contains("30.04.2026", "датой запуска");
        Api.Response run = f.finance.post("/api/v1/documents/runs", Map.of("month", APRIL, "documentDate", "RUN_DATE"));
        assertThat(run.status()).as(run.raw()).isEqualTo(202);
        JsonNode job = f.awaitJob(run.body().get("id").asText());
        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        for (String account : ACCOUNTS) {
            JsonNode april = f.finance.get("/api/v1/documents?month=" + APRIL + "&account=" + account).body();
            assertThat(april.size()).as(account).isGreaterThanOrEqualTo(2);
            for (JsonNode d : april) {
                assertThat(d.get("date").asText()).isEqualTo(today);
                checkDocument(f, d, account, APRIL);
                documents++;
            }
        }
        assertThat(documents).isEqualTo(2 * (3 + 2));
    }

    /** SMS, e-mail and fax in March (one-time services priced per unit) */
    private static void postOtherServices(Finance f) throws Exception {
        List<Object> records = new ArrayList<>();
        try (InputStream in = MonthOfEveryServiceDocumentsApiTest.class.getResourceAsStream("/golden-services.json")) {
            for (JsonNode g : Api.json().readTree(in)) {
                if (!"RATED".equals(g.get("expected").get("status").asText())) {
                    continue;
                }
                // every service's golden calls, moved into March (same day and time)
                com.fasterxml.jackson.databind.node.ObjectNode cdr = (com.fasterxml.jackson.databind.node.ObjectNode) g.get("cdr").deepCopy();
                cdr.put("source", "every-service");
                cdr.put("startTime", MARCH + cdr.get("startTime").asText().substring(7));
                records.add(cdr);
            }
        }
        Api.Response calls = f.as("admin").post("/api/v1/cdrs", Map.of("records", records));
        assertThat(calls.status()).as(calls.raw()).isEqualTo(200);
        for (JsonNode result : calls.body().get("results")) {
            assertThat(result.get("outcome").asText()).as(result.toString()).isEqualTo("RATED");
        }
        String events = """
            {"events":[
              {"source":"every","eventId":"1","service":"SMS","account":"ACC-1001","time":"2026-03-10T10:00:00+03:00","quantity":1200},
              {"source":"every","eventId":"2","service":"EMAIL","account":"ACC-1001","time":"2026-03-11T10:00:00+03:00","quantity":300},
              {"source":"every","eventId":"3","service":"FAX","account":"ACC-1002","time":"2026-03-12T10:00:00+03:00","quantity":7},
              {"source":"every","eventId":"4","service":"SMS","account":"ACC-1002","time":"2026-03-12T11:00:00+03:00","quantity":40}
            ]}
            """;
        Api.Response r = f.as("admin").post("/api/v1/service-events", events);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("results").findValuesAsText("outcome")).containsOnly("RATED");
    }

    /**
     * every line of a document from its XHTML, its PDF and (VAT invoice, UPD) its ФНС XML: quantity × price = amount,
     * no negative line, net + VAT = gross, lines and totals equal to the ledger's entries of the month
     */
    private List<DocumentLinesApiTest.Printed> checkDocument(Finance f, JsonNode d, String account, String month) throws Exception {
        String type = d.get("type").asText();
        List<JsonNode> billed = f.entries(account, month).stream().filter(e -> BILLED.contains(e.get("kind").asText())).toList();
        BigDecimal net = Finance.sum(billed);
        BigDecimal vat = billed.stream().map(e -> new BigDecimal(e.get("vat").asText())).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<DocumentLinesApiTest.Printed> lines = DocumentLinesApiTest.lines(DocumentLinesApiTest.html(f, d), type);
        assertThat(lines).as(type).isNotEmpty();
        String pdf = pdfText(f, d);
        for (DocumentLinesApiTest.Printed l : lines) {
            assertThat(l.quantity().multiply(l.price())).as(type + ": " + l).isEqualByComparingTo(l.net());
            assertThat(l.net().signum()).as(type + ": no negative line: " + l).isGreaterThanOrEqualTo(0);
            if (l.vat() != null) {
                assertThat(l.net().add(l.vat())).as(type + ": " + l).isEqualByComparingTo(l.gross());
            }
            assertThat(pdf).as(type + ": the PDF prints the line " + l).contains(price(l.price()) + " " + money(l.net()))
                    .contains(quantity(l.quantity()));
        }
        assertThat(DocumentLinesApiTest.sum(lines, DocumentLinesApiTest.Printed::net)).as(type + ": lines = ledger").isEqualByComparingTo(net);
        assertThat(new BigDecimal(d.get("net").asText())).as(type).isEqualByComparingTo(net);
        assertThat(new BigDecimal(d.get("vat").asText())).as(type + ": VAT = ledger").isEqualByComparingTo(vat);
        assertThat(pdf).as(type + ": the total in the PDF").contains(money(net.add(vat)));
        if (type.equals("VAT_INVOICE") || type.equals("UPD")) {
            assertThat(DocumentLinesApiTest.sum(lines, DocumentLinesApiTest.Printed::vat)).as(type).isEqualByComparingTo(vat);
            checkXml(f, d, lines, net, vat);
        }
        return lines;
    }

    private void checkXml(Finance f, JsonNode d, List<DocumentLinesApiTest.Printed> printed, BigDecimal net, BigDecimal vat)
            throws Exception {
        byte[] xml = bytes("/api/v1/documents/" + d.get("id").asText() + "/xml");
        FnsSchema.validate(FnsSchema.with22Percent(), xml);
        org.w3c.dom.Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        NodeList goods = doc.getElementsByTagName("СведТов");
        assertThat(goods.getLength()).as("one СведТов per printed line").isEqualTo(printed.size());
        BigDecimal sumNet = BigDecimal.ZERO;
        BigDecimal sumVat = BigDecimal.ZERO;
        for (int i = 0; i < goods.getLength(); i++) {
            Element g = (Element) goods.item(i);
            BigDecimal q = new BigDecimal(g.getAttribute("КолТов"));
            BigDecimal p = new BigDecimal(g.getAttribute("ЦенаТов"));
            BigDecimal amount = new BigDecimal(g.getAttribute("СтТовБезНДС"));
            assertThat(q.multiply(p)).as("XML line " + (i + 1) + " " + g.getAttribute("НаимТов")).isEqualByComparingTo(amount);
            assertThat(amount.signum()).isGreaterThanOrEqualTo(0);
            assertThat(amount).as("the XML line is the printed line").isEqualByComparingTo(printed.get(i).net());
            assertThat(g.getAttribute("НаимТов").replace('\u00a0', ' ')).isEqualTo(printed.get(i).name());
            sumNet = sumNet.add(amount);
            Element tax = (Element) g.getElementsByTagName("СумНал").item(0);
            sumVat = sumVat.add(new BigDecimal(tax.getTextContent().trim()));
        }
        assertThat(sumNet).as("XML lines = ledger").isEqualByComparingTo(net);
        assertThat(sumVat).as("XML VAT = ledger").isEqualByComparingTo(vat);
    }

    private String pdfText(Finance f, JsonNode d) throws Exception {
        try (PDDocument pdf = Loader.loadPDF(bytes("/api/v1/documents/" + d.get("id").asText() + "/pdf"))) {
            return new PDFTextStripper().getText(pdf).replace('\u00a0', ' ').replaceAll("\\s+", " ");
        }
    }

    private byte[] bytes(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("finance:finance".getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path + ": " + new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return response.body();
    }

    private static String money(BigDecimal v) {
        return format("#,##0.00", v);
    }

    private static String price(BigDecimal v) {
        return format("#,##0.00##", v);
    }

    private static String quantity(BigDecimal v) {
        return format("#,##0.###", v);
    }

    /** as the forms write numbers, with a plain space where they put a no-break one */
    private static String format(String pattern, BigDecimal v) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setDecimalSeparator(',');
        symbols.setGroupingSeparator(' ');
        DecimalFormat format = new DecimalFormat(pattern, symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(v);
    }
}
