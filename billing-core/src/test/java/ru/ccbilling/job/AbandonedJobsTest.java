package ru.ccbilling.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

import ru.ccbilling.BillingCoreTestApplication;
import ru.ccbilling.account.Account;
import ru.ccbilling.account.AccountDirectory;
import ru.ccbilling.period.PeriodClose;
import ru.ccbilling.period.Periods;
import ru.ccbilling.testing.TestDatabase;

/** A job whose instance died (RUNNING, no longer touched) is run again by a live instance, from what it stored. */
@SpringBootTest(classes = BillingCoreTestApplication.class)
@ContextConfiguration(initializers = TestDatabase.class)
class AbandonedJobsTest {

    private static final YearMonth MONTH = YearMonth.of(2025, 6);

    @Autowired
    Jobs jobs;
    @Autowired
    AbandonedJobs abandoned;
    @Autowired
    PeriodClose close;
    @Autowired
    Periods periods;
    @Autowired
    AccountDirectory accounts;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCloseInterruptedByACrashIsResumedByItselfAndClosesEachAccountOnce() throws Exception {
        List<String> codes = List.of(open("ACC-R1"), open("ACC-R2"), open("ACC-R3"));
        await(close.request(MONTH, List.of(codes.get(0)), "finance"));   // the first was closed before the crash
        UUID job = leftByADeadInstance(PeriodClose.JOB_KIND,
                "{\"month\": \"2025-06\", \"accounts\": [\"%s\", \"%s\", \"%s\"], \"actor\": \"finance\"}"
                        .formatted(codes.get(0), codes.get(1), codes.get(2)), 1);
        jdbc.update("update financial_period set closing_job = ? where month = date '2025-06-01'", job);

        abandoned.sweep();

        Job resumed = await(job);
        assertThat(resumed.state()).isEqualTo(Job.State.SUCCEEDED);
        assertThat(resumed.counts()).containsEntry("CLOSED", 2L).containsEntry("SKIPPED", 1L);
        PeriodClose.Closed result = jobs.result(job, close).orElseThrow();
        assertThat(result.month()).isEqualTo(MONTH);
        assertThat(result.closed()).isEqualTo(2);
        assertThat(result.state()).isEqualTo(periods.find(MONTH).state());
        for (String code : codes) {
            assertThat(jdbc.queryForObject("select count(*) from account_close where account_code = ? and month = date '2025-06-01'",
                    Integer.class, code)).as(code).isEqualTo(1);
        }
        assertThat(periods.find(MONTH).closingJob()).isNull();
    }

    @Test
    void aJobInterruptedThreeTimesFailsWithTheUsualText() throws Exception {
        UUID job = leftByADeadInstance("TEST", "{\"upTo\": 3}", AbandonedJobs.MAX_ATTEMPTS);
        abandoned.sweep();
        Job failed = await(job);
        assertThat(failed.state()).isEqualTo(Job.State.FAILED);
        assertThat(failed.error()).isEqualTo(Jobs.FAILED + job + ")");
    }

    @Test
    void aJobThatCannotBeRunAgainIsInterrupted() throws Exception {
        UUID unknownKind = leftByADeadInstance("NO_SUCH_KIND", "{}", 1);
        UUID withoutParams = leftByADeadInstance("TEST", null, 1);
        abandoned.sweep();
        assertThat(await(unknownKind).state()).isEqualTo(Job.State.INTERRUPTED);
        assertThat(await(withoutParams).state()).isEqualTo(Job.State.INTERRUPTED);
    }

    @Test
    void aJobItsInstanceStillTouchesIsLeftAlone() {
        UUID job = UUID.randomUUID();
        jdbc.update("insert into job (id, kind, state, params, started_by) values (?, 'TEST', 'RUNNING', '{\"upTo\": 3}', 'tester')", job);
        abandoned.sweep();
        assertThat(jobs.find(job).orElseThrow().state()).isEqualTo(Job.State.RUNNING);
        assertThat(jdbc.queryForObject("select attempts from job where id = ?", Integer.class, job)).isEqualTo(1);
        jdbc.update("delete from job where id = ?", job);
    }

    /** a RUNNING job as an instance killed a minute ago leaves it: not touched since */
    private UUID leftByADeadInstance(String kind, String params, int attempts) {
        UUID id = UUID.randomUUID();
        OffsetDateTime minuteAgo = OffsetDateTime.now().minusMinutes(1);
        jdbc.update("""
                insert into job (id, kind, state, description, params, attempts, started_by, started_at, updated_at)
                values (?, ?, 'RUNNING', 'left by a crash', ?::jsonb, ?, 'finance', ?, ?)""",
                id, kind, params, attempts, minuteAgo, minuteAgo);
        return id;
    }

    private String open(String prefix) {
        String code = prefix + "-" + System.nanoTime();
        accounts.open(new Account(code, "ООО «Возобновление»", Set.of(), Set.of()));
        return code;
    }

    private Job await(UUID id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Job job = jobs.find(id).orElseThrow();
            if (job.state() != Job.State.RUNNING) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + id + " did not finish");
    }
}
