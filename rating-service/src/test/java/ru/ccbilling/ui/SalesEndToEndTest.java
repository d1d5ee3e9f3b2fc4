package ru.ccbilling.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import ru.ccbilling.PlatformTest;
import ru.ccbilling.period.Finance;
import ru.ccbilling.tariff.sales.SalesSheet;

/**
 * Issue 17's "Done when" in a real browser (admin-ui/e2e/sales.mjs): sales build ACC-1001's tariff (10% off operator
 * work, MSK operator minute 16.00, minimum payment 20,000.00) in the builder, quote it on ACC-1001's March 2026
 * traffic, submit it; the manager approves it and publishes it from 2026-04-01. Then April's calls are priced by it and
 * the April close posts the top-up. Every amount is computed here from the tariff sheet and handed to the script.
 */
@PlatformTest
@TestPropertySource(properties = "ccbilling.test.context=sales-browser") // its own database: it publishes and closes
class SalesEndToEndTest {

    private static final String CODE = "ROMASHKA-E2E";

    @LocalServerPort
    int port;

    @Test
    void salesBuildQuoteSubmitTheManagerApprovesAndAprilIsPricedAndToppedUpByIt() throws Exception {
        Finance f = new Finance(port);
        List<String> march = List.of(
                SalesSheet.call("e2e-sales", "m1", "2026-03-10T10:15:00+03:00", "OPERATOR", 300, "OP-102"),
                SalesSheet.call("e2e-sales", "m2", "2026-03-11T11:00:00+03:00", "OPERATOR", 180, "OP-202"),
                SalesSheet.call("e2e-sales", "m3", "2026-03-12T12:00:00+03:00", "IVR", 60, null));
        SalesSheet.post(f, march);
        BigDecimal marchClient = SalesSheet.usage(march)[1];
        BrowserScript.passes("e2e/sales.mjs", port, 180, Map.of(
                "E2E_CODE", CODE,
                "E2E_NSK_PRICE", SalesSheet.discounted(SalesSheet.standardRate(march.get(1))).toPlainString(),
                "E2E_OPERATOR_STANDARD", SalesSheet.operator(march, false).toPlainString(),
                "E2E_OPERATOR_CLIENT", SalesSheet.operator(march, true).toPlainString(),
                "E2E_TOPUP", SalesSheet.MINIMUM.subtract(marchClient).toPlainString()));

        List<String> april = List.of(
                SalesSheet.call("e2e-sales", "a1", "2026-04-07T10:15:00+03:00", "OPERATOR", 600, "OP-102"),
                SalesSheet.call("e2e-sales", "a2", "2026-04-08T11:00:00+03:00", "OPERATOR", 240, "OP-202"),
                SalesSheet.call("e2e-sales", "a3", "2026-04-09T12:00:00+03:00", "IVR", 120, null));
        SalesSheet.post(f, april);
        BigDecimal aprilClient = SalesSheet.usage(april)[1];
        BigDecimal stored = BigDecimal.ZERO;
        for (String id : List.of("a1", "a2", "a3")) {
            var cdr = f.finance.get("/api/v1/cdrs/e2e-sales/" + id).body();
            assertThat(cdr.get("tariff").asText()).isEqualTo(CODE);
            stored = stored.add(new BigDecimal(cdr.get("total").asText()));
        }
        assertThat(stored).isEqualByComparingTo(aprilClient);

        f.close("2026-04", "ACC-1001");
        assertThat(Finance.sum(f.entries("ACC-1001", "2026-04", "USAGE"))).isEqualByComparingTo(aprilClient);
        var topUp = f.entries("ACC-1001", "2026-04", "MINIMUM_TOPUP");
        assertThat(topUp).hasSize(1);
        assertThat(new BigDecimal(topUp.get(0).get("amount").asText())).isEqualByComparingTo(SalesSheet.MINIMUM.subtract(aprilClient));
    }
}
