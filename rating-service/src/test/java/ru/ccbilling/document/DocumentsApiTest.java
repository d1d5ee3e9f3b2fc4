package ru.ccbilling.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;
import ru.ccbilling.document.form.PdfRendering;
import ru.ccbilling.testing.SampleStatements;

/**
 * Documents through the HTTP API over PostgreSQL, with the test StatementSource standing in for billing.
 * Ordered: numbers follow dates, so March is issued before April, and each step builds on the one before.
 */
@PlatformTest
@Import(TestStatements.Config.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DocumentsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestStatements billing;

    Api finance() {
        return Api.as(port, "finance", "finance");
    }

    private JsonNode issue(String account, String month) {
        Api.Response r = finance().post("/api/v1/documents/packages", Map.of("account", account, "month", month));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body();
    }

    private long counter(String seller, String sequence) {
        List<Long> v = jdbc.queryForList("select last_value from numbering_counter where seller = ? and sequence = ? and period = 2026",
                Long.class, seller, sequence);
        return v.isEmpty() ? 0 : v.get(0);
    }

    /** the X-Frame-Options header: the admin UI shows the preview in an iframe of the same origin */
    String frameOptions(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("finance:finance".getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).headers()
                .firstValue("X-Frame-Options").orElse("");
    }

    byte[] bytes(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("finance:finance".getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    @Test
    @Order(1)
    void numberingTemplatesAreListedAndATemplateWithoutItsCounterIsRefused() {
        JsonNode templates = finance().get("/api/v1/numbering-templates?seller=CCB").body();
        assertThat(templates).hasSize(5);
        assertThat(templates.findValuesAsText("template")).contains("{YYYY}-{SEQ:6}", "{SEQ}");
        Api.Response noSeq = finance().put("/api/v1/numbering-templates",
                Map.of("seller", "CCB", "documentType", "ACT", "template", "{YYYY}-А", "reset", "YEARLY"));
        assertThat(noSeq.status()).isEqualTo(400);
        assertThat(noSeq.body().get("errors").findValuesAsText("field")).containsExactly("template");
        assertThat(noSeq.body().get("detail").asText()).contains("{SEQ}", "нет поля");
        Api.Response noSeqInEnglish = finance().inEnglish().put("/api/v1/numbering-templates",
                Map.of("seller", "CCB", "documentType", "ACT", "template", "{YYYY}-А", "reset", "YEARLY"));
        assertThat(noSeqInEnglish.status()).isEqualTo(400);
        assertThat(noSeqInEnglish.body().get("errors").findValuesAsText("field")).containsExactly("template");
        assertThat(noSeqInEnglish.body().get("detail").asText()).contains("has no {SEQ} field");
        Api.Response noDiv = finance().put("/api/v1/numbering-templates",
                Map.of("seller", "CCB", "documentType", "VAT_INVOICE", "template", "{SEQ}/{DIV}", "reset", "YEARLY"));
        assertThat(noDiv.status()).isEqualTo(400);
        assertThat(noDiv.body().get("errors").findValuesAsText("field")).containsExactly("division");
        assertThat(Api.as(port, "sales", "sales").get("/api/v1/numbering-templates").status()).isEqualTo(403);
    }

    @Test
    @Order(2)
    void aClosedMonthGivesTheInvoiceTheActAndTheVatInvoiceWithVatAt22PercentAndTheSamePackageAgain() throws Exception {
        JsonNode pack = issue("ACC-1001", "2026-03");
        JsonNode docs = pack.get("documents");
        assertThat(docs.findValuesAsText("type")).containsExactly("INVOICE", "ACT", "VAT_INVOICE");
        TaxedLines expected = TaxedLines.of(SampleStatements.romashka(TestStatements.MARCH).lines(), new BigDecimal("0.22"));
        for (JsonNode d : docs) {
            assertThat(d.get("date").asText()).isEqualTo("2026-03-31");
            assertThat(d.get("net").asText()).isEqualTo(expected.net().toString());
            assertThat(d.get("vat").asText()).isEqualTo(expected.vat().toString());
            assertThat(d.get("gross").asText()).isEqualTo(expected.gross().toString());
            assertThat(d.get("vatRate").asText()).isEqualTo("0.22");
        }
        assertThat(docs.get(1).get("number").asText()).matches("2026-\\d{6}");
        JsonNode vatInvoice = docs.get(2);
        byte[] pdf = bytes("/api/v1/documents/" + vatInvoice.get("id").asText() + "/pdf");
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(PdfRendering.sha256Hex(pdf)).isEqualTo(vatInvoice.get("sha256").asText());
        Api.Response html = finance().get("/api/v1/documents/" + vatInvoice.get("id").asText() + "/html");
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(frameOptions("/api/v1/documents/" + vatInvoice.get("id").asText() + "/html")).isEqualTo("SAMEORIGIN");
        assertThat(html.raw()).contains("СЧЁТ-ФАКТУРА", "№ п/п 1–13 № " + docs.get(1).get("number").asText() + " от 31.03.2026");
        JsonNode again = issue("ACC-1001", "2026-03");
        assertThat(again.get("packageId").asText()).isEqualTo(pack.get("packageId").asText());
        assertThat(finance().get("/api/v1/documents?month=2026-03&account=ACC-1001&type=ACT").body()).hasSize(1);
    }

    @Test
    @Order(3)
    void aClientThatAsksForAnUpdGetsTheInvoiceAndOneUpd() {
        JsonNode docs = issue("ACC-1002", "2026-03").get("documents");
        assertThat(docs.findValuesAsText("type")).containsExactly("INVOICE", "UPD");
    }

    @Test
    @Order(4)
    void anOpenMonthOrAClientWithoutKppIsRefusedNamingWhatIsMissingAndConsumesNoNumber() {
        long invoices = counter("CCB", "INVOICE");
        long vatInvoices = counter("CCB", "VAT_INVOICE");
        Api.Response open = finance().post("/api/v1/documents/packages", Map.of("account", "ACC-1001", "month", "2026-05"));
        assertThat(open.status()).isEqualTo(409);
        assertThat(open.body().get("detail").asText()).contains("ACC-1001", "2026-05", "не закрыт");
        assertThat(finance().inEnglish().post("/api/v1/documents/packages", Map.of("account", "ACC-1001", "month", "2026-05"))
                .body().get("detail").asText()).contains("ACC-1001", "2026-05", "not closed");
        Api.Response noKpp = finance().post("/api/v1/documents/packages", Map.of("account", "ACC-1003", "month", "2026-03"));
        assertThat(noKpp.status()).isEqualTo(422);
        assertThat(noKpp.body().get("errors").findValuesAsText("field")).containsExactly("client.kpp");
        assertThat(noKpp.body().get("detail").asText()).contains("ACC-1003", "2026-03", "не хватает данных", "client.kpp");
        assertThat(noKpp.body().get("errors").get(0).get("message").asText()).isEqualTo("нужен для строки 6б счёта-фактуры");
        Api.Response noKppInEnglish = finance().inEnglish().post("/api/v1/documents/packages",
                Map.of("account", "ACC-1003", "month", "2026-03"));
        assertThat(noKppInEnglish.status()).isEqualTo(422);
        assertThat(noKppInEnglish.body().get("detail").asText()).contains("ACC-1003", "2026-03", "the documents need client.kpp");
        Api.Response badMonth = finance().post("/api/v1/documents/packages", Map.of("account", "ACC-1001", "month", "March"));
        assertThat(badMonth.status()).isEqualTo(400);
        assertThat(counter("CCB", "INVOICE")).isEqualTo(invoices);
        assertThat(counter("CCB", "VAT_INVOICE")).isEqualTo(vatInvoices);
    }

    @Test
    @Order(5)
    void regenerationGivesTheSameNumbersDatesAmountsAndBytes() {
        Api.Response r = finance().post("/api/v1/documents/regenerate", Map.of("account", "ACC-1001", "month", "2026-03"));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("identical").asBoolean()).isTrue();
        assertThat(r.body().get("sourceUnchanged").asBoolean()).isTrue();
        for (JsonNode d : r.body().get("documents")) {
            assertThat(d.get("regeneratedSha256").asText()).isEqualTo(d.get("storedSha256").asText());
        }
        assertThat(finance().post("/api/v1/documents/regenerate", Map.of("account", "ACC-2099", "month", "2026-03")).status())
                .isEqualTo(404);
    }

    @Test
    @Order(6)
    void eightParallelGenerationsLeaveNoGapAndNoDuplicateInAnySequence() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Callable<Void>> work = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            work.add(() -> {
                for (int i = 0; i < 5; i++) {
                    issue(String.format("ACC-2%05d", 1 + thread * 5 + i), "2026-03");
                }
                return null;
            });
        }
        for (Future<Void> f : threads.invokeAll(work)) {
            f.get();
        }
        threads.shutdown();
        JsonNode all = finance().get("/api/v1/documents?month=2026-03&limit=5000").body();
        List<String> invoices = new ArrayList<>();
        List<String> vatSequence = new ArrayList<>();
        for (JsonNode d : all) {
            if (!d.get("seller").asText().equals("CCB")) {
                continue;
            }
            switch (d.get("type").asText()) {
                case "INVOICE" -> invoices.add(d.get("number").asText());
                case "VAT_INVOICE", "UPD", "CORRECTION_VAT_INVOICE" -> vatSequence.add(d.get("number").asText());
                default -> { }
            }
        }
        assertThat(invoices).hasSize(42).doesNotHaveDuplicates();
        List<String> expectedInvoices = new ArrayList<>();
        List<String> expectedVat = new ArrayList<>();
        for (int n = 1; n <= invoices.size(); n++) {
            expectedInvoices.add(String.format("2026-%06d", n));
        }
        for (int n = 1; n <= vatSequence.size(); n++) {
            expectedVat.add(String.valueOf(n));
        }
        assertThat(invoices).containsExactlyInAnyOrderElementsOf(expectedInvoices);
        assertThat(vatSequence).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expectedVat);
        assertThat(counter("CCB", "INVOICE")).isEqualTo(invoices.size());
        assertThat(counter("CCB", "VAT_INVOICE")).isEqualTo(vatSequence.size());
    }

    @Test
    @Order(7)
    void aCorrectionOfAClosedMonthBecomesACorrectionVatInvoiceOnce() {
        billing.correct(SampleStatements.romashkaCorrection(TestStatements.MARCH, LocalDate.of(2026, 4, 10)));
        JsonNode vatInvoice = finance().get("/api/v1/documents?month=2026-03&account=ACC-1001&type=VAT_INVOICE").body().get(0);
        Api.Response r = finance().post("/api/v1/documents/corrections", Map.of("account", "ACC-1001", "month", "2026-03"));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode ksf = r.body().get(0).get("documents").get(0);
        assertThat(ksf.get("type").asText()).isEqualTo("CORRECTION_VAT_INVOICE");
        assertThat(ksf.get("kind").asText()).isEqualTo("CORRECTION");
        assertThat(ksf.get("date").asText()).isEqualTo("2026-04-10");
        // operators −900.00 (VAT −198.00), network +145.00 (VAT +31.90)
        assertThat(ksf.get("net").asText()).isEqualTo("-755.00");
        assertThat(ksf.get("vat").asText()).isEqualTo("-166.10");
        assertThat(Long.parseLong(ksf.get("number").asText())).isGreaterThan(Long.parseLong(vatInvoice.get("number").asText()));
        assertThat(finance().get("/api/v1/documents/" + ksf.get("id").asText() + "/html").raw())
                .contains("к счёту-фактуре №", vatInvoice.get("number").asText() + " от 31 марта 2026 г.", "В (увеличение)");
        JsonNode second = finance().post("/api/v1/documents/corrections", Map.of("account", "ACC-1001", "month", "2026-03")).body();
        assertThat(second).isEmpty();
        JsonNode regenerated = finance().post("/api/v1/documents/regenerate", Map.of("account", "ACC-1001", "month", "2026-03")).body();
        assertThat(regenerated.get("documents").findValuesAsText("type")).containsExactly("INVOICE", "ACT", "VAT_INVOICE",
                "CORRECTION_VAT_INVOICE");
        assertThat(regenerated.get("identical").asBoolean()).isTrue();
    }

    @Test
    @Order(8)
    void theMonthlyRunIssuesEveryClosedAccountAsAJobReportsTheFailuresAndIsIdempotent() throws Exception {
        Api.Response started = finance().post("/api/v1/documents/runs", Map.of("month", "2026-04"));
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        assertThat(started.body().get("kind").asText()).isEqualTo("DOCUMENT_RUN");
        JsonNode job = awaitJob(started.body().get("id").asText());
        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("total").asInt()).isEqualTo(33);
        assertThat(job.get("counts").get("ISSUED").asInt()).isEqualTo(32);
        assertThat(job.get("counts").get("FAILED").asInt()).isEqualTo(1);
        assertThat(job.get("result").get("failures").get(0).get("account").asText()).isEqualTo("ACC-1003");
        assertThat(job.get("result").get("failures").get(0).get("reason").asText()).contains("не хватает", "client.kpp");
        assertThat(finance().get("/api/v1/documents?month=2026-04&limit=5000").body().size()).isBetween(32 * 2, 32 * 3);

        JsonNode again = awaitJob(finance().post("/api/v1/documents/runs", Map.of("month", "2026-04")).body().get("id").asText());
        assertThat(again.get("counts").get("ALREADY_ISSUED").asInt()).isEqualTo(32);
        assertThat(again.get("counts").has("ISSUED")).isFalse();

        Api.Response open = finance().post("/api/v1/documents/runs", Map.of("month", "2026-05"));
        assertThat(open.status()).isEqualTo(409);
        assertThat(open.body().get("detail").asText()).contains("2026-05");
    }

    @Test
    @Order(9)
    void deliveryListsLabelsAndThePrintPdfFollowTheMassPrintingOrder() throws Exception {
        Api.Response csv = finance().get("/api/v1/documents/runs/2026-04/delivery-lists/POST");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> rows = csv.raw().lines().toList();
        assertThat(rows.get(0)).startsWith("\ufeff№;Лицевой счёт;Клиент;ИНН;Способ доставки;Индекс");
        List<String> keys = rows.stream().skip(1).map(r -> r.split(";")[5] + "|" + r.split(";")[2]).toList();
        assertThat(keys).isNotEmpty().isSorted();
        assertThat(csv.raw()).contains("ACC-1001", "ООО «Ромашка»", "119019", "Счёт № ", "Акт № ", "Счёт-фактура № ");

        List<Map<String, String>> order = new ArrayList<>();
        for (String method : List.of("PORTAL", "EMAIL", "POST", "COURIER")) {
            for (String row : finance().get("/api/v1/documents/runs/2026-04/delivery-lists/" + method).raw().lines().skip(1).toList()) {
                order.add(Map.of("method", method, "account", row.split(";")[1]));
            }
        }
        long paper = order.stream().filter(o -> o.get("method").equals("POST") || o.get("method").equals("COURIER")).count();
        try (var labels = org.apache.pdfbox.Loader.loadPDF(bytes("/api/v1/documents/runs/2026-04/labels.pdf?size=DL"))) {
            assertThat(labels.getNumberOfPages()).isEqualTo(paper);
            var box = labels.getPage(0).getMediaBox();
            assertThat(box.getWidth() / 72 * 25.4).isCloseTo(220, org.assertj.core.data.Offset.offset(1.0));
            assertThat(box.getHeight() / 72 * 25.4).isCloseTo(110, org.assertj.core.data.Offset.offset(1.0));
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(labels)).contains("Кому", "Куда", "ООО «Ромашка»", "119019");
        }
        try (var c5 = org.apache.pdfbox.Loader.loadPDF(bytes("/api/v1/documents/runs/2026-04/labels.pdf?size=C5"))) {
            assertThat(c5.getPage(0).getMediaBox().getHeight() / 72 * 25.4).isCloseTo(162, org.assertj.core.data.Offset.offset(1.0));
        }
        assertThat(finance().get("/api/v1/documents/runs/2026-04/labels.pdf?size=A4").status()).isEqualTo(400);

        try (var print = org.apache.pdfbox.Loader.loadPDF(bytes("/api/v1/documents/runs/2026-04/print.pdf"))) {
            int pages = 0;
            for (JsonNode d : finance().get("/api/v1/documents?month=2026-04&limit=5000").body()) {
                try (var one = org.apache.pdfbox.Loader.loadPDF(bytes("/api/v1/documents/" + d.get("id").asText() + "/pdf"))) {
                    pages += one.getNumberOfPages();
                }
            }
            assertThat(print.getNumberOfPages()).isEqualTo(pages);
            String first = new org.apache.pdfbox.text.PDFTextStripper() {{ setStartPage(1); setEndPage(1); }}.getText(print);
            String firstAccount = order.get(0).get("account");
            JsonNode firstInvoice = finance().get("/api/v1/documents?month=2026-04&type=INVOICE&account=" + firstAccount).body().get(0);
            assertThat(first).contains("Счёт на оплату № " + firstInvoice.get("number").asText());
        }
    }

    @Test
    @Order(10)
    void oneTimeServicesAreInvoicedOnDemandWithTheSellersOwnTemplate() {
        Api.Response template = finance().put("/api/v1/numbering-templates",
                Map.of("seller", "CCB-SPB", "documentType", "VAT_INVOICE", "template", "{SEQ}/{DIV}", "division", "02", "reset", "YEARLY"));
        assertThat(template.status()).as(template.raw()).isEqualTo(200);
        assertThat(finance().post("/api/v1/documents/packages", Map.of("account", "ACC-3001", "month", "2026-02")).status()).isEqualTo(201);
        Api.Response r = finance().post("/api/v1/documents/one-time-invoices", Map.of("account", "ACC-3001",
                "items", List.of(Map.of("name", "Рассылка SMS-уведомлений", "quantity", "1500", "price", "2.50"),
                        Map.of("name", "Запись голосового приветствия", "unitCode", "796", "unitName", "шт", "quantity", "1", "price", "3000.00"))));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        JsonNode docs = r.body().get("documents");
        assertThat(docs.get(0).get("type").asText()).isEqualTo("INVOICE");
        assertThat(docs.get(0).get("kind").asText()).isEqualTo("ONE_TIME");
        assertThat(docs.get(0).get("seller").asText()).isEqualTo("CCB-SPB");
        assertThat(docs.get(0).get("net").asText()).isEqualTo("6750.00");
        assertThat(docs.get(0).get("date").asText()).isEqualTo(LocalDate.now(ru.ccbilling.clock.ClockConfiguration.BUSINESS_ZONE).toString());
        JsonNode vatSequence = docs.get(docs.size() - 1);
        assertThat(vatSequence.get("type").asText()).isIn("VAT_INVOICE", "UPD");
        if (vatSequence.get("type").asText().equals("VAT_INVOICE")) {
            assertThat(vatSequence.get("number").asText()).isEqualTo("2/02");
        }
        Api.Response empty = finance().post("/api/v1/documents/one-time-invoices", Map.of("account", "ACC-3001", "items", List.of()));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().get("errors").findValuesAsText("field")).containsExactly("items");
        Api.Response badPrice = finance().post("/api/v1/documents/one-time-invoices", Map.of("account", "ACC-3001",
                "items", List.of(Map.of("name", "SMS", "quantity", "10", "price", "two"))));
        assertThat(badPrice.body().get("errors").findValuesAsText("field")).containsExactly("items[0].price");
        Api.Response unknown = finance().post("/api/v1/documents/one-time-invoices", Map.of("account", "ACC-9999",
                "items", List.of(Map.of("name", "SMS", "quantity", "10", "price", "2.50"))));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body().get("detail").asText()).contains("ACC-9999", "нет реквизитов клиента");
    }

    HttpResponse<byte[]> download(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("finance:finance".getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode aprilDocument(String account, String type) {
        JsonNode docs = finance().get("/api/v1/documents?month=2026-04&account=" + account + "&type=" + type).body();
        assertThat(docs).as(account + " " + type).hasSize(1);
        return docs.get(0);
    }

    @Test
    @Order(11)
    void anIssuedUpdDownloadsAsTheFnsXmlNamedByTheFormatsRuleInWindows1251() throws Exception {
        JsonNode upd = aprilDocument("ACC-1002", "UPD");
        String id = upd.get("id").asText();
        HttpResponse<byte[]> xml = download("/api/v1/documents/" + id + "/xml");
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml").containsIgnoringCase("windows-1251");
        String name = "ON_NSCHFDOPPR_7802345678-780201001_7714123456-771401001_"
                + java.time.OffsetDateTime.parse(upd.get("createdAt").asText())
                        .atZoneSameInstant(ru.ccbilling.clock.ClockConfiguration.BUSINESS_ZONE).toLocalDate()
                        .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                + "_" + id + "_0_0_0_0_0_00";
        assertThat(xml.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", name + ".xml");
        String text = new String(xml.body(), java.nio.charset.Charset.forName("windows-1251"));
        assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"windows-1251\"?>")
                .contains("ИдФайл=\"" + name + "\"", "Функция=\"СЧФДОП\"", "НомерДок=\"" + upd.get("number").asText() + "\"",
                        "НаимОрг=\"АО «Вектор»\"", "НалСт=\"22%\"", "СтТовБезНДСВсего=\"" + upd.get("net").asText() + "\"");
        ru.ccbilling.testing.FnsSchema.validate(ru.ccbilling.testing.FnsSchema.with22Percent(), xml.body());
        assertThat(download("/api/v1/documents/" + id + "/xml").body()).as("the same file every time").isEqualTo(xml.body());
    }

    @Test
    @Order(12)
    void anActHasNoXmlAndIsRefusedWith404InRussian() {
        JsonNode act = aprilDocument("ACC-1001", "ACT");
        Api.Response r = finance().get("/api/v1/documents/" + act.get("id").asText() + "/xml");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body().get("detail").asText()).contains("нет электронной формы ФНС", act.get("number").asText());
    }

    @Test
    @Order(13)
    void theMonthsVatInvoicesAndUpdsDownloadAsOneZipWithTheOnesTheFormatCannotTakeListed() throws Exception {
        HttpResponse<byte[]> zip = download("/api/v1/documents/xml.zip?month=2026-04");
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/zip");
        assertThat(zip.headers().firstValue("Content-Disposition").orElse("")).contains("edo-2026-04.zip");
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.body()))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        int issued = finance().get("/api/v1/documents?month=2026-04&type=VAT_INVOICE").body().size()
                + finance().get("/api/v1/documents?month=2026-04&type=UPD").body().size();
        List<String> skipped = new String(entries.getOrDefault("не_сформированы.txt", new byte[0]), StandardCharsets.UTF_8)
                .lines().toList();
        long files = entries.keySet().stream().filter(n -> n.startsWith("ON_NSCHFDOPPR_") && n.endsWith(".xml")).count();
        assertThat(files + skipped.size()).isEqualTo(issued);
        String updFile = download("/api/v1/documents/" + aprilDocument("ACC-1002", "UPD").get("id").asText() + "/xml")
                .headers().firstValue("Content-Disposition").orElseThrow().replaceAll(".*filename=\"([^\"]+)\".*", "$1");
        assertThat(entries).containsKey(updFile);
        assertThat(skipped).anySatisfy(line -> assertThat(line).startsWith("ACC-1001; ").contains("отрицательная сумма"));
        var schema = ru.ccbilling.testing.FnsSchema.with22Percent();
        for (var e : entries.entrySet()) {
            if (e.getKey().endsWith(".xml")) {
                ru.ccbilling.testing.FnsSchema.validate(schema, e.getValue());
            }
        }
        assertThat(finance().get("/api/v1/documents/xml.zip?month=2026-05").status()).as("nothing issued").isEqualTo(404);
    }

    JsonNode awaitJob(String id) throws InterruptedException {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode job = finance().get("/api/v1/jobs/" + id).body();
            if (!job.get("state").asText().equals("RUNNING")) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the job did not finish");
    }
}
