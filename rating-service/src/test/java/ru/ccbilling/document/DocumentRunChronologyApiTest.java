package ru.ccbilling.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;
import ru.ccbilling.clock.ClockConfiguration;
import ru.ccbilling.money.Money;
import ru.ccbilling.testing.SampleStatements;

/**
 * Issue 12, item 4: chronology without traps. A correction VAT invoice dated today sits in the VAT invoice sequence;
 * the mass run of an earlier month used to end with 0 documents and an English message. Now a pre-flight check
 * lists what would block a run, the run refuses up front (409, in Russian, naming the conflict), the numbering
 * policy is a setting per seller (with separate sequences the earlier month simply runs) and, with one chronological
 * sequence, the run can date its documents the day of the run. Ordered: each step builds on the one before.
 */
@PlatformTest
@Import(TestStatements.Config.class)
@TestPropertySource(properties = "ccbilling.test.context=run-chronology")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DocumentRunChronologyApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestStatements billing;

    Api finance() {
        return Api.as(port, "finance", "finance");
    }

    static LocalDate today() {
        return LocalDate.now(ClockConfiguration.BUSINESS_ZONE);
    }

    /** the first line of ACC-3001's month with ten more of its unit, as a correction dated {@code date} */
    private Correction spbCorrection(java.time.YearMonth month, LocalDate date) {
        Statement.Line first = billing.statement("ACC-3001", month).orElseThrow().lines().get(0);
        BigDecimal after = first.quantity().add(BigDecimal.TEN);
        return new Correction("RR-" + month + "-ACC-3001-1", "ACC-3001", month, date, "Перетарификация", null, null,
                List.of(new Correction.Line(first.name(), first.unitCode(), first.unitName(), first.quantity(), after,
                        first.price(), first.price(), first.net(), Money.of(after.multiply(first.price())))));
    }

    @Test
    @Order(1)
    void withSeparateSequencesForCorrectionsAnEarlierMonthRunsAfterACorrectionDatedToday() throws Exception {
        JsonNode policies = finance().get("/api/v1/numbering-policies").body();
        assertThat(policies.findValuesAsText("seller")).contains("CCB", "CCB-SPB");
        assertThat(policies.findValuesAsText("policy")).containsOnly("SINGLE");
        Api.Response separate = finance().put("/api/v1/numbering-policies/CCB-SPB", Map.of("policy", "SEPARATE"));
        assertThat(separate.status()).as(separate.raw()).isEqualTo(200);
        assertThat(finance().get("/api/v1/numbering-policies").body().findValuesAsText("policy")).contains("SEPARATE");
        Api.Response unknown = finance().put("/api/v1/numbering-policies/NOBODY", Map.of("policy", "SEPARATE"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("detail").asText()).contains("NOBODY");
        assertThat(Api.as(port, "sales", "sales").put("/api/v1/numbering-policies/CCB-SPB", Map.of("policy", "SINGLE"))
                .status()).isEqualTo(403);

        billing.spbMonths.add(TestStatements.MARCH);
        assertThat(finance().post("/api/v1/documents/packages", Map.of("account", "ACC-3001", "month", "2026-02")).status())
                .isEqualTo(201);
        billing.correct(spbCorrection(TestStatements.FEBRUARY, today()));
        Api.Response ksf = finance().post("/api/v1/documents/corrections", Map.of("account", "ACC-3001", "month", "2026-02"));
        assertThat(ksf.status()).as(ksf.raw()).isEqualTo(200);
        assertThat(ksf.body().get(0).get("documents").get(0).get("number").asText()).as("its own sequence").isEqualTo("1");

        JsonNode preflight = finance().get("/api/v1/documents/runs/preflight?month=2026-03").body();
        assertThat(preflight.get("canRun").asBoolean()).as(preflight.toString()).isTrue();
        assertThat(preflight.get("problems").findValuesAsText("code")).doesNotContain("NUMBERING_ORDER");
        Api.Response run = finance().post("/api/v1/documents/runs", Map.of("month", "2026-03"));
        assertThat(run.status()).as(run.raw()).isEqualTo(202);
        JsonNode job = awaitJob(run.body().get("id").asText());
        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        JsonNode spb = finance().get("/api/v1/documents?month=2026-03&account=ACC-3001").body();
        assertThat(spb.findValuesAsText("date")).as(job.toString()).isNotEmpty().containsOnly("2026-03-31");

        Api.Response back = finance().put("/api/v1/numbering-policies/CCB-SPB", Map.of("policy", "SINGLE"));
        assertThat(back.status()).as("corrections already numbered apart this year").isEqualTo(409);
        assertThat(back.body().get("detail").asText()).contains("CCB-SPB", "корректировочн");
    }

    @Test
    @Order(2)
    void withOneSequenceTheRunOfAnEarlierMonthIsRefusedUpFrontInRussianAndCanBeDatedTheDayOfTheRun() throws Exception {
        // March's VAT invoice (issued by the run of the test before, or now), then its correction dated today
        assertThat(finance().post("/api/v1/documents/packages", Map.of("account", "ACC-1001", "month", "2026-03")).status())
                .isEqualTo(201);
        billing.correct(SampleStatements.romashkaCorrection(TestStatements.MARCH, today()));
        Api.Response ksf = finance().post("/api/v1/documents/corrections", Map.of("account", "ACC-1001", "month", "2026-03"));
        assertThat(ksf.status()).as(ksf.raw()).isEqualTo(200);
        String ksfNumber = ksf.body().get(0).get("documents").get(0).get("number").asText();
        assertThat(ksf.body().get(0).get("documents").get(0).get("date").asText()).isEqualTo(today().toString());

        Api.Response preflight = finance().get("/api/v1/documents/runs/preflight?month=2026-04");
        assertThat(preflight.status()).as(preflight.raw()).isEqualTo(200);
        assertThat(preflight.body().get("canRun").asBoolean()).isFalse();
        assertThat(preflight.body().get("canRunOnRunDate").asBoolean()).isTrue();
        JsonNode order = null;
        for (JsonNode p : preflight.body().get("problems")) {
            if (p.get("code").asText().equals("NUMBERING_ORDER")) {
                order = p;
            }
        }
        assertThat(order).as(preflight.raw()).isNotNull();
        assertThat(order.get("blocking").asBoolean()).isTrue();
        assertThat(order.get("seller").asText()).isEqualTo("CCB");
        assertThat(order.get("message").asText()).contains("№ " + ksfNumber, "документы за апрель 2026 датируются 30.04.2026");
        assertThat(preflight.body().get("problems").findValuesAsText("account")).contains("ACC-1003");

        Api.Response refused = finance().post("/api/v1/documents/runs", Map.of("month", "2026-04"));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("detail").asText()).contains("№ " + ksfNumber, "30.04.2026", "датой запуска");
        assertThat(finance().get("/api/v1/documents?month=2026-04").body()).isEmpty();
        assertThat(finance().inEnglish().post("/api/v1/documents/runs", Map.of("month", "2026-04")).body().get("detail")
                .asText()).contains("No. " + ksfNumber, "run date");

        Api.Response onRunDate = finance().post("/api/v1/documents/runs", Map.of("month", "2026-04", "documentDate", "RUN_DATE"));
        assertThat(onRunDate.status()).as(onRunDate.raw()).isEqualTo(202);
        JsonNode job = awaitJob(onRunDate.body().get("id").asText());
        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("counts").get("ISSUED").asInt()).isEqualTo(32);
        JsonNode april = finance().get("/api/v1/documents?month=2026-04&account=ACC-1001").body();
        assertThat(april.findValuesAsText("date")).containsOnly(today().toString());
        JsonNode vatInvoice = finance().get("/api/v1/documents?month=2026-04&account=ACC-1001&type=VAT_INVOICE").body().get(0);
        assertThat(Long.parseLong(vatInvoice.get("number").asText())).isGreaterThan(Long.parseLong(ksfNumber));
        JsonNode act = finance().get("/api/v1/documents?month=2026-04&account=ACC-1001&type=ACT").body().get(0);
        String html = finance().get("/api/v1/documents/" + act.get("id").asText() + "/html").raw();
        assertThat(html).as("the services are still April's").contains("по 30.04.2026");

        Api.Response badOption = finance().post("/api/v1/documents/runs", Map.of("month", "2026-04", "documentDate", "YESTERDAY"));
        assertThat(badOption.status()).isEqualTo(400);
    }

    @Test
    @Order(3)
    void aSellerWithoutItsBankDetailsBlocksTheRunUpFrontNamingTheField() {
        billing.spbMonths.add(TestStatements.APRIL);
        billing.spbWithoutBank = true;
        try {
            JsonNode preflight = finance().get("/api/v1/documents/runs/preflight?month=2026-04").body();
            assertThat(preflight.get("canRun").asBoolean()).as(preflight.toString()).isFalse();
            assertThat(preflight.get("toIssue").asInt()).as("ACC-3001 is the one left to issue").isZero();
            JsonNode seller = null;
            for (JsonNode p : preflight.get("problems")) {
                if (p.get("code").asText().equals("SELLER_DATA")) {
                    seller = p;
                }
            }
            assertThat(seller).as(preflight.toString()).isNotNull();
            assertThat(seller.get("effect").asText()).isEqualTo("BLOCKS_RUN");
            assertThat(seller.get("seller").asText()).isEqualTo("CCB-SPB");
            assertThat(seller.get("field").asText()).isEqualTo("seller.bank");
            Api.Response refused = finance().post("/api/v1/documents/runs", Map.of("month", "2026-04"));
            assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
            assertThat(refused.body().get("detail").asText()).contains("CCB-SPB", "seller.bank");
            assertThat(refused.body().get("errors").findValuesAsText("field")).contains("seller.bank");
            assertThat(finance().get("/api/v1/documents?month=2026-04&account=ACC-3001").body()).isEmpty();
        } finally {
            billing.spbWithoutBank = false;
        }
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
