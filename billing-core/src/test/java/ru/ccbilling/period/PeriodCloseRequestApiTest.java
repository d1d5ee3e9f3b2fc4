package ru.ccbilling.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.ccbilling.Api;
import ru.ccbilling.BillingApiTest;

/** What a close request may say: the accounts to close, or nothing at all for every account; never an empty list. */
@BillingApiTest
class PeriodCloseRequestApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anEmptyListOfAccountsIsRefusedNamingAccountsAndClosesNothing() {
        Finance f = new Finance(port);
        Api.Response r = f.finance.post("/api/v1/periods/2024-10/close", Map.of("accounts", List.of()));
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.body().get("errors").findValuesAsText("field")).containsExactly("accounts");
        assertThat(jdbc.queryForObject("select count(*) from account_close where month = '2024-10-01'", Long.class)).isZero();
    }

    @Test
    void aCloseWithoutABodyOrContentTypeClosesEveryAccount() {
        Finance f = new Finance(port);
        // at least one account to close, whichever tests ran before in this database
        String account = f.openAccount("PCR");
        Api.Response r = f.finance.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/periods/2024-11/close")).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(r.status()).as(r.raw()).isEqualTo(202);
        f.awaitJob(r.body().get("id").asText());
        assertThat(f.period("2024-11").get("state").asText()).isEqualTo("CLOSED");
        assertThat(jdbc.queryForObject(
                "select count(*) from account_close where month = '2024-11-01' and account_code = ?", Long.class,
                account)).isEqualTo(1);
    }

    @Test
    void aMonthOutsideTheYears2000To2100IsRefusedNamingTheMonth() {
        Finance f = new Finance(port);
        for (String month : List.of("0001-01", "9999-12", "1999-12")) {
            Api.Response r = f.finance.post("/api/v1/periods/" + month + "/close", "{}");
            assertThat(r.status()).as(r.raw()).isEqualTo(400);
            assertThat(r.body().get("errors").findValuesAsText("field")).containsExactly("month");
        }
    }
}
