package ru.ccbilling.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.ThreadParams;

import ru.ccbilling.rating.Cdr;
import ru.ccbilling.rating.RatingEngine;

/**
 * Throughput of {@link RatingEngine#rate(Cdr)} in process: one operation is one CDR rated.
 * The engine, the compiled shipped tariff and the CDRs are shared by all threads, as in the service.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class RatingBenchmark {

    public static final int MIX_SIZE = 100_000;
    public static final long SEED = 20260101L;

    /** The engine and the compiled shipped tariff, shared by all threads as in the service. */
    @State(Scope.Benchmark)
    public static class Engine {
        RatingEngine engine;

        @Setup(Level.Trial)
        public void setUp() {
            engine = RatingFixture.newEngine();
            RatingFixture.checkGolden(engine);
        }
    }

    /**
     * The realistic mix: 100,000 CDRs, generated once with a fixed seed. {@code ALL_SERVICES} has the call centre's
     * other services (section 7) in their shares; {@code HOTLINES_AND_OUTBOUND} is the mix of before them (60% 8-800,
     * 30% outbound, 10% forwarded), the yardstick measured beside it in the same run.
     */
    @State(Scope.Benchmark)
    public static class Mix {
        @Param({"ALL_SERVICES", "HOTLINES_AND_OUTBOUND"})
        String services;
        Cdr[] cdrs;

        @Setup(Level.Trial)
        public void setUp(Engine engine) {
            cdrs = services.equals("ALL_SERVICES") ? RatingFixture.mix(MIX_SIZE, SEED)
                    : RatingFixture.hotlinesAndOutbound(MIX_SIZE, SEED);
            System.out.println("\nmix: " + RatingFixture.stats(engine.engine, cdrs));
        }
    }

    /** Short INBOUND_800 calls only: the fixed cost per call. */
    @State(Scope.Benchmark)
    public static class ShortCalls {
        Cdr[] cdrs;

        @Setup(Level.Trial)
        public void setUp(Engine engine) {
            cdrs = RatingFixture.shortInbound(MIX_SIZE, SEED + 1);
            System.out.println("\nshort inbound calls: " + RatingFixture.stats(engine.engine, cdrs));
        }
    }

    /** Each thread walks the CDRs from its own starting point, so two threads do not rate the same CDR together. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        @Setup(Level.Trial)
        public void setUp(ThreadParams thread) {
            next = thread.getThreadIndex() * (MIX_SIZE / 7);
        }

        Cdr next(Cdr[] cdrs) {
            Cdr cdr = cdrs[next];
            next = next + 1 == cdrs.length ? 0 : next + 1;
            return cdr;
        }
    }

    @Benchmark
    public void rateMix(Engine engine, Mix mix, Cursor cursor, Blackhole blackhole) {
        blackhole.consume(engine.engine.rate(cursor.next(mix.cdrs)));
    }

    @Benchmark
    @Threads(2)
    public void rateMix2Threads(Engine engine, Mix mix, Cursor cursor, Blackhole blackhole) {
        blackhole.consume(engine.engine.rate(cursor.next(mix.cdrs)));
    }

    @Benchmark
    public void rateShortInboundCalls(Engine engine, ShortCalls calls, Cursor cursor, Blackhole blackhole) {
        blackhole.consume(engine.engine.rate(cursor.next(calls.cdrs)));
    }
}
