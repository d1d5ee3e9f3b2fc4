package ru.ccbilling.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import ru.ccbilling.BillingCoreTestApplication;
import ru.ccbilling.testing.TestDatabase;

@SpringBootTest(classes = BillingCoreTestApplication.class)
@ContextConfiguration(initializers = TestDatabase.class)
class JobsTest {

    @Autowired
    Jobs jobs;
    @Autowired
    CountingJob counting;

    @Test
    void aJobRecordsItsProgressCountsAndResult() throws Exception {
        UUID id = jobs.start(counting, new CountingJob.Count(10, null), "counting", "tester");
        Job job = await(id);
        assertThat(job.state()).isEqualTo(Job.State.SUCCEEDED);
        assertThat(job.done()).isEqualTo(10);
        assertThat(job.total()).isEqualTo(10);
        assertThat(job.counts()).containsEntry("EVEN", 5L).containsEntry("ODD", 5L);
        assertThat(job.result()).contains("45");
        assertThat(job.startedBy()).isEqualTo("tester");
    }

    @Test
    void aFailingJobSaysItFailedWithoutTheExceptionsText() throws Exception {
        Job job = jobs.runHere(counting, new CountingJob.Count(6, "the disk is full"), "failing", "tester");
        assertThat(job.state()).isEqualTo(Job.State.FAILED);
        // the exception's text may quote SQL or data: it goes to the log, never to whoever reads the job
        assertThat(job.error()).isEqualTo(Jobs.FAILED + job.id() + ")").doesNotContain("disk");
        assertThat(job.done()).isEqualTo(3);
    }

    @Test
    void aJobRefusedOnTheWayRecordsTheRefusalsRussianText() throws Exception {
        Job job = jobs.runHere(counting, new CountingJob.Count(6, "refused:2099-01"), "refused", "tester");
        assertThat(job.state()).isEqualTo(Job.State.FAILED);
        // a refusal is written for the user: it names the conflict, in Russian
        assertThat(job.error()).contains("2099-01", "не закрыт");
    }

    @Test
    void aJobsResultIsTheRecordItsHandlerAnswered() throws Exception {
        UUID id = jobs.start(counting, new CountingJob.Count(4, null), "counting", "tester");
        await(id);
        assertThat(jobs.result(id, counting)).contains(new CountingJob.Sum(6));
        assertThat(jobs.find(id).orElseThrow().result()).isEqualTo("{\"sum\": 6}");
    }

    private Job await(UUID id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Job job = jobs.find(id).orElseThrow();
            if (job.state() != Job.State.RUNNING) {
                return job;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("job did not finish");
    }
}
