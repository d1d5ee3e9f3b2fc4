package ru.ccbilling.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.ccbilling.tariff.TariffFixtures.TARIFF;
import static ru.ccbilling.tariff.TariffFixtures.draftFrom;
import static ru.ccbilling.tariff.TariffFixtures.model;
import static ru.ccbilling.tariff.TariffFixtures.put;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;
import ru.ccbilling.PlatformTest;
import ru.ccbilling.rules.ShippedTariff;

/** Databases holding the rules shipped before the model checks get today's rules, which price the same. */
@PlatformTest
@TestPropertySource(properties = "ccbilling.test.context=hostile-models")
class ShippedRulesUpgradeTest {

    @LocalServerPort
    int port;

    @Autowired
    ShippedRulesUpgrade upgrade;

    @Test
    void theRulesShippedBeforeTheChecksAreReplacedByTodaysRulesAndAudited() throws Exception {
        String before = read("/call-lines-before-checks.drl");
        assertThat(sha256(before)).isEqualTo(ShippedRulesUpgrade.RULES_BEFORE_CHECKS);
        Api manager = Api.as(port, "manager", "manager");
        int draft = draftFrom(manager, TARIFF, 1);
        put(manager, TARIFF, draft, "call-lines.drl", "DRL", before);
        assertThat(manager.post("/api/v1/tariffs/" + TARIFF + "/versions/" + draft + "/validate", "").body()
                .get("valid").asBoolean()).as("the old rules declare functions").isFalse();

        upgrade.run();

        String today = ShippedTariff.models().stream().filter(m -> m.name().equals("call-lines.drl")).findFirst()
                .orElseThrow().content();
        assertThat(model(manager, TARIFF, draft, "call-lines.drl")).isEqualTo(today);
        JsonNode audit = manager.get("/api/v1/tariffs/" + TARIFF + "/audit").body();
        assertThat(audit.findValuesAsText("detail")).anyMatch(d -> d.contains("переписана для проверок моделей"));
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = ShippedRulesUpgradeTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
