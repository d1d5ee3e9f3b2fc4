package ru.ccbilling.ui;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import ru.ccbilling.PlatformTest;

/**
 * Issue 14's "Done when": each role's daily journey in Chromium, in Russian, with no English text, raw code or 403 on
 * the way (admin-ui/e2e/journeys.mjs): the tariff manager edits and publishes a rate; finance fixes an
 * UNKNOWN_ACCOUNT reject by assigning the number and reprocesses it; finance closes the previous month from the
 * cockpit, runs its documents and downloads a delivery list.
 */
@PlatformTest
@TestPropertySource(properties = "ccbilling.test.context=journeys-browser") // its own database: it publishes and closes
class DailyJourneysEndToEndTest {

    @LocalServerPort
    int port;

    @Test
    void eachRoleDoesItsDailyJobInRussianWithoutEnglishRawCodesOrRefusals() throws Exception {
        BrowserScript.passes("e2e/journeys.mjs", port, 480, Map.of("E2E_API_KEY", "demo-api-key",
                "E2E_USER", "manager", "E2E_PASSWORD", "manager"));
    }
}
