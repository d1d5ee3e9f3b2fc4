package ru.ccbilling.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;
import ru.ccbilling.mail.SmtpInbox;
import ru.ccbilling.period.Finance;

/**
 * E-mail to the clients' people over a real SMTP conversation (an SMTP server in this JVM): documents issued, the
 * balance below the client's threshold, a new price list in force. Each letter goes once, to the client's own people.
 * The monthly letter of a saved report (finance's) goes the same way, with its workbook attached.
 */
@PlatformTest
@TestPropertySource(properties = {"ccbilling.test.context=notifications", "ccbilling.notifications.interval=1h",
        "ccbilling.mail.from=billing@cc.example", "ccbilling.mail.base-url=https://lk.cc.example"})
class ClientNotificationsApiTest {

    private static final SmtpInbox INBOX = new SmtpInbox();
    private static final String ROMASHKA = "portal@romashka.example";
    private static final String VEKTOR = "portal@vektor.example";

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", INBOX::port);
    }

    @AfterAll
    static void stop() throws Exception {
        INBOX.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    ClientNotifications notifications;
    @Autowired
    ru.ccbilling.report.MonthlyReports monthlyReports;

    @Test
    void documentsIssuedAreAnnouncedOnceToTheClientsPeopleOnly() {
        Finance f = new Finance(port);
        f.close("2026-03", "ACC-1001");
        assertThat(f.finance.post("/api/v1/documents/packages", Map.of("account", "ACC-1001", "month", "2026-03"))
                .status()).isBetween(200, 201);
        notifications.run();
        notifications.run();

        List<SmtpInbox.Letter> letters = INBOX.to(ROMASHKA).stream()
                .filter(l -> l.subject().startsWith("Документы за 2026-03")).toList();
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).subject()).isEqualTo("Документы за 2026-03 по лицевому счёту ACC-1001");
        assertThat(letters.get(0).text()).contains("https://lk.cc.example/#/portal-documents");
        assertThat(INBOX.to(VEKTOR)).noneMatch(l -> l.subject().contains("ACC-1001"));
    }

    @Test
    void aBalanceBelowTheClientsThresholdIsToldOnce() {
        Api romashka = Api.as(port, "romashka", "romashka");
        Api.Response set = romashka.put("/api/v1/portal/settings", Map.of("balanceThreshold", "1000000.00"));
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        notifications.run();
        notifications.run();
        List<SmtpInbox.Letter> low = INBOX.to(ROMASHKA).stream().filter(l -> l.subject().contains("осталось меньше"))
                .toList();
        assertThat(low).hasSize(1);
        assertThat(low.get(0).subject()).isEqualTo("На лицевом счёте ACC-1001 осталось меньше 1000000.00 руб.");
        assertThat(INBOX.to(VEKTOR)).noneMatch(l -> l.subject().contains("осталось меньше"));
    }

    @Test
    void aNewPriceListInForceIsAnnouncedToTheTariffsClientsAndAFutureOneIsShownInThePortal() throws Exception {
        Api manager = Api.as(port, "manager", "manager");
        int now = draft(manager);
        OffsetDateTime inForce = OffsetDateTime.now(ZoneOffset.ofHours(3)).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS);
        Api.Response published = manager.post("/api/v1/tariffs/CC-STANDARD-2026/versions/" + now + "/publish",
                Map.of("effectiveFrom", inForce.toString()));
        assertThat(published.status()).as(published.raw()).isEqualTo(200);
        int later = draft(manager);
        assertThat(manager.post("/api/v1/tariffs/CC-STANDARD-2026/versions/" + later + "/publish",
                Map.of("effectiveFrom", inForce.plusMonths(2).toString())).status()).isEqualTo(200);

        notifications.run();
        notifications.run();
        for (String to : List.of(ROMASHKA, VEKTOR)) {
            List<SmtpInbox.Letter> news = INBOX.to(to).stream().filter(l -> l.subject().startsWith("Новый прейскурант"))
                    .toList();
            assertThat(news).as(to).hasSize(1);
            assertThat(news.get(0).text()).contains("версия " + now).doesNotContain("версия " + later);
        }
        var list = Api.as(port, "vector", "vector").get("/api/v1/portal/price-list").body();
        assertThat(list.get("version").asInt()).isEqualTo(now);
        assertThat(list.get("upcoming").findValuesAsText("version")).containsExactly(String.valueOf(later));
    }

    @Test
    void anInvitationGoesByMailWithItsLink() {
        String email = "kollega-" + System.nanoTime() % 100000 + "@romashka.example";
        Api.Response invited = Api.as(port, "romashka", "romashka").post("/api/v1/portal/colleagues/invitations",
                Map.of("email", email));
        assertThat(invited.status()).as(invited.raw()).isEqualTo(201);
        assertThat(invited.body().get("mailed").asBoolean()).isTrue();
        List<SmtpInbox.Letter> letters = INBOX.to(email);
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).subject()).isEqualTo("Приглашение в личный кабинет");
        assertThat(letters.get(0).text()).contains("https://lk.cc.example" + invited.body().get("link").asText());
    }

    @Test
    void aMailedReportGoesByMailOnceAMonthWithItsWorkbookAttached() throws Exception {
        String to = "boss-" + System.nanoTime() % 100000 + "@cc.example";
        Api.Response saved = Api.as(port, "finance", "finance").post("/api/v1/reports/saved", Map.of(
                "name", "Звонки по дням", "mailTo", to, "query", Map.of("dimensions", List.of("day"),
                        "measures", List.of("calls"), "period", "LAST_MONTH")));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(201);
        String month = java.time.YearMonth.now(ZoneOffset.ofHours(3)).minusMonths(1).toString();

        monthlyReports.sendDue();
        monthlyReports.sendDue();

        List<SmtpInbox.Letter> letters = INBOX.to(to);
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).subject()).isEqualTo("Отчёт «Звонки по дням» за " + month);
        var parts = (jakarta.mail.Multipart) letters.get(0).message().getContent();
        jakarta.mail.BodyPart workbook = null;
        for (int i = 0; i < parts.getCount(); i++) {
            if (jakarta.mail.Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
                workbook = parts.getBodyPart(i);
            }
        }
        assertThat(workbook).as("the attached workbook").isNotNull();
        assertThat(workbook.getFileName()).isEqualTo("report-" + month + ".xlsx");
        assertThat(workbook.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        byte[] file = workbook.getInputStream().readAllBytes();
        assertThat(new String(file, 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        String sheet = null;
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(file))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    sheet = new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(sheet).as("the workbook's sheet").isNotNull().contains("Итого");
    }

    private static int draft(Api manager) {
        Api.Response created = manager.post("/api/v1/tariffs/CC-STANDARD-2026/versions", Map.of("basedOn", 1));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().get("version").asInt();
    }
}
