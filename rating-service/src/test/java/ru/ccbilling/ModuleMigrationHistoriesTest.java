package ru.ccbilling;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import ru.ccbilling.testing.TestDatabase;

/**
 * Each module migrates with its own history: billing-core's in flyway_history_billing_core, rating-service's in
 * flyway_history_rating. A database of the single history of before (flyway_schema_history, one version sequence
 * across modules) starts with the new code and runs nothing again.
 */
class ModuleMigrationHistoriesTest {

    private static final String BILLING = "db/migration/billing";
    private static final String RATING = "db/migration/rating";

    @Test
    void aFreshDatabaseGetsOneHistoryPerModule() throws Exception {
        TestDatabase.Connection db = TestDatabase.newDatabase();
        try (ConfigurableApplicationContext app = start(db)) {
            assertThat(successfulScripts(db, "flyway_history_billing_core")).containsExactlyInAnyOrderElementsOf(scripts(BILLING));
            assertThat(successfulScripts(db, "flyway_history_rating")).containsExactlyInAnyOrderElementsOf(scripts(RATING));
            assertThat(exists(db, "flyway_schema_history")).isFalse();
            assertThat(rows(db, "select version from flyway_history_rating where type = 'BASELINE'"))
                    .as("rating's history starts among billing's tables").containsExactly("0");
            assertThat(rows(db, "select version from flyway_history_billing_core where type = 'BASELINE'")).isEmpty();
        }
    }

    @Test
    void aDatabaseOfTheSingleHistoryStartsWithoutRunningAnythingAgain() throws Exception {
        TestDatabase.Connection db = TestDatabase.newDatabase();
        Flyway.configure().dataSource(db.url(), db.user(), db.password())
                .locations("classpath:" + BILLING, "classpath:" + RATING).load().migrate();
        execute(db, "insert into account (code, client_name) values ('LEGACY-1', 'ООО «Старая база»')");
        String historyColumns = "installed_rank, version, script, checksum, installed_on, success";
        List<String> legacy = rows(db, "select " + historyColumns + " from flyway_schema_history order by 1");
        List<String> tablesBefore = rows(db, "select tablename from pg_tables where schemaname = 'public' order by 1");

        try (ConfigurableApplicationContext app = start(db)) {
            List<String> billing = rows(db, "select " + historyColumns + " from flyway_history_billing_core order by 1");
            List<String> rating = rows(db, "select " + historyColumns + " from flyway_history_rating order by 1");
            assertThat(billing).as("billing's rows of the old history, as they were: nothing ran again")
                    .isEqualTo(rowsOfScripts(legacy, scripts(BILLING)));
            assertThat(rating).as("rating's rows of the old history, as they were: nothing ran again")
                    .isEqualTo(rowsOfScripts(legacy, scripts(RATING)));
            assertThat(successfulScripts(db, "flyway_history_billing_core")).containsExactlyInAnyOrderElementsOf(scripts(BILLING));
            assertThat(successfulScripts(db, "flyway_history_rating")).containsExactlyInAnyOrderElementsOf(scripts(RATING));

            assertThat(rows(db, "select " + historyColumns + " from flyway_schema_history order by 1"))
                    .as("the old history is left as it was").isEqualTo(legacy);
            assertThat(rows(db, "select obj_description('flyway_schema_history'::regclass)").get(0))
                    .contains("nothing reads this table");
            List<String> tablesAfter = new ArrayList<>(tablesBefore);
            tablesAfter.addAll(List.of("flyway_history_billing_core", "flyway_history_rating"));
            assertThat(rows(db, "select tablename from pg_tables where schemaname = 'public' order by 1"))
                    .containsExactlyInAnyOrderElementsOf(tablesAfter);
            assertThat(rows(db, "select client_name from account where code = 'LEGACY-1'"))
                    .containsExactly("ООО «Старая база»");
        }
        List<String> billing = rows(db, "select * from flyway_history_billing_core order by 1");
        List<String> rating = rows(db, "select * from flyway_history_rating order by 1");
        try (ConfigurableApplicationContext again = start(db)) {
            assertThat(rows(db, "select * from flyway_history_billing_core order by 1")).as("a restart").isEqualTo(billing);
            assertThat(rows(db, "select * from flyway_history_rating order by 1")).as("a restart").isEqualTo(rating);
        }
    }

    private static ConfigurableApplicationContext start(TestDatabase.Connection db) {
        return SpringApplication.run(RatingServiceApplication.class, "--server.port=0",
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password());
    }

    /** the migration files of a module's location */
    private static List<String> scripts(String location) {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:" + location + "/*.sql");
            assertThat(files).isNotEmpty();
            return Arrays.stream(files).map(Resource::getFilename).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** the history rows (as {@link #rows} gives them, script third) of these scripts */
    private static List<String> rowsOfScripts(List<String> history, List<String> scripts) {
        return history.stream().filter(row -> scripts.contains(row.split(" \\| ")[2])).toList();
    }

    private static List<String> successfulScripts(TestDatabase.Connection db, String history) throws Exception {
        return rows(db, "select script from " + history + " where success and type <> 'BASELINE'");
    }

    private static boolean exists(TestDatabase.Connection db, String table) throws Exception {
        return rows(db, "select to_regclass('" + table + "') is not null").get(0).equals("t");
    }

    private static void execute(TestDatabase.Connection db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** each row as its columns joined by " | " */
    private static List<String> rows(TestDatabase.Connection db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(rs.getString(i));
                }
                rows.add(String.join(" | ", values));
            }
            return rows;
        }
    }
}
