package ru.ccbilling.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Load generator for CDR intake end to end: sends N realistic CDRs (the mix of {@link RatingFixture}, each with
 * a cdrId unique to this run) to {@code POST /api/v1/cdrs} in batches over a few concurrent connections, and
 * prints records/s, request latency and the server's outcome counts. Request bodies are built before the clock
 * starts, so the client spends its CPU on sending, not on making JSON. {@code --sources a,b,c} makes each request
 * one switch's batch, the switches taking turns (the key must reach them), as switches that post their own records;
 * without it the records keep the mix's two sources.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar ru.ccbilling.benchmarks.IntakeLoad \
 *     --url http://127.0.0.1:8080 --api-key demo-api-key --records 100000 [--batch 1000] [--connections 4]
 *     [--warmup 20000] [--seed 1] [--month 2026-03 | all] [--sources a,b,c]</pre>
 */
public final class IntakeLoad {

    record Options(String url, String apiKey, int records, int batch, int connections, int warmup, long seed,
                   YearMonth month, List<String> sources) {

        static Options parse(String[] args) {
            Map<String, String> values = new TreeMap<>(Map.of("--url", "http://127.0.0.1:8080", "--api-key",
                    "demo-api-key", "--records", "100000", "--batch", "1000", "--connections", "4", "--warmup", "0",
                    "--seed", "1", "--month", "2026-03", "--sources", ""));
            for (int i = 0; i < args.length; i++) {
                if (!values.containsKey(args[i]) || i + 1 == args.length) {
                    throw new IllegalArgumentException("unknown option or missing value: " + args[i]
                            + "; options: " + values.keySet());
                }
                values.put(args[i], args[++i]);
            }
            return new Options(values.get("--url"), values.get("--api-key"), Integer.parseInt(values.get("--records")),
                    Integer.parseInt(values.get("--batch")), Integer.parseInt(values.get("--connections")),
                    Integer.parseInt(values.get("--warmup")), Long.parseLong(values.get("--seed")),
                    values.get("--month").equals("all") ? null : YearMonth.parse(values.get("--month")),
                    values.get("--sources").isEmpty() ? List.of() : List.of(values.get("--sources").split(",")));
        }
    }

    /** what one run measured */
    record Run(int records, int requests, long elapsedNanos, long clientCpuNanos, long[] latencyNanos,
               Map<String, Long> outcomes, Map<Integer, Long> failures) {

        double recordsPerSecond() {
            return records / (elapsedNanos / 1e9);
        }

        double latencyMillis(double quantile) {
            long[] sorted = latencyNanos.clone();
            Arrays.sort(sorted);
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
            return sorted[Math.max(0, index)] / 1e6;
        }
    }

    private static final JsonFactory JSON_FACTORY = new JsonFactory();

    private IntakeLoad() { }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        String run = Long.toString(System.currentTimeMillis(), 36);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        System.out.printf("intake load: %d records in batches of %d over %d connections to %s (run %s)%n",
                options.records(), options.batch(), options.connections(), options.url(), run);
        System.out.printf("client JVM %s %s, %d cores%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        if (options.warmup() > 0) {
            List<byte[]> warm = bodies("w" + run, options.warmup(), options.batch(), options.seed() + 7, options.month(),
                    options.sources());
            Run warmRun = send(http, options, warm, options.warmup());
            System.out.printf("warm-up: %d records, %.0f records/s%n", options.warmup(), warmRun.recordsPerSecond());
        }
        long generating = System.nanoTime();
        List<byte[]> bodies = bodies(run, options.records(), options.batch(), options.seed(), options.month(),
                options.sources());
        System.out.printf("built %d request bodies (%.1f MB) in %.1f s%n", bodies.size(),
                bodies.stream().mapToLong(b -> b.length).sum() / 1e6, (System.nanoTime() - generating) / 1e9);
        Run result = send(http, options, bodies, options.records());
        report(result);
        if (!result.failures().isEmpty()) {
            System.exit(1);
        }
    }

    /**
     * the mix, each record with a cdrId unique to the run, as request bodies of {@code batch} records; with a month,
     * every call is moved into that month (same weekday mix, time of day and offset), as a month's traffic is; with
     * sources, each body is all of one source's, the sources taking turns
     */
    static List<byte[]> bodies(String run, int records, int batch, long seed, YearMonth month, List<String> sources) {
        List<byte[]> bodies = new ArrayList<>();
        for (int from = 0, index = 0; from < records; from += batch, index++) {
            int n = Math.min(batch, records - from);
            List<ObjectNode> mix = RatingFixture.mixRecords(n, seed * 1_000_003L + index);
            ObjectNode body = RatingFixture.JSON.createObjectNode();
            ArrayNode array = body.putArray("records");
            for (int i = 0; i < n; i++) {
                ObjectNode record = mix.get(i);
                record.put("cdrId", run + "-" + (from + i));
                if (!sources.isEmpty()) {
                    record.put("source", sources.get(index % sources.size()));
                }
                if (month != null) {
                    OffsetDateTime start = OffsetDateTime.parse(record.get("startTime").asText());
                    int day = 1 + (start.getDayOfYear() - 1) % month.lengthOfMonth();
                    record.put("startTime", start.with(month.atDay(day)).toString());
                }
                array.add(record);
            }
            try {
                bodies.add(RatingFixture.JSON.writeValueAsBytes(body));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return bodies;
    }

    static Run send(HttpClient http, Options options, List<byte[]> bodies, int records) throws Exception {
        URI uri = URI.create(options.url() + "/api/v1/cdrs");
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[bodies.size()];
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        Map<Integer, LongAdder> failures = new ConcurrentHashMap<>();
        ExecutorService senders = Executors.newFixedThreadPool(options.connections());
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < options.connections(); c++) {
            done.add(senders.submit(() -> {
                for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2))
                            .header("Content-Type", "application/json").header("X-Api-Key", options.apiKey())
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i))).build();
                    long sent = System.nanoTime();
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    latencies[i] = System.nanoTime() - sent;
                    if (response.statusCode() == 200) {
                        countOutcomes(response.body(), outcomes);
                    } else {
                        failures.computeIfAbsent(response.statusCode(), s -> new LongAdder()).increment();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        long elapsed = System.nanoTime() - start;
        long clientCpu = processCpuNanos() - cpuBefore;
        senders.shutdown();
        Map<String, Long> outcomeCounts = new TreeMap<>();
        outcomes.forEach((k, v) -> outcomeCounts.put(k, v.sum()));
        Map<Integer, Long> failureCounts = new TreeMap<>();
        failures.forEach((k, v) -> failureCounts.put(k, v.sum()));
        return new Run(records, bodies.size(), elapsed, clientCpu, latencies, outcomeCounts, failureCounts);
    }

    /** CPU time of this JVM: the client competes with the server for the cores when both run on one machine */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** counts the values of "outcome" in the answer, streaming: the client must not cost more than the server */
    static void countOutcomes(byte[] body, Map<String, LongAdder> outcomes) throws IOException {
        try (JsonParser parser = JSON_FACTORY.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && "outcome".equals(parser.currentName())) {
                    parser.nextToken();
                    outcomes.computeIfAbsent(parser.getText(), k -> new LongAdder()).increment();
                }
            }
        }
    }

    static void report(Run run) {
        System.out.printf("%d records in %d requests in %.2f s: %.0f records/s%n", run.records(), run.requests(),
                run.elapsedNanos() / 1e9, run.recordsPerSecond());
        System.out.printf("request latency ms: p50 %.1f, p95 %.1f, p99 %.1f, max %.1f%n", run.latencyMillis(0.50),
                run.latencyMillis(0.95), run.latencyMillis(0.99), run.latencyMillis(1.0));
        System.out.println("outcomes: " + run.outcomes());
        System.out.printf("client CPU during the run: %.2f s (%.1f µs per record)%n", run.clientCpuNanos() / 1e9,
                run.clientCpuNanos() / 1e3 / run.records());
        if (!run.failures().isEmpty()) {
            System.out.println("failed requests by HTTP status: " + run.failures());
        }
    }
}
