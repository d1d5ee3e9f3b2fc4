package ru.ccbilling.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.Api;
import ru.ccbilling.BillingApiTest;
import ru.ccbilling.inventory.Holders;
import ru.ccbilling.inventory.NumberKind;
import ru.ccbilling.period.Finance;

/**
 * Virtual-office numbers (tariff sheet 7): an account holds one with its channels, the wrong combinations are
 * refused naming the field, rating can tell who held it on a date, and the month's close rents it by its channels.
 */
@BillingApiTest
class VirtualOfficeNumbersApiTest {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 10);

    @LocalServerPort
    int port;

    @Autowired
    Holders holders;

    /** a unique Moscow number, as virtual-office numbers are */
    private static String newVirtualOfficeNumber() {
        return "7495" + String.format("%07d", SEQUENCE.incrementAndGet() % 10_000_000);
    }

    private static Map<String, Object> body(String number, String from, String to, String kind, Object channels) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", number);
        body.put("validFrom", from);
        if (to != null) {
            body.put("validTo", to);
        }
        if (kind != null) {
            body.put("kind", kind);
        }
        if (channels != null) {
            body.put("channels", channels);
        }
        return body;
    }

    private static Api.Response assign(Api api, String account, Map<String, Object> body) {
        return api.post("/api/v1/accounts/" + account + "/numbers", body);
    }

    @Test
    void anAccountHoldsAVirtualOfficeNumberWithItsChannels() {
        Finance f = new Finance(port);
        String account = f.openAccount("VOA");
        String number = newVirtualOfficeNumber();
        Api.Response r = assign(f.finance, account, body(number, "2026-01-01", null, "VIRTUAL_OFFICE", 3));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.body().get("kind").asText()).isEqualTo("VIRTUAL_OFFICE");
        assertThat(r.body().get("channels").asInt()).isEqualTo(3);

        JsonNode listed = f.finance.get("/api/v1/accounts/" + account + "/numbers").body();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("number").asText()).isEqualTo(number);
        assertThat(listed.get(0).get("kind").asText()).isEqualTo("VIRTUAL_OFFICE");
        assertThat(listed.get(0).get("channels").asInt()).isEqualTo(3);
    }

    @Test
    void an800NumberStaysTheDefaultKindWithoutChannels() {
        Finance f = new Finance(port);
        String account = f.openAccount("VOB");
        f.holdNumber(account, Finance.newNumber(), "2026-01-01", null);
        JsonNode listed = f.finance.get("/api/v1/accounts/" + account + "/numbers").body();
        assertThat(listed.get(0).get("kind").asText()).isEqualTo("TOLL_FREE_800");
        assertThat(listed.get(0).has("channels") && !listed.get(0).get("channels").isNull()).isFalse();
    }

    @Test
    void aVirtualOfficeNumberWithoutChannelsIsRefusedNamingChannels() {
        Finance f = new Finance(port);
        String account = f.openAccount("VOC");
        Api.Response r = assign(f.finance, account, body(newVirtualOfficeNumber(), "2026-01-01", null, "VIRTUAL_OFFICE", null));
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.body().get("errors").get(0).get("field").asText()).isEqualTo("channels");
        assertThat(r.body().get("errors").get(0).get("message").asText())
                .isEqualTo("обязательно для номера виртуального офиса (kind VIRTUAL_OFFICE): число каналов, 1 или больше");
        assertThat(f.finance.get("/api/v1/accounts/" + account + "/numbers").body()).isEmpty();
    }

    @Test
    void channelsOfAn800NumberAreRefusedInRussianAndInEnglish() {
        Finance f = new Finance(port);
        String account = f.openAccount("VOD");
        Api.Response r = assign(f.finance, account, body(Finance.newNumber(), "2026-01-01", null, null, 2));
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.body().get("errors").get(0).get("field").asText()).isEqualTo("channels");
        assertThat(r.body().get("errors").get(0).get("message").asText()).startsWith("число каналов задаётся только");
        Api.Response english = assign(f.finance.inEnglish(), account,
                body(Finance.newNumber(), "2026-01-01", null, "TOLL_FREE_800", 2));
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.body().get("errors").get(0).get("message").asText()).isEqualTo(
                "channels are set for a virtual-office number (kind VIRTUAL_OFFICE) only, not for an 8-800 number");
    }

    @Test
    void zeroChannelsAndAn800NumberAsAVirtualOfficeAreRefused() {
        Finance f = new Finance(port);
        String account = f.openAccount("VOE");
        Api.Response zero = assign(f.finance, account, body(newVirtualOfficeNumber(), "2026-01-01", null, "VIRTUAL_OFFICE", 0));
        assertThat(zero.status()).as(zero.raw()).isEqualTo(400);
        assertThat(zero.body().get("errors").findValuesAsText("field")).containsExactly("channels");
        String tollFree = Finance.newNumber();
        Api.Response asOffice = assign(f.finance, account, body(tollFree, "2026-01-01", null, "VIRTUAL_OFFICE", 2));
        assertThat(asOffice.status()).as(asOffice.raw()).isEqualTo(400);
        assertThat(asOffice.body().get("errors").get(0).get("field").asText()).isEqualTo("kind");
        assertThat(asOffice.body().get("errors").get(0).get("message").asText())
                .isEqualTo("номер " + tollFree + " — номер 8-800, он не может быть номером виртуального офиса (VIRTUAL_OFFICE)");
        Api.Response unknownKind = assign(f.finance, account, body(newVirtualOfficeNumber(), "2026-01-01", null, "GEOGRAPHIC", 2));
        assertThat(unknownKind.status()).as(unknownKind.raw()).isEqualTo(400);
    }

    @Test
    void ratingCanTellWhoHeldAVirtualOfficeNumberOnADate() {
        Finance f = new Finance(port);
        String first = f.openAccount("VOF");
        String second = f.openAccount("VOG");
        String number = newVirtualOfficeNumber();
        assertThat(assign(f.finance, first, body(number, "2026-01-01", "2026-03-01", "VIRTUAL_OFFICE", 2)).status()).isEqualTo(201);
        assertThat(assign(f.finance, second, body(number, "2026-03-01", null, "VIRTUAL_OFFICE", 5)).status()).isEqualTo(201);

        assertThat(holders.on(number, java.time.LocalDate.of(2026, 2, 28))).hasValueSatisfying(h -> {
            assertThat(h.account()).isEqualTo(first);
            assertThat(h.kind()).isEqualTo(NumberKind.VIRTUAL_OFFICE);
            assertThat(h.channels()).isEqualTo(2);
        });
        assertThat(holders.on(number, java.time.LocalDate.of(2026, 3, 1))).map(Holders.Holding::account).contains(second);
        assertThat(holders.on(number, java.time.LocalDate.of(2025, 12, 31))).isEmpty();
        assertThat(holders.all()).filteredOn(h -> h.number().equals(number)).hasSize(2);
    }

    @Test
    void closingTheMonthRentsTheVirtualOfficeNumberByItsChannelsAsItsOwnEntry() {
        Finance f = new Finance(port);
        String account = f.openAccount("VOH");
        String office = newVirtualOfficeNumber();
        String tollFree = Finance.newNumber();
        // 2 channels to the 16th, then 4: 900 × 15/31 and 1400 × 16/31; the 8-800 number keeps its rental
        assertThat(assign(f.finance, account, body(office, "2026-01-01", "2026-05-16", "VIRTUAL_OFFICE", 2)).status()).isEqualTo(201);
        assertThat(assign(f.finance, account, body(office, "2026-05-16", null, "VIRTUAL_OFFICE", 4)).status()).isEqualTo(201);
        f.holdNumber(account, tollFree, "2026-01-01", null);

        f.close("2026-05", account);

        List<JsonNode> fees = f.entries(account, "2026-05", "MONTHLY_FEE");
        assertThat(fees).extracting(e -> e.get("component").asText() + " " + e.get("reference").asText() + " "
                        + plain(e.get("quantity")) + " " + plain(e.get("rate")) + " " + plain(e.get("amount")))
                .containsExactlyInAnyOrder(
                        "NUMBER_RENTAL " + tollFree + " 31 1500 1500",
                        "VIRTUAL_OFFICE_NUMBER " + office + " 15 900 435.48",
                        "VIRTUAL_OFFICE_NUMBER " + office + " 16 1400 722.58");
        assertThat(fees).noneMatch(e -> e.get("component").asText().equals("NUMBER_RENTAL")
                && e.get("reference").asText().equals(office));
    }

    private static String plain(JsonNode value) {
        return new java.math.BigDecimal(value.asText()).stripTrailingZeros().toPlainString();
    }
}
