package ru.ccbilling.testing;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL the tests of this JVM use, chosen in this order: a JDBC URL from the environment
 * ({@code CCBILLING_TEST_JDBC_URL}, {@code _USER}, {@code _PASSWORD}), else Testcontainers when a Docker
 * engine answers, else an embedded PostgreSQL 17 in a temporary directory. Started once per JVM.
 */
public final class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

    public record Connection(String url, String user, String password, String origin) { }

    private static Connection connection;

    public static synchronized Connection connection() {
        if (connection == null) {
            connection = start();
            log.info("Tests use {} PostgreSQL at {}", connection.origin(), connection.url());
        }
        return connection;
    }

    private static Connection start() {
        String url = System.getenv("CCBILLING_TEST_JDBC_URL");
        if (url != null && !url.isBlank()) {
            return new Connection(url, System.getenv("CCBILLING_TEST_JDBC_USER"),
                    System.getenv("CCBILLING_TEST_JDBC_PASSWORD"), "configured");
        }
        if (dockerAnswers()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:17");
            container.start();
            return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword(), "Testcontainers");
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
            return new Connection(postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true",
                    "postgres", "", "embedded");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL for the tests", e);
        }
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static final java.util.concurrent.atomic.AtomicInteger DATABASES = new java.util.concurrent.atomic.AtomicInteger();

    /** the role that owns the tests' databases: no superuser, so the tests prove the migrations need none */
    static final String APPLICATION_ROLE = "ccbilling_test";
    private static boolean applicationRole;

    /**
     * A new, empty database on the test server, so that an application context (or a test that starts its own
     * instances) never sees another context's data. It belongs to a role that is not a superuser (and may not create
     * roles or databases), as the application's role in production; where the server's user may not create roles
     * (a configured database), the server's user is handed out.
     */
    public static synchronized Connection newDatabase() {
        Connection server = connection();
        String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (java.sql.Connection admin = java.sql.DriverManager.getConnection(server.url(), server.user(),
                server.password()); java.sql.Statement statement = admin.createStatement()) {
            if (!applicationRole) {
                applicationRole = createApplicationRole(statement);
            }
            statement.execute("create database " + name + (applicationRole ? " owner " + APPLICATION_ROLE : ""));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        String url = withDatabase(server.url(), name);
        return applicationRole ? new Connection(url, APPLICATION_ROLE, APPLICATION_ROLE, server.origin())
                : new Connection(url, server.user(), server.password(), server.origin());
    }

    private static boolean createApplicationRole(java.sql.Statement statement) {
        try {
            statement.execute("""
                    do $$ begin
                        if not exists (select 1 from pg_roles where rolname = '%1$s') then
                            create role %1$s login nosuperuser nocreatedb nocreaterole password '%1$s';
                        end if;
                    end $$""".formatted(APPLICATION_ROLE));
            return true;
        } catch (java.sql.SQLException e) {
            log.warn("the tests' databases belong to the server's user: cannot create the role {}: {}",
                    APPLICATION_ROLE, e.getMessage());
            return false;
        }
    }

    private static String withDatabase(String url, String database) {
        // jdbc:postgresql://host:port/db?params -> the same with another db
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
    }

    /** Each application context gets its own database on the shared test server. */
    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Connection c = newDatabase();
        TestPropertyValues.of(
                "spring.datasource.url=" + c.url(),
                "spring.datasource.username=" + (c.user() == null ? "" : c.user()),
                "spring.datasource.password=" + (c.password() == null ? "" : c.password())
        ).applyTo(context);
    }
}
