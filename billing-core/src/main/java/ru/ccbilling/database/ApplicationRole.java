package ru.ccbilling.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded server's application role: {@code ccbilling}, a login that owns the database {@code ccbilling} and
 * its objects and nothing else (no superuser, no CREATEDB, no CREATEROLE). The bootstrap runs as the superuser
 * {@code postgres} at every start and changes only what is missing, so it is idempotent. Its password is generated
 * once and kept in the data directory (mode 600); the server asks this role for it (scram-sha-256).
 * A data directory from before the role (the app's tables in the database {@code postgres}, owned by the superuser)
 * is taken over once: that database is renamed {@code ccbilling}, a new empty {@code postgres} is created, and every
 * object of schema public changes owner.
 */
final class ApplicationRole {

    static final String NAME = "ccbilling";
    static final String DATABASE = "ccbilling";
    static final String PASSWORD_FILE = "ccbilling.password";

    private static final Logger log = LoggerFactory.getLogger(ApplicationRole.class);

    private ApplicationRole() { }

    /** the role's password, generated on the first start */
    static String password(Path dataDirectory) {
        Path file = dataDirectory.resolve(PASSWORD_FILE);
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createFile(file);
                } catch (FileAlreadyExistsException raced) {
                    return Files.readString(file, StandardCharsets.UTF_8).trim();
                }
                Files.writeString(file, generated, StandardCharsets.UTF_8);
                return generated;
            }
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    /** lets the role in with its password only, ahead of initdb's trust lines (first match wins) */
    static void requirePassword(java.io.File dataDirectory) {
        Path hba = dataDirectory.toPath().resolve("pg_hba.conf");
        String marker = "# ccbilling: the application role signs in with its password";
        try {
            String current = Files.readString(hba, StandardCharsets.UTF_8);
            if (!current.contains(marker)) {
                Files.writeString(hba, marker + "\n"
                        + "host all " + NAME + " 127.0.0.1/32 scram-sha-256\n"
                        + "host all " + NAME + " ::1/128 scram-sha-256\n"
                        + "local all " + NAME + " scram-sha-256\n" + current, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + hba, e);
        }
    }

    /** creates or corrects the role and its database, and hands every object of schema public to it */
    static void bootstrap(EmbeddedPostgres postgres, String password) {
        try {
            try (Connection c = postgres.getDatabase("postgres", "template1").getConnection();
                 Statement s = c.createStatement()) {
                String attributes = " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password "
                        + quote(c, password);
                if (exists(c, "select 1 from pg_roles where rolname = ?", NAME)) {
                    s.execute("alter role " + NAME + attributes);
                } else {
                    s.execute("create role " + NAME + attributes);
                    log.info("created the database role {}", NAME);
                }
                if (!exists(c, "select 1 from pg_database where datname = ?", DATABASE)) {
                    if (holdsTheApplication(postgres.getPostgresDatabase())) {
                        takeOverPostgresDatabase(s);
                    } else {
                        s.execute("create database " + DATABASE + " owner " + NAME);
                        log.info("created the database {} owned by {}", DATABASE, NAME);
                    }
                }
                s.execute("alter database " + DATABASE + " owner to " + NAME);
            }
            try (Connection c = postgres.getDatabase("postgres", DATABASE).getConnection();
                 Statement s = c.createStatement()) {
                s.execute("alter schema public owner to " + NAME);
                s.execute(REASSIGN_PUBLIC);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set up the database role " + NAME, e);
        }
    }

    /** a data directory of before: the application's tables live in the database postgres */
    private static boolean holdsTheApplication(DataSource postgresDatabase) throws SQLException {
        try (Connection c = postgresDatabase.getConnection()) {
            return exists(c, "select 1 from pg_tables where schemaname = 'public' and tablename = ?",
                    "flyway_schema_history");
        }
    }

    private static void takeOverPostgresDatabase(Statement s) throws SQLException {
        // the connections of the start-up check may still be closing: renaming needs the database unused
        for (int attempt = 1; ; attempt++) {
            try {
                s.execute("alter database postgres rename to " + DATABASE);
                break;
            } catch (SQLException e) {
                if (attempt == 50) {
                    throw e;
                }
                sleep(100);
            }
        }
        s.execute("create database postgres");
        log.info("the application's database postgres is now {}, owned by {}", DATABASE, NAME);
    }

    /** ownership of tables (partitions too), views, free sequences, routines and types of schema public */
    private static final String REASSIGN_PUBLIC = """
            do $$
            declare
                r record;
            begin
                for r in select c.oid::regclass as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
                          where n.nspname = 'public' and c.relowner <> 'ccbilling'::regrole
                            and c.relkind in ('r', 'p', 'v', 'm', 'f') loop
                    execute format('alter table %s owner to ccbilling', r.name);
                end loop;
                for r in select c.oid::regclass as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
                          where n.nspname = 'public' and c.relowner <> 'ccbilling'::regrole and c.relkind = 'S'
                            and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
                                             and d.objid = c.oid and d.deptype in ('a', 'i')) loop
                    execute format('alter sequence %s owner to ccbilling', r.name);
                end loop;
                for r in select p.oid::regprocedure as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                          where n.nspname = 'public' and p.proowner <> 'ccbilling'::regrole loop
                    execute format('alter routine %s owner to ccbilling', r.name);
                end loop;
                for r in select t.oid::regtype as name from pg_type t join pg_namespace n on n.oid = t.typnamespace
                          where n.nspname = 'public' and t.typowner <> 'ccbilling'::regrole
                            and (t.typtype in ('e', 'd', 'r')
                                 or (t.typtype = 'c' and (select relkind from pg_class where oid = t.typrelid) = 'c')) loop
                    execute format('alter type %s owner to ccbilling', r.name);
                end loop;
            end $$
            """;

    private static boolean exists(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String quote(Connection c, String literal) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select quote_literal(?)")) {
            ps.setString(1, literal);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
