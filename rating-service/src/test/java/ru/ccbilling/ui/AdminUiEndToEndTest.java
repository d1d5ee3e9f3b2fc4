package ru.ccbilling.ui;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import ru.ccbilling.PlatformTest;

/**
 * The admin UI in a real browser (Debian's Chromium driven by playwright-core) against the running
 * platform: sign in, find a submitted CDR, open it, see its lines, switch to English.
 * The browser script is admin-ui/e2e/run.mjs.
 */
@PlatformTest
@TestPropertySource(properties = "ccbilling.test.context=browser") // its own context and database: it publishes tariffs
class AdminUiEndToEndTest {

    @LocalServerPort
    int port;

    @Test
    void aTariffManagerSignsInAndSeesARatedCallWithItsLines() throws Exception {
        BrowserScript.passes("e2e/run.mjs", port, 120, Map.of("E2E_USER", "manager", "E2E_PASSWORD", "manager", "E2E_API_KEY", "demo-api-key"));
    }
}
