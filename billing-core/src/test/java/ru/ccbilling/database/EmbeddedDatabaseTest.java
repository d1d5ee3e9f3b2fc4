package ru.ccbilling.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL as the application gets it: durable (fsync on despite zonky's -F), the application signed
 * in as a role that is no superuser, a data directory of before taken over, and a server that dies started again.
 */
class EmbeddedDatabaseTest {

    @TempDir
    Path dir;

    private AnnotationConfigApplicationContext application(Path dataDirectory) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        TestPropertyValues.of("ccbilling.embedded-db.dir=" + dataDirectory, "ccbilling.embedded-db.port=0",
                "ccbilling.embedded-db.supervision-interval=500ms",
                "spring.datasource.hikari.connection-timeout=3000",
                "spring.datasource.hikari.data-source-properties.options=-c statement_timeout=30s -c lock_timeout=5s",
                "spring.datasource.hikari.data-source-properties.socketTimeout=45").applyTo(context);
        context.register(EmbeddedPostgresConfiguration.class, BindProperties.class);
        context.refresh();
        return context;
    }

    @Test
    void theServerWritesDurablyAndTheApplicationIsNoSuperuser() throws Exception {
        try (AnnotationConfigApplicationContext app = application(dir.resolve("pg"))) {
            DataSource dataSource = app.getBean(DataSource.class);
            assertThat(text(dataSource, "show fsync")).isEqualTo("on");
            assertThat(text(dataSource, "show synchronous_commit")).isEqualTo("on");
            assertThat(text(dataSource, "show full_page_writes")).isEqualTo("on");
            assertThat(text(dataSource, "select current_user || '@' || current_database()"))
                    .isEqualTo("ccbilling@ccbilling");
            assertThat(text(dataSource, "select rolsuper || ' ' || rolcreatedb || ' ' || rolcreaterole from pg_roles"
                    + " where rolname = current_user")).isEqualTo("false false false");
            assertThat(text(dataSource, "show statement_timeout")).isEqualTo("30s");
            assertThat(text(dataSource, "show lock_timeout")).isEqualTo("5s");
            assertThat(Files.getPosixFilePermissions(dir.resolve("pg").resolve(ApplicationRole.PASSWORD_FILE)))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void theApplicationRoleNeedsItsPassword() throws Exception {
        try (AnnotationConfigApplicationContext app = application(dir.resolve("pg"))) {
            EmbeddedDatabase database = app.getBean(EmbeddedDatabase.class);
            String url = database.jdbcUrl();
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> java.sql.DriverManager.getConnection(url, "ccbilling", "wrong").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        }
    }

    @Test
    void aDataDirectoryOfBeforeIsTakenOverByTheApplicationRole() throws Exception {
        Path pg = dir.resolve("old");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(pg).setCleanDataDirectory(false)
                .start(); Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table flyway_schema_history (installed_rank int primary key)");
            s.execute("create table account (id bigint generated always as identity primary key, code text)");
            s.execute("create table counter (id serial primary key)");
            s.execute("create sequence invoice_number");
            s.execute("create type kind as enum ('A', 'B')");
            s.execute("create function answer() returns int language sql as 'select 42'");
            s.execute("create table cdr (start_time timestamptz) partition by range (start_time)");
            s.execute("create table cdr_2026 partition of cdr for values from ('2026-01-01') to ('2027-01-01')");
            s.execute("create view accounts as select * from account");
            s.execute("insert into account (code) values ('A-1')");
        }
        try (AnnotationConfigApplicationContext app = application(pg)) {
            DataSource dataSource = app.getBean(DataSource.class);
            assertThat(text(dataSource, "select code from accounts")).isEqualTo("A-1");
            assertThat(text(dataSource, "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                    + " where n.nspname = 'public' and c.relowner <> 'ccbilling'::regrole")).isEqualTo("0");
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("insert into account (code) values ('A-2')");
                s.execute("select nextval('invoice_number'), nextval('counter_id_seq'), answer()");
                s.execute("alter table cdr add column total numeric(18,2)");
                s.execute("alter type kind add value 'C'");
            }
        }
        try (AnnotationConfigApplicationContext again = application(pg)) {
            assertThat(text(again.getBean(DataSource.class), "select count(*) from account")).isEqualTo("2");
        }
    }

    @Test
    void aServerKilledUnderTheApplicationIsStartedAgain() throws Exception {
        try (AnnotationConfigApplicationContext app = application(dir.resolve("pg"))) {
            DataSource dataSource = app.getBean(DataSource.class);
            EmbeddedDatabase database = app.getBean(EmbeddedDatabase.class);
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("create table note (text text)");
                s.execute("insert into note values ('before')");
            }
            long pid = database.pid().orElseThrow();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // SIGKILL
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            String answer = null;
            while (answer == null && System.nanoTime() < deadline) {
                try {
                    // a backend may still answer for a moment after its postmaster died
                    answer = database.pid().orElse(pid) == pid ? null : text(dataSource, "select text from note");
                } catch (SQLException down) {
                    answer = null;
                }
                Thread.sleep(200);
            }
            assertThat(answer).as("answered by a new server within 30 s").isEqualTo("before");
        }
    }

    @org.springframework.boot.context.properties.EnableConfigurationProperties
    static class BindProperties { }

    private static String text(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
