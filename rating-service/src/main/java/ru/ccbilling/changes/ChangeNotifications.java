package ru.ccbilling.changes;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

import jakarta.annotation.PreDestroy;

/**
 * Tells the other instances on the same database that something they hold in memory changed, through PostgreSQL
 * LISTEN/NOTIFY on the channel {@value #CHANNEL}. A writer {@link #announce}s a topic in the transaction of its change
 * (PostgreSQL delivers it on commit); every instance listens on a connection of its own, outside the pool, and runs
 * the reload registered for the topic. When that connection drops it reconnects with back-off and reloads every topic
 * once, since notifications sent meanwhile are lost.
 */
@Component
public class ChangeNotifications {

    static final String CHANNEL = "ccbilling_changes";
    private static final Logger log = LoggerFactory.getLogger(ChangeNotifications.class);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration FIRST_BACK_OFF = Duration.ofMillis(250);
    private static final Duration LAST_BACK_OFF = Duration.ofSeconds(5);

    /** this instance: its own announcements are not reloaded again (it reloads after its own commit) */
    private final String instance = UUID.randomUUID().toString();
    private final Map<String, Runnable> reloads = new ConcurrentHashMap<>();
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final boolean listen;
    private volatile boolean running;
    private volatile Connection listening;
    private volatile long connections;
    private Thread listener;

    ChangeNotifications(DataSource dataSource, JdbcTemplate jdbc,
                        @Value("${ccbilling.changes.listen:true}") boolean listen) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.listen = listen;
    }

    /** runs {@code reload} on the listener's thread when another instance announced {@code topic} */
    public void onChange(String topic, Runnable reload) {
        reloads.put(topic, reload);
    }

    /** tells the other instances, on commit of the current transaction (at once without one), that topic changed */
    public void announce(String topic) {
        jdbc.queryForObject("select pg_notify(?, ?)", Object.class, CHANNEL, topic + "@" + instance);
    }

    /** how many times the listener has connected and run LISTEN (for tests and diagnostics) */
    public long connections() {
        return connections;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        if (!listen || running) {
            return;
        }
        running = true;
        listener = new Thread(this::listen, "change-notifications");
        listener.setDaemon(true);
        listener.start();
    }

    @PreDestroy
    synchronized void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
            closeQuietly(listening); // ends a wait for notifications at once
            try {
                listener.join(2_000); // a reload under way finishes before the pool closes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void listen() {
        Duration backOff = FIRST_BACK_OFF;
        while (running) {
            try (Connection connection = connect()) {
                listening = connection;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                connections++;
                backOff = FIRST_BACK_OFF;
                // changes committed before LISTEN (at start, or while disconnected) were announced to nobody
                reload(reloads.keySet());
                waitForNotifications(connection);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Listening for changes failed, reconnecting in {} ms: {}", backOff.toMillis(), e.toString());
                    sleep(backOff);
                    backOff = backOff.multipliedBy(2).compareTo(LAST_BACK_OFF) > 0 ? LAST_BACK_OFF : backOff.multipliedBy(2);
                }
            } finally {
                listening = null;
            }
        }
    }

    private void waitForNotifications(Connection connection) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (running) {
            PGNotification[] notifications = pg.getNotifications((int) WAIT.toMillis());
            if (notifications == null || notifications.length == 0) {
                // a quiet connection may be a dead one (the server restarted, a network cut): ask
                try (Statement statement = connection.createStatement()) {
                    statement.execute("select 1");
                }
                continue;
            }
            Set<String> topics = new LinkedHashSet<>();
            for (PGNotification n : notifications) {
                String payload = n.getParameter();
                int at = payload.lastIndexOf('@');
                if (at < 0 || !payload.substring(at + 1).equals(instance)) {
                    topics.add(at < 0 ? payload : payload.substring(0, at));
                }
            }
            reload(topics);
        }
    }

    private void reload(Set<String> topics) {
        for (String topic : topics) {
            Runnable reload = reloads.get(topic);
            if (reload == null) {
                continue;
            }
            try {
                reload.run();
            } catch (RuntimeException e) {
                // the safety poll catches up; the connection itself may be fine
                log.warn("Reloading {} after a change failed: {}", topic, e.toString());
            }
        }
    }

    /** a connection of its own with the pool's URL and credentials, never one of the pool's */
    private Connection connect() throws SQLException {
        HikariDataSource hikari = dataSource instanceof HikariDataSource h ? h
                : dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        if (hikari == null || hikari.getJdbcUrl() == null) {
            return dataSource.getConnection(); // not a pool we know: this connection stays out of it for good
        }
        Properties properties = new Properties();
        properties.putAll(hikari.getDataSourceProperties());
        if (hikari.getUsername() != null) {
            properties.setProperty("user", hikari.getUsername());
        }
        if (hikari.getPassword() != null) {
            properties.setProperty("password", hikari.getPassword());
        }
        properties.setProperty("ApplicationName", "ccbilling change listener");
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("socketTimeout", "30"); // the heartbeat's answer; waits set their own timeout
        properties.setProperty("tcpKeepAlive", "true");
        Connection connection = DriverManager.getConnection(hikari.getJdbcUrl(), properties);
        connection.setAutoCommit(true);
        return connection;
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // it is being abandoned
            }
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
