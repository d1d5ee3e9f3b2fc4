package ru.ccbilling.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

import ru.ccbilling.BillingCoreTestApplication;
import ru.ccbilling.testing.TestDatabase;

/** billing-core alone migrates billing's scripts only, into its own history. */
@SpringBootTest(classes = BillingCoreTestApplication.class)
@ContextConfiguration(initializers = TestDatabase.class)
class BillingCoreMigrationsTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void billingCoreMigratesItsOwnScriptsIntoItsOwnHistory() {
        assertThat(jdbc.queryForList("select script from flyway_history_billing_core where success", String.class))
                .contains("V1__accounts_and_inventory.sql", "V7__jobs.sql", "V21__ledger.sql", "V61__documents.sql")
                .allMatch(script -> script.startsWith("V"));
        assertThat(jdbc.queryForObject("select to_regclass('flyway_history_rating') is null"
                + " and to_regclass('flyway_schema_history') is null and to_regclass('cdr') is null", Boolean.class))
                .as("no rating history, no single history, no rating table").isTrue();
    }
}
