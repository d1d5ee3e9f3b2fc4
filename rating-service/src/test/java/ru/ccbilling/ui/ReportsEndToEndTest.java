package ru.ccbilling.ui;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import ru.ccbilling.PlatformTest;

/**
 * The report builder in a real browser (admin-ui/e2e/reports.mjs): finance builds a report of ACC-1001's April calls
 * by day, sees the totals the API answers, drills from a day to its calls and exports the report as CSV.
 */
@PlatformTest
@TestPropertySource(properties = "ccbilling.test.context=reports-browser") // its own database: its April is its own
class ReportsEndToEndTest {

    @LocalServerPort
    int port;

    @Test
    void financeBuildsAReportSeesTotalsDrillsDownAndExports() throws Exception {
        BrowserScript.passes("e2e/reports.mjs", port, 150, Map.of());
    }
}
