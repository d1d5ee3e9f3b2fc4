package ru.ccbilling.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

import ru.ccbilling.BillingCoreTestApplication;
import ru.ccbilling.job.Job;
import ru.ccbilling.testing.SampleStatements;
import ru.ccbilling.testing.TestDatabase;

/**
 * The month's run for 10,000 accounts (invoice, act and VAT invoice each: 30,000 PDFs stored in PostgreSQL).
 * Not part of the default build (tag "benchmark"); run it with
 * {@code ./mvnw -q -pl billing-core verify -Dgroups=benchmark -DexcludedGroups= -Dtest=DocumentRunBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbenchmark.accounts=N} for another size).
 */
@Tag("benchmark")
@org.springframework.context.annotation.Import(DocumentRunBenchmark.GeneratedBilling.class)
@SpringBootTest(classes = BillingCoreTestApplication.class)
@ContextConfiguration(initializers = TestDatabase.class)
class DocumentRunBenchmark {

    static final YearMonth MONTH = YearMonth.of(2026, 3);
    static final int ACCOUNTS = Integer.getInteger("benchmark.accounts", 10_000);

    @TestConfiguration
    static class GeneratedBilling {
        @Bean
        StatementSource statements() {
            return new StatementSource() {
                @Override
                public Optional<Statement> statement(String account, YearMonth month) {
                    Statement s = SampleStatements.generated(Integer.parseInt(account.substring(5)), month);
                    Statement.Client c = s.client();
                    // every account gets the invoice, the act and the VAT invoice
                    return Optional.of(new Statement(s.account(), s.month(), null, s.seller(), new Statement.Client(c.name(),
                            c.inn(), c.kpp(), c.legalAddress(), c.postalAddress(), c.delivery(), c.email(),
                            Statement.DocumentKind.VAT_INVOICE_AND_ACT, c.signatory()), s.contract(), s.lines()));
                }

                @Override
                public List<String> closedAccounts(YearMonth month) {
                    List<String> out = new ArrayList<>();
                    for (int n = 1; n <= ACCOUNTS; n++) {
                        out.add(String.format("ACC-2%05d", n));
                    }
                    return out;
                }

                @Override
                public boolean isClosed(String account, YearMonth month) {
                    return true;
                }

                @Override
                public List<Correction> corrections(String account, YearMonth month) {
                    return List.of();
                }
            };
        }
    }

    @Autowired
    DocumentRun run;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void tenThousandAccountsInUnderFiveMinutes() {
        long start = System.nanoTime();
        Job job = run.runHere(MONTH, "benchmark");
        double seconds = (System.nanoTime() - start) / 1e9;
        Integer documents = jdbc.queryForObject("select count(*) from document", Integer.class);
        Long bytes = jdbc.queryForObject("select sum(length(pdf)) from document", Long.class);
        System.out.printf("BENCHMARK documents: %d accounts, %d documents (%d MB of PDF) in %.1f s = %.1f documents/s on %d cores%n",
                ACCOUNTS, documents, bytes / 1_000_000, seconds, documents / seconds, Runtime.getRuntime().availableProcessors());
        assertThat(job.state()).as(job.error()).isEqualTo(Job.State.SUCCEEDED);
        assertThat(documents).isEqualTo(ACCOUNTS * 3);
    }
}
