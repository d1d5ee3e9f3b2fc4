package ru.ccbilling.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import ru.ccbilling.BillingCoreTestApplication;
import ru.ccbilling.testing.TestDatabase;

/** Accounts round-trip through PostgreSQL with their tariffs and dedicated operators by date. */
@SpringBootTest(classes = BillingCoreTestApplication.class)
@ContextConfiguration(initializers = TestDatabase.class)
class AccountDirectoryTest {

    @Autowired
    AccountDirectory directory;

    @Test
    void anAccountKnowsItsTariffAndDedicatedOperatorsByDate() {
        String code = "ACC-T" + System.nanoTime();
        assertThat(directory.open(new Account(code, "ООО «Тест»",
                Set.of(new Account.TariffAssignment("CC-STANDARD-2026", LocalDate.of(2026, 1, 1), null)), Set.of())))
                .isTrue();
        directory.addDedicatedOperator(code, new Account.DedicatedOperator("OP-101", LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 3, 1)));

        Account account = directory.find(code).orElseThrow();
        assertThat(account.clientName()).isEqualTo("ООО «Тест»");
        assertThat(account.tariffOn(LocalDate.of(2025, 12, 31))).isEmpty();
        assertThat(account.tariffOn(LocalDate.of(2026, 1, 1))).contains("CC-STANDARD-2026");
        assertThat(account.dedicates("OP-101", LocalDate.of(2026, 2, 15))).isTrue();
        assertThat(account.dedicates("OP-101", LocalDate.of(2026, 3, 1))).isFalse();
        assertThat(account.dedicates("OP-102", LocalDate.of(2026, 2, 15))).isFalse();
    }

    @Test
    void theSameCodeCannotBeOpenedTwice() {
        String code = "ACC-D" + System.nanoTime();
        assertThat(directory.open(new Account(code, "A", Set.of(), Set.of()))).isTrue();
        assertThat(directory.open(new Account(code, "B", Set.of(), Set.of()))).isFalse();
        assertThat(directory.find(code).orElseThrow().clientName()).isEqualTo("A");
    }
}
