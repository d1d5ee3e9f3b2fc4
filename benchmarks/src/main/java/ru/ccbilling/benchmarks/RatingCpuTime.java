package ru.ccbilling.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import ru.ccbilling.rating.Cdr;
import ru.ccbilling.rating.RatingEngine;
import ru.ccbilling.rating.RatingResult;

/**
 * {@code RatingBenchmark.rateMix} measured by the rating thread's own CPU time as well as by the clock: on this shared
 * 2-core machine other builds take the cores away at random, which wall-clock throughput counts against the engine and
 * thread CPU time does not. One thread rates the ALL_SERVICES mix (100,000 CDRs, the JMH seed) round after round;
 * prints per round CDRs per CPU-second and per wall-second, then the medians, and a SHA-256 of every result of the
 * mix (lines, kopecks, notes, rejections), so that two builds can be shown to rate it identically.
 * <p>
 * Run by {@code benchmarks/rating/before-after.sh}, which runs the build of before and this one alternately.
 * Arguments: warm-up seconds (default 20), rounds (default 5), seconds per round (default 6).
 */
public final class RatingCpuTime {

    private RatingCpuTime() { }

    public static void main(String[] args) throws Exception {
        int warmupSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int roundSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        String label = System.getProperty("label", "");

        RatingEngine engine = RatingFixture.newEngine();
        RatingFixture.checkGolden(engine);
        Cdr[] cdrs = RatingFixture.mix(RatingBenchmark.MIX_SIZE, RatingBenchmark.SEED);
        String fingerprint = fingerprint(engine, cdrs);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int[] cursor = {0};
        run(engine, cdrs, cursor, warmupSeconds * 1_000_000_000L, threads);
        List<double[]> results = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            double[] round = run(engine, cdrs, cursor, roundSeconds * 1_000_000_000L, threads);
            results.add(round);
            System.out.printf("%s round %d: %,.0f CDRs per CPU-second, %,.0f CDRs per wall-second%n", label, r + 1,
                    round[0], round[1]);
        }
        double cpu = median(results.stream().mapToDouble(r -> r[0]).toArray());
        double wall = median(results.stream().mapToDouble(r -> r[1]).toArray());
        System.out.printf("%s median: %,.0f CDRs per CPU-second, %,.0f CDRs per wall-second; results sha256 %s%n",
                label, cpu, wall, fingerprint);
    }

    /** rates CDRs for about the given wall time; answers {CDRs per CPU-second, CDRs per wall-second} */
    private static double[] run(RatingEngine engine, Cdr[] cdrs, int[] cursor, long nanos, ThreadMXBean threads) {
        long cpu0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        long done = 0;
        int sink = 0;
        long wall;
        do {
            for (int i = 0; i < 1_000; i++) {
                RatingResult result = engine.rate(cdrs[cursor[0]]);
                sink += result.account() == null ? 0 : 1;
                cursor[0] = cursor[0] + 1 == cdrs.length ? 0 : cursor[0] + 1;
            }
            done += 1_000;
            wall = System.nanoTime() - wall0;
        } while (wall < nanos);
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        if (sink < 0) {
            System.out.println(sink);
        }
        return new double[] {done * 1e9 / cpu, done * 1e9 / wall};
    }

    /** a digest of what the engine answers for every CDR of the mix, in order */
    static String fingerprint(RatingEngine engine, Cdr[] cdrs) throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (Cdr cdr : cdrs) {
            sha.update(engine.rate(cdr).toString().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
