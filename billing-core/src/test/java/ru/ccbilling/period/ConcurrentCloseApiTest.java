package ru.ccbilling.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.ccbilling.Api;
import ru.ccbilling.BillingApiTest;

/** Two finance users close May 2026 at the same moment: one close runs, the other is told, fees are charged once. */
@BillingApiTest
class ConcurrentCloseApiTest {

    private static final String MONTH = "2026-05";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void oneWinsTheOtherGetsAConflictAndNoFeeIsDoubled() throws Exception {
        Finance f = new Finance(port);
        String account = f.openAccount("CCA");
        f.holdNumber(account, Finance.newNumber(), "2026-01-01", null);
        List<Api> users = List.of(f.finance, f.as("admin"));
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (Api user : users) {
            answers.add(threads.submit(() -> {
                together.await();
                return user.post("/api/v1/periods/" + MONTH + "/close", "{}");
            }));
        }
        List<Api.Response> responses = new ArrayList<>();
        for (Future<Api.Response> answer : answers) {
            responses.add(answer.get());
        }
        threads.shutdown();

        List<Integer> statuses = responses.stream().map(Api.Response::status).sorted().toList();
        assertThat(statuses).containsExactly(202, 409);
        Api.Response winner = responses.stream().filter(r -> r.status() == 202).findFirst().orElseThrow();
        Api.Response loser = responses.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(loser.contentType()).contains("application/problem+json");
        assertThat(loser.body().get("detail").asText()).containsAnyOf("закрывается заданием", "уже закрыт");
        f.awaitJob(winner.body().get("id").asText());

        assertThat(f.entries(account, MONTH, "MONTHLY_FEE")).hasSize(1);
        assertThat(Finance.sum(f.entries(account, MONTH, "MONTHLY_FEE"))).isEqualByComparingTo("1500.00");
        Integer doubled = jdbc.queryForObject("""
                select count(*) from (select account_code from account_close where month = date '2026-05-01'
                 and reopened_at is null group by account_code having count(*) > 1) d""", Integer.class);
        assertThat(doubled).isZero();
        // the test's own account: other tests' accounts may hold a virtual-office number whose channels changed in
        // the month, which is rightly two entries for one number
        Integer feesTwice = jdbc.queryForObject("""
                select count(*) from (select account_code, reference from ledger_entry where period = date '2026-05-01'
                 and kind = 'MONTHLY_FEE' and reverses is null and account_code = ? group by 1, 2 having count(*) > 1) d""",
                Integer.class, account);
        assertThat(feesTwice).isZero();
    }
}
