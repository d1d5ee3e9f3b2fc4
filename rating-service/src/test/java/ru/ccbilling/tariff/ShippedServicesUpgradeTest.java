package ru.ccbilling.tariff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;
import ru.ccbilling.rules.ShippedTariff;

/**
 * A database installed before the services of section 7 holds CC-STANDARD-2026 version 1 without their models; at
 * start-up it gets them, audited, and prices every other call as before.
 */
@PlatformTest
@TestPropertySource(properties = "ccbilling.test.context=services-upgrade")
class ShippedServicesUpgradeTest {

    private static final String TARIFF = ShippedTariff.CODE;
    private static final List<String> SERVICE_MODELS = List.of("virtual-office-minute.dmn", "conference-port-minute.dmn",
            "survey-completed-fee.dmn", "informing-attempt-fee.dmn", "included-quantities.dmn", "service-lines.drl");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TariffCatalog catalog;

    @Test
    void theStandardTariffStoredBeforeTheServicesGetsThemAndPricesOtherCallsAsBefore() throws Exception {
        storeVersionOneAsBeforeTheServices();
        Api manager = Api.as(port, "manager", "manager");
        JsonNode s01 = serviceCase("s01");
        JsonNode inbound = goldenCase(0);
        assertThat(simulate(manager, s01).get("reason").asText()).as("without the models").isEqualTo("NO_RATE");
        String inboundBefore = simulate(manager, inbound).get("total").asText();
        int revision = revision();

        catalog.installShippedTariff();

        assertThat(jdbc.queryForList("select name from tariff_model where tariff_code = ? and version = 1", String.class,
                TARIFF)).containsAll(SERVICE_MODELS);
        for (var model : ShippedTariff.models()) {
            assertThat(jdbc.queryForObject("select content from tariff_model where tariff_code = ? and version = 1 and name = ?",
                    String.class, TARIFF, model.name())).as(model.name()).isEqualTo(model.content());
        }
        assertThat(revision()).isEqualTo(revision + 1);
        JsonNode rated = simulate(manager, s01);
        assertThat(rated.get("total").asText()).isEqualTo("60.26");
        assertThat(simulate(manager, inbound).get("total").asText()).isEqualTo(inboundBefore);
        JsonNode audit = manager.get("/api/v1/tariffs/" + TARIFF + "/audit").body();
        assertThat(audit.findValuesAsText("detail")).anyMatch(d -> d.contains("добавлены услуги раздела 7"));

        catalog.installShippedTariff();
        assertThat(revision()).as("done once").isEqualTo(revision + 1);
    }

    @Test
    void aVersionWhoseShippedRulesWereEditedIsLeftAsItIs() throws Exception {
        storeVersionOneAsBeforeTheServices();
        jdbc.update("update tariff_model set content = content || '\n// edited by a tariff manager\n'"
                + " where tariff_code = ? and version = 1 and name = 'call-lines.drl'", TARIFF);
        int revision = revision();

        catalog.installShippedTariff();

        assertThat(revision()).isEqualTo(revision);
        assertThat(jdbc.queryForList("select name from tariff_model where tariff_code = ? and version = 1", String.class,
                TARIFF)).doesNotContain("service-lines.drl");
        // this test's database is its own: give it back its shipped models for whoever runs next
        jdbc.update("update tariff_model set content = ? where tariff_code = ? and version = 1 and name = 'call-lines.drl'",
                read("/call-lines-before-services.drl"), TARIFF);
        catalog.installShippedTariff();
    }

    private void storeVersionOneAsBeforeTheServices() throws IOException {
        jdbc.update("delete from tariff_model where tariff_code = ? and version = 1 and name = any(?)", TARIFF,
                SERVICE_MODELS.toArray(String[]::new));
        jdbc.update("update tariff_model set content = ? where tariff_code = ? and version = 1 and name = 'call-lines.drl'",
                read("/call-lines-before-services.drl"), TARIFF);
        jdbc.update("update tariff_model set content = ? where tariff_code = ? and version = 1 and name = 'monthly-fees.dmn'",
                read("/monthly-fees-before-services.dmn"), TARIFF);
        jdbc.update("update tariff_version set revision = revision + 1 where tariff_code = ? and version = 1", TARIFF);
        catalog.refresh();
    }

    private int revision() {
        return jdbc.queryForObject("select revision from tariff_version where tariff_code = ? and version = 1",
                Integer.class, TARIFF);
    }

    private static JsonNode simulate(Api api, JsonNode record) {
        return api.post("/api/v1/rating/simulate", Map.of("records", List.of(record))).body().get("results").get(0);
    }

    private static JsonNode serviceCase(String cdrId) throws IOException {
        for (JsonNode c : Api.json().readTree(read("/golden-services.json"))) {
            if (c.get("cdr").get("cdrId").asText().equals(cdrId)) {
                return c.get("cdr");
            }
        }
        throw new IllegalArgumentException(cdrId);
    }

    private static JsonNode goldenCase(int index) throws IOException {
        return Api.json().readTree(read("/golden-cdrs.json")).get(index).get("cdr");
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = ShippedServicesUpgradeTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
