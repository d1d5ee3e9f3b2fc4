package ru.ccbilling.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.PlatformTest;

/**
 * June 2026, with NETWORK minutes inserted as rated CDR rows: the volume coefficient of the tariff sheet
 * (1.00 up to 10,000 minutes, 0.95 to 50,000, 0.90 above) as one discount line, and the partner's 35% of what remains.
 */
@PlatformTest
class VolumeDiscountApiTest {

    private static final String MONTH = "2026-06";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theCoefficientOfTheMonthsMinutesDiscountsNetworkOnce() {
        Finance f = new Finance(port);
        String exactly10k = f.openAccount("VDA");
        String over10k = f.openAccount("VDB");
        String over50k = f.openAccount("VDC");
        network(exactly10k, 600_000, "9000.00");                       // 10,000 min at 0.90
        network(over10k, 240_000, "11600.00");                         // 3 x 4,000 min at 2.90
        network(over10k, 240_000, "11600.00");
        network(over10k, 240_000, "11600.00");
        network(over10k, 60, "2.10");                                  // and 1 more minute: 12,001 min, 34,802.10
        network(over50k, 1_800_000, "36000.00");                       // 2 x 30,000 min at 1.20
        network(over50k, 1_800_000, "36000.00");

        f.close(MONTH, exactly10k, over10k, over50k);

        assertThat(f.entries(exactly10k, MONTH, "VOLUME_DISCOUNT")).isEmpty();
        assertThat(amount(f, exactly10k, "PARTNER_ACCRUAL")).isEqualTo("3150.00");

        JsonNode discount = single(f, over10k, "VOLUME_DISCOUNT");
        assertThat(discount.get("amount").asText()).isEqualTo("-1740.11");    // -round(34802.10 x 0.05) = -1740.105
        assertThat(discount.get("rate").asText()).isEqualTo("0.95");
        assertThat(discount.get("quantity").asText()).isEqualTo("12001");
        assertThat(amount(f, over10k, "PARTNER_ACCRUAL")).isEqualTo("11571.70");  // 0.35 x 33,061.99

        assertThat(amount(f, over50k, "VOLUME_DISCOUNT")).isEqualTo("-7200.00");
        assertThat(single(f, over50k, "VOLUME_DISCOUNT").get("rate").asText()).isEqualTo("0.9");
        assertThat(amount(f, over50k, "PARTNER_ACCRUAL")).isEqualTo("22680.00");  // 0.35 x 64,800.00

        JsonNode usage = f.finance.get("/api/v1/accounts/" + over10k + "/usage?month=" + MONTH).body();
        assertThat(usage.get("closed").asBoolean()).isTrue();
        assertThat(usage.get("total").asText()).isEqualTo("34802.10");
        assertThat(usage.get("networkMinutes").asText()).isEqualTo("12001");
        assertThat(usage.get("cdrs").asLong()).isEqualTo(4);
    }

    /** one rated inbound CDR row with a single NETWORK line, written straight into the table */
    private void network(String account, int billedSeconds, String amount) {
        String id = "vd-" + System.nanoTime();
        jdbc.update("""
                insert into cdr (source, cdr_id, start_time, received_at, call_type, caller, called, duration_sec,
                                 account_code, status, tariff_code, tariff_version, total, lines, record)
                values ('volume-test', ?, timestamptz '2026-06-15 12:00:00+03', now(), 'INBOUND_800', '79161234567',
                        '78000000000', ?, ?, 'RATED', 'CC-STANDARD-2026', 1, ?::numeric,
                        cdr_lines_encode(jsonb_build_array(jsonb_build_object('component', 'NETWORK', 'amount', ?,
                                                                             'billedSeconds', ?))), '\\x')
                """, id, billedSeconds, account, amount, amount, billedSeconds);
    }

    private static JsonNode single(Finance f, String account, String kind) {
        List<JsonNode> entries = f.entries(account, MONTH, kind);
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    private static String amount(Finance f, String account, String kind) {
        return single(f, account, kind).get("amount").asText();
    }
}
