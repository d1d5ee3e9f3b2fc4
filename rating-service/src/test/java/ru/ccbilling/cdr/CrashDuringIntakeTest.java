package ru.ccbilling.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import ru.ccbilling.Api;
import ru.ccbilling.rating.GeneratedCallsTest;

/**
 * The platform is killed (SIGKILL) while a client sends 50 batches of 1,000 records over two connections; a new
 * instance starts on the same PostgreSQL and the client sends everything again. Every record is then stored exactly
 * once, and the stored totals are what rating each record once gives: nothing lost, nothing billed twice.
 * The application runs in its own JVM, started and killed by the test.
 */
class CrashDuringIntakeTest {

    private static final int BATCHES = 50;
    private static final int BATCH = 1_000;

    @TempDir
    Path dir;

    @Test
    void aKilledInstanceLosesNothingAndBillsNothingTwice() throws Exception {
        List<String> bodies = batches();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg"))
                .setCleanDataDirectory(false).start()) {
            String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";

            Platform first = Platform.start(url, dir.resolve("first.log"), bodies.get(0));
            SendResult beforeKill;
            try {
                beforeKill = send(first, bodies, 12);
            } finally {
                first.kill();
            }
            long storedBeforeRestart = count(postgres, "select count(*) from cdr");
            assertThat(beforeKill.answered()).isGreaterThanOrEqualTo(12).isLessThan(BATCHES);
            assertThat(beforeKill.cutOff()).as("requests cut off by the kill").isPositive();

            Platform second = Platform.start(url, dir.resolve("second.log"), bodies.get(0));
            try {
                SendResult again = send(second, bodies, Integer.MAX_VALUE);
                assertThat(again.answered()).isEqualTo(BATCHES);
                assertThat(again.outcomes().keySet()).doesNotContain("REFUSED");
                assertThat(again.outcomes().getOrDefault("DUPLICATE", 0L)).isEqualTo(storedBeforeRestart);

                Expected expected = simulate(second, bodies);
                assertThat(count(postgres, "select count(*) from cdr")).isEqualTo((long) BATCHES * BATCH);
                assertThat(count(postgres, "select count(*) from cdr_key")).isEqualTo((long) BATCHES * BATCH);
                assertThat(count(postgres, "select count(*) from (select source, cdr_id from cdr"
                        + " group by source, cdr_id having count(*) > 1) twice")).isZero();
                assertThat(count(postgres, "select count(*) from cdr where status = 'RATED'"))
                        .as("rated as the simulation rates; stored rejections: %s", rejections(postgres))
                        .isEqualTo(expected.rated());
                assertThat(decimal(postgres, "select coalesce(sum(total), 0) from cdr")).isEqualByComparingTo(expected.total());
                assertThat(count(postgres, "select count(*) from cdr_reject_history"))
                        .isEqualTo((long) BATCHES * BATCH - expected.rated());
            } finally {
                second.stop();
            }
        }
    }

    /**
     * The platform on its embedded PostgreSQL, started three times with the same command and data directory. The
     * first instance is killed mid-intake with its watchdog, so its PostgreSQL is left running: the second start
     * stops that orphan and goes on. The second is killed mid-intake and its PostgreSQL with it (SIGKILL of the
     * postmaster): the third start recovers from the WAL. Every batch sent again is then stored exactly once; the
     * third instance killed, its watchdog stops its PostgreSQL.
     */
    @Test
    void killedWithItsEmbeddedPostgresThePlatformRecoversWithAPlainRestart() throws Exception {
        List<String> bodies = batches().subList(0, 10);
        Path data = dir.resolve("embedded");
        int dbPort = freePort();
        List<String> command = List.of("--ccbilling.embedded-db.dir=" + data, "--ccbilling.embedded-db.port=" + dbPort);

        long started = System.nanoTime();
        Platform first = Platform.start(command, dir.resolve("first.log"), bodies.get(0));
        first.process().children().forEach(ProcessHandle::destroyForcibly); // the watchdog, as if killed with the JVM
        SendResult beforeKill = send(first, bodies, 3);
        assertThat(beforeKill.answered()).isLessThan(bodies.size());
        long orphan = postmasterPid(data);
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("PostgreSQL left running").hasValue(true);

        Platform second = Platform.start(command, dir.resolve("second.log"), bodies.get(0));
        assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("the orphan was stopped").isEmpty();
        send(second, bodies, 6);
        ProcessHandle.of(postmasterPid(data)).ifPresent(ProcessHandle::destroyForcibly);

        Platform third = Platform.start(command, dir.resolve("third.log"), bodies.get(0));
        try {
            String url = "jdbc:postgresql://127.0.0.1:" + dbPort + "/ccbilling";
            long stored = count(url, "select count(*) from cdr");
            SendResult again = send(third, bodies, Integer.MAX_VALUE);
            assertThat(again.answered()).isEqualTo(bodies.size());
            assertThat(again.outcomes().keySet()).isSubsetOf("RATED", "REJECTED", "DUPLICATE");
            assertThat(again.outcomes().getOrDefault("DUPLICATE", 0L)).isEqualTo(stored);
            assertThat(count(url, "select count(*) from cdr")).isEqualTo((long) bodies.size() * BATCH);
            assertThat(count(url, "select count(*) from cdr_key")).isEqualTo((long) bodies.size() * BATCH);
            assertThat(count(url, "select count(*) from (select source, cdr_id from cdr"
                    + " group by source, cdr_id having count(*) > 1) twice")).isZero();
        } finally {
            long server = postmasterPid(data);
            third.kill();
            System.out.printf("crash test with embedded PostgreSQL: %d s%n", (System.nanoTime() - started) / 1_000_000_000);
            assertThat(ProcessHandle.of(server).map(p -> p.onExit().completeOnTimeout(p, 30,
                    java.util.concurrent.TimeUnit.SECONDS).join().isAlive()).orElse(false))
                    .as("the watchdog stops PostgreSQL when the JVM is killed").isFalse();
        }
    }

    private static long postmasterPid(Path data) throws IOException {
        return Long.parseLong(java.nio.file.Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    }

    private static long count(String url, String sql) throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection(url, "postgres", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** 50 request bodies of 1,000 random calls each, with ids unique across them */
    private static List<String> batches() {
        Random random = new Random(20261127);
        List<String> bodies = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            ObjectNode body = Api.json().createObjectNode();
            ArrayNode records = body.putArray("records");
            for (int i = 0; i < BATCH; i++) {
                records.add(GeneratedCallsTest.randomCall(random, b * BATCH + i).put("source", "pbx-msk-1"));
            }
            bodies.add(body.toString());
        }
        return bodies;
    }

    record SendResult(int answered, int cutOff, Map<String, Long> outcomes) { }

    /** sends the batches over two connections; after {@code killAfter} answers the platform is killed */
    private static SendResult send(Platform platform, List<String> bodies, int killAfter) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger cutOff = new AtomicInteger();
        Map<String, Long> outcomes = new TreeMap<>();
        ExecutorService senders = Executors.newFixedThreadPool(2);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            running.add(senders.submit(() -> {
                for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                    HttpResponse<String> response;
                    try {
                        response = platform.post("/api/v1/cdrs", bodies.get(i));
                    } catch (IOException killed) {
                        cutOff.incrementAndGet();
                        return null;
                    }
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                    synchronized (outcomes) {
                        Api.json().readTree(response.body()).get("results")
                                .forEach(r -> outcomes.merge(r.get("outcome").asText(), 1L, Long::sum));
                    }
                    if (answered.incrementAndGet() == killAfter) {
                        platform.kill(); // while the other connection's batch is in flight
                        return null;
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        senders.shutdown();
        return new SendResult(answered.get(), cutOff.get(), outcomes);
    }

    record Expected(long rated, BigDecimal total) { }

    /** what rating each record once gives: the simulation, which stores nothing */
    private static Expected simulate(Platform platform, List<String> bodies) throws Exception {
        long rated = 0;
        BigDecimal total = BigDecimal.ZERO;
        for (String body : bodies) {
            HttpResponse<String> response = platform.simulate(body);
            assertThat(response.statusCode()).isEqualTo(200);
            for (JsonNode result : Api.json().readTree(response.body()).get("results")) {
                if (result.get("status").asText().equals("RATED")) {
                    rated++;
                    total = total.add(new BigDecimal(result.get("total").asText()));
                }
            }
        }
        return new Expected(rated, total);
    }

    /** the stored rejections by reason and detail, to tell a failure's cause */
    private static String rejections(EmbeddedPostgres postgres) throws Exception {
        StringBuilder text = new StringBuilder();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select reason, left(reason_detail, 200), count(*) from cdr"
                     + " where status = 'REJECTED' group by 1, 2 order by 3 desc limit 10")) {
            while (rs.next()) {
                text.append('\n').append(rs.getString(1)).append(" (").append(rs.getString(2)).append("): ")
                        .append(rs.getLong(3));
            }
        }
        return text.toString();
    }

    private static long count(EmbeddedPostgres postgres, String sql) throws Exception {
        return decimal(postgres, sql).longValueExact();
    }

    private static BigDecimal decimal(EmbeddedPostgres postgres, String sql) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** the platform in a JVM of its own, on the test's PostgreSQL */
    private record Platform(Process process, int port, HttpClient http) {

        static Platform start(String jdbcUrl, Path log, String warmUp) throws Exception {
            return start(List.of("--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
                    "--spring.datasource.password="), log, warmUp);
        }

        static Platform start(List<String> arguments, Path log, String warmUp) throws Exception {
            int port = freePort();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // C1 only: these JVMs start three times and rate little, so a quicker start matters more than peak speed
            List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    "ru.ccbilling.RatingServiceApplication", "--spring.profiles.active=demo", "--server.port=" + port));
            command.addAll(arguments);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Platform platform = new Platform(process, port, HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5)).build());
            platform.awaitReady(warmUp);
            return platform;
        }

        /** up, with the demo data, and the tariff compiled: a first simulation compiles it */
        private void awaitReady(String warmUp) throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                assertThat(process.isAlive()).as("the platform exited during start").isTrue();
                try {
                    // answers once the demo users are in place, which is after the server listens; it rates once
                    // the demo's numbers and operators are in the rating snapshot too, a moment after they commit
                    HttpResponse<String> answer = simulate(warmUp);
                    if (answer.statusCode() == 200 && answer.body().contains("\"RATED\"")) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException("the platform did not start within 90 s");
        }

        /** as the switch, with the demo API key */
        HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
            return post(path, body, "X-Api-Key", "demo-api-key");
        }

        /** simulations are for staff: as the demo tariff manager */
        HttpResponse<String> simulate(String body) throws IOException, InterruptedException {
            return post("/api/v1/rating/simulate", body, "Authorization", "Basic bWFuYWdlcjptYW5hZ2Vy");
        }

        private HttpResponse<String> post(String path, String body, String header, String credentials)
                throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json").header(header, credentials)
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** SIGKILL on Linux: no shutdown hook, no graceful end of the requests in flight */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
