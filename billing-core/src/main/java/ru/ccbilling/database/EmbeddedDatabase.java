package ru.ccbilling.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL of this instance, on a data directory that survives restarts. Durable: zonky starts the
 * server with {@code -F} (fsync off, its test default); {@code fsync=on} comes after it on the command line and
 * wins. A server left running by a killed JVM is stopped before the start ({@link Postmaster}); a server that dies
 * under a running instance is started again on the same directory and port ({@link #restartIfGone()}); and a
 * watchdog process stops the server when the JVM dies without its shutdown hook (SIGKILL).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private static final Duration STARTUP_WAIT = Duration.ofMinutes(2);

    /**
     * An answered record is on disk: PostgreSQL's defaults, which zonky's -F turns off for fsync. No Unix socket
     * (everything connects over TCP): a socket's lock file in /tmp would name the old server after a crash.
     */
    static final Map<String, String> DURABLE = Map.of("fsync", "on", "synchronous_commit", "on",
            "full_page_writes", "on", "unix_socket_directories", "");

    /** waits for the JVM to end, then sends a fast shutdown to the server still running in its data directory */
    private static final String WATCHDOG = """
            while kill -0 "$1" 2>/dev/null; do sleep 1; done
            p=$(head -n 1 "$2/postmaster.pid" 2>/dev/null) || exit 0
            [ -n "$p" ] && [ "$(readlink "/proc/$p/cwd")" = "$2" ] && kill -INT "$p"
            exit 0
            """;

    private final Path dataDirectory;
    private final Map<String, String> settings;
    private final Postmaster postmaster;
    private String password;
    private int port;
    private EmbeddedPostgres postgres;
    private Process watchdog;
    private boolean closed;

    private EmbeddedDatabase(Path dataDirectory, int port, Map<String, String> settings) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.settings = Map.copyOf(settings);
        this.postmaster = new Postmaster(dataDirectory);
    }

    /**
     * Starts the server ({@code port} 0: a free one, kept for restarts) with these server settings, sets up the
     * application role, and with {@code stopWithJvm} a watchdog that stops the server if the JVM is killed.
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, Map<String, String> settings, boolean stopWithJvm) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
        Map<String, String> durable = new TreeMap<>(DURABLE);
        durable.putAll(settings);
        EmbeddedDatabase database = new EmbeddedDatabase(directory, port, durable);
        database.startServer(true);
        // after the start: initdb wants an empty directory
        database.password = ApplicationRole.password(directory);
        ApplicationRole.bootstrap(database.postgres, database.password);
        Runtime.getRuntime().addShutdownHook(new Thread(database::close, "embedded-postgres-stop"));
        if (stopWithJvm) {
            database.startWatchdog();
        }
        return database;
    }

    private synchronized void startServer(boolean first) {
        if (first) {
            postmaster.clearForStart(STOP_WAIT);
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(STARTUP_WAIT) // crash recovery replays the WAL since the last checkpoint
                .setDataDirectoryCustomizer(ApplicationRole::requirePassword)
                // byte order is code-point order in UTF-8, as C.UTF-8 sorts, but compares without strcoll():
                // the text keys of every index (source, cdrId, account) compare several times faster
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("lc-collate", "C");
        settings.forEach(builder::setServerConfig);
        if (port > 0) {
            builder.setPort(port);
        }
        try {
            postgres = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDirectory, e);
        }
        port = postgres.getPort();
        log.info("Embedded PostgreSQL (pid {}) on port {} with data in {}, settings {}",
                postmaster.pid().orElse(-1), port, dataDirectory, settings);
    }

    /** whether the server process of the data directory is alive */
    public boolean isRunning() {
        return postmaster.running().isPresent();
    }

    /** the pid of the running server, if any */
    public OptionalLong pid() {
        return postmaster.running().map(p -> OptionalLong.of(p.pid())).orElse(OptionalLong.empty());
    }

    /**
     * When the server has died (killed, crashed), starts it again on the same directory and port: PostgreSQL
     * recovers from its WAL, and the pool's next connections find it. Answers whether it restarted.
     */
    public synchronized boolean restartIfGone() {
        if (closed || isRunning()) {
            return false;
        }
        if (!postmaster.clearToStart()) {
            return false; // the old server's backends are still exiting
        }
        log.warn("Embedded PostgreSQL on port {} is gone: starting it again on {}", port, dataDirectory);
        try {
            postgres.close(); // its stop fails (nothing to stop) but it lets go of the data directory's lock
        } catch (IOException | RuntimeException e) {
            log.debug("closing the dead server's handle", e);
        }
        try {
            // a start that failed keeps its lock on this file until collected: a new file, a new lock
            Files.deleteIfExists(dataDirectory.resolve(Postmaster.OWNER_LOCK));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startServer(false);
        return true;
    }

    public synchronized String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + ApplicationRole.DATABASE;
    }

    public String username() {
        return ApplicationRole.NAME;
    }

    public synchronized String password() {
        return password;
    }

    public synchronized int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** stops the server (fast shutdown) and waits until its process has ended */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        java.util.Optional<ProcessHandle> server = postmaster.running();
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("stopping embedded PostgreSQL", e);
        }
        server.ifPresent(p -> {
            if (p.isAlive()) {
                Postmaster.signal(p.pid(), "INT"); // a server that zonky's handle does not know (a slow restart)
            }
            if (!Postmaster.awaitExit(p, STOP_WAIT)) {
                log.warn("embedded PostgreSQL (pid {}) still runs {} after the stop", p.pid(), STOP_WAIT);
            }
        });
        if (watchdog != null) {
            watchdog.destroy();
        }
    }

    private void startWatchdog() {
        try {
            watchdog = new ProcessBuilder("sh", "-c", WATCHDOG, "ccbilling-postgres-watchdog",
                    Long.toString(ProcessHandle.current().pid()), dataDirectory.toRealPath().toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            log.warn("no watchdog: embedded PostgreSQL will outlive a killed JVM until the next start stops it", e);
        }
    }
}
