package ru.ccbilling.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Load generator for the Kafka intake end to end: writes N realistic CDRs (the mix of {@link RatingFixture}, each
 * with a cdrId unique to this run, spread over {@code --sources} switches, as many in each partition: by default each
 * piece of 1,000 records of the mix is one switch's, the switches taking turns, as {@link IntakeLoad} posts them, so
 * both paths carry the same records under the same switches; {@code --spread records} deals a piece's records out) to the
 * CDR topic, reads the outcomes topic, and prints CDRs/s from the first message sent to the last outcome read, and
 * the latency of each record from its send to its outcome. {@code --rate 0} sends as fast as the producer can (a
 * backlog: throughput; latency then is mostly waiting in the topic); {@code --rate N} paces the sending at N
 * records/s (latency below saturation). The messages are built before the clock starts.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar ru.ccbilling.benchmarks.KafkaIntakeLoad \
 *     --bootstrap localhost:9092 --records 1000000 [--rate 0] [--sources 16] [--seed 1] [--month 2026-03 | all]
 *     [--spread pieces | records]</pre>
 */
public final class KafkaIntakeLoad {

    /** {@code pieces}: each piece of 1,000 records of the mix is one switch's, as IntakeLoad's requests are
     *  ({@code --spread pieces}); otherwise the records of a piece go to the switches in turn ({@code records}) */
    record Options(String bootstrap, int records, int rate, int sources, long seed, YearMonth month, boolean pieces) {

        static Options parse(String[] args) {
            Map<String, String> values = new TreeMap<>(Map.of("--bootstrap", "localhost:9092", "--records", "1000000",
                    "--rate", "0", "--sources", "16", "--seed", "1", "--month", "2026-03", "--spread", "pieces"));
            for (int i = 0; i < args.length; i++) {
                if (!values.containsKey(args[i]) || i + 1 == args.length) {
                    throw new IllegalArgumentException("unknown option or missing value: " + args[i]
                            + "; options: " + values.keySet());
                }
                values.put(args[i], args[++i]);
            }
            return new Options(values.get("--bootstrap"), Integer.parseInt(values.get("--records")),
                    Integer.parseInt(values.get("--rate")), Integer.parseInt(values.get("--sources")),
                    Long.parseLong(values.get("--seed")),
                    values.get("--month").equals("all") ? null : YearMonth.parse(values.get("--month")),
                    switch (values.get("--spread")) {
                        case "pieces" -> true;
                        case "records" -> false;
                        default -> throw new IllegalArgumentException("--spread pieces | records");
                    });
        }
    }

    private static final String CDRS = "ccbilling.cdrs";
    private static final String OUTCOMES = "ccbilling.cdr-outcomes";
    private static final int CHUNK = 1000;

    private KafkaIntakeLoad() { }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        String run = Long.toString(System.currentTimeMillis(), 36);
        System.out.printf("kafka intake load: %d records over %d sources to %s, rate %s (run %s)%n", options.records(),
                options.sources(), options.bootstrap(), options.rate() == 0 ? "unpaced" : options.rate() + "/s", run);
        long building = System.nanoTime();
        List<String> keys = new ArrayList<>(options.records());
        List<byte[]> values = new ArrayList<>(options.records());
        build(run, options, balancedSources(options), keys, values);
        System.out.printf("built %d messages (%.1f MB) in %.1f s%n", values.size(),
                values.stream().mapToLong(v -> v.length).sum() / 1e6, (System.nanoTime() - building) / 1e9);

        long[] sentAt = new long[options.records()];
        long[] latency = new long[options.records()];
        Arrays.fill(latency, -1);
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, byte[]> reader = outcomeReader(options)) {
            long cpuBefore = processCpuNanos();
            long start = System.nanoTime();
            Thread sender = new Thread(() -> send(options, keys, values, sentAt), "sender");
            sender.start();
            int seen = 0;
            long lastOutcome = start;
            long idleSince = System.nanoTime();
            String prefix = run + "-";
            while (seen < options.records()) {
                var polled = reader.poll(Duration.ofMillis(200));
                long now = System.nanoTime();
                if (polled.isEmpty() && now - idleSince > Duration.ofMinutes(3).toNanos()) {
                    System.out.println("no outcome for 3 minutes; stopping with " + seen + " outcomes");
                    break;
                }
                for (ConsumerRecord<String, byte[]> outcome : polled) {
                    idleSince = now;
                    JsonNode o = RatingFixture.JSON.readTree(outcome.value());
                    String id = o.path("cdrId").asText();
                    if (!id.startsWith(prefix)) {
                        continue;
                    }
                    int index = Integer.parseInt(id.substring(prefix.length()));
                    outcomes.computeIfAbsent(o.path("outcome").asText(), k -> new LongAdder()).increment();
                    if (latency[index] < 0) {
                        latency[index] = now - sentAt[index];
                        seen++;
                        lastOutcome = now;
                    }
                }
            }
            sender.join();
            long elapsed = lastOutcome - start;
            long clientCpu = processCpuNanos() - cpuBefore;
            report(options, seen, elapsed, latency, outcomes, clientCpu);
        }
    }

    /**
     * switch names that the default partitioner spreads evenly over the topic's partitions: a few names hashed at
     * random load one partition twice as much as another, and its consumer alone would set the pace
     */
    private static List<String> balancedSources(Options options) {
        int partitions;
        try (KafkaConsumer<String, byte[]> probe = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrap(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            partitions = probe.partitionsFor(CDRS).size();
        }
        int perPartition = Math.max(1, options.sources() / partitions);
        int[] taken = new int[partitions];
        List<String> sources = new ArrayList<>();
        for (int n = 0; sources.size() < perPartition * partitions; n++) {
            String name = "bench-sw-" + n;
            int partition = Utils.toPositive(Utils.murmur2(name.getBytes(StandardCharsets.UTF_8))) % partitions;
            if (taken[partition] < perPartition) {
                taken[partition]++;
                sources.add(name);
            }
        }
        System.out.printf("%d sources, %d in each of %d partitions: %s%n", sources.size(), perPartition, partitions,
                String.join(",", sources));
        return sources;
    }

    /** the mix with unique cdrIds, moved into the month, spread over the sources (by piece or by record); keyed by source */
    private static void build(String run, Options options, List<String> sources, List<String> keys,
                              List<byte[]> values) throws Exception {
        for (int from = 0, chunk = 0; from < options.records(); from += CHUNK, chunk++) {
            int n = Math.min(CHUNK, options.records() - from);
            List<ObjectNode> mix = RatingFixture.mixRecords(n, options.seed() * 1_000_003L + chunk);
            for (int i = 0; i < n; i++) {
                ObjectNode record = mix.get(i);
                int index = from + i;
                String source = sources.get((options.pieces() ? chunk : index) % sources.size());
                record.put("source", source).put("cdrId", run + "-" + index);
                if (options.month() != null) {
                    OffsetDateTime start = OffsetDateTime.parse(record.get("startTime").asText());
                    int day = 1 + (start.getDayOfYear() - 1) % options.month().lengthOfMonth();
                    record.put("startTime", start.with(options.month().atDay(day)).toString());
                }
                keys.add(source);
                values.add(RatingFixture.JSON.writeValueAsBytes(record));
            }
        }
    }

    private static void send(Options options, List<String> keys, List<byte[]> values, long[] sentAt) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.BUFFER_MEMORY_CONFIG, 256L << 20))) {
            long start = System.nanoTime();
            for (int i = 0; i < values.size(); i++) {
                if (options.rate() > 0 && i % 20 == 0) {
                    // sleeps, never spins, 20 records at a time: the client shares the cores with what it measures
                    long ahead = start + (long) (i * 1e9 / options.rate()) - System.nanoTime();
                    if (ahead > 0) {
                        LockSupport.parkNanos(ahead);
                    }
                }
                sentAt[i] = System.nanoTime();
                producer.send(new ProducerRecord<>(CDRS, keys.get(i), values.get(i)));
            }
            producer.flush();
            System.out.printf("sent %d messages in %.1f s%n", values.size(), (System.nanoTime() - start) / 1e9);
        }
    }

    /** reads the outcomes topic from its current end, so that earlier runs are not counted */
    private static KafkaConsumer<String, byte[]> outcomeReader(Options options) {
        KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-reader-" + System.nanoTime(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        List<TopicPartition> partitions = reader.partitionsFor(OUTCOMES).stream()
                .map(p -> new TopicPartition(OUTCOMES, p.partition())).toList();
        reader.assign(partitions);
        reader.seekToEnd(partitions);
        partitions.forEach(reader::position);
        return reader;
    }

    private static void report(Options options, int seen, long elapsed, long[] latency, Map<String, LongAdder> outcomes,
                               long clientCpu) {
        long[] done = Arrays.stream(latency).filter(l -> l >= 0).sorted().toArray();
        System.out.printf("%d of %d outcomes in %.2f s: %.0f CDRs/s%n", seen, options.records(), elapsed / 1e9,
                seen / (elapsed / 1e9));
        System.out.printf("produce -> outcome latency ms: p50 %.1f, p95 %.1f, p99 %.1f, max %.1f%n",
                quantile(done, 0.50), quantile(done, 0.95), quantile(done, 0.99), quantile(done, 1.0));
        Map<String, Long> counts = new TreeMap<>();
        outcomes.forEach((k, v) -> counts.put(k, v.sum()));
        System.out.println("outcomes: " + counts);
        System.out.printf("client CPU during the run: %.2f s (%.1f µs per record)%n", clientCpu / 1e9,
                clientCpu / 1e3 / Math.max(1, seen));
    }

    private static double quantile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }
}
