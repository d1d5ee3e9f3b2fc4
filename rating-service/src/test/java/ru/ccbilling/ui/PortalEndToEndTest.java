package ru.ccbilling.ui;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import ru.ccbilling.PlatformTest;

/**
 * The client portal in a real browser (admin-ui/e2e/portal.mjs): the administrator creates a client user in the UI,
 * the user signs in on a phone-sized screen and sees ACC-1001's dashboard, calls and March documents, downloads the
 * month's ZIP; the other client sees none of it.
 */
@PlatformTest
@TestPropertySource(properties = "ccbilling.test.context=portal-browser") // its own database: it closes March
class PortalEndToEndTest {

    @LocalServerPort
    int port;

    @Test
    void aClientUserSeesTheOwnDashboardCallsAndDocumentsAndNothingOfAnotherClient() throws Exception {
        BrowserScript.passes("e2e/portal.mjs", port, 150, Map.of());
    }
}
