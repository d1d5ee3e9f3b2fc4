package ru.ccbilling.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ru.ccbilling.rating.Cdr;
import ru.ccbilling.rating.RatingEngine;
import ru.ccbilling.rating.RatingResult;
import ru.ccbilling.rating.ReferenceTariffOracle;
import ru.ccbilling.rating.RejectReason;

/**
 * Smoke tests of the benchmark's fixture (no JMH run): the engine rates the golden case, the mix is the mix it
 * claims to be, and the engine rates it as the tariff sheet says, on one thread and on two.
 */
class RatingFixtureTest {

    private static RatingEngine engine;
    private static Cdr[] mix;

    @BeforeAll
    static void setUp() {
        engine = RatingFixture.newEngine();
        mix = RatingFixture.mix(5_000, RatingBenchmark.SEED);
    }

    @Test
    void theEngineRatesTheGoldenCase() {
        RatingFixture.checkGolden(engine);
    }

    @Test
    void theMixIsAsDescribed() {
        RatingFixture.MixStats stats = RatingFixture.stats(engine, mix);

        assertThat(stats.byType().get(Cdr.CallType.INBOUND_800)).isBetween(2_550, 2_950);
        assertThat(stats.byType().get(Cdr.CallType.OUTBOUND)).isBetween(1_200, 1_500);
        assertThat(stats.byType().get(Cdr.CallType.FORWARD)).isBetween(300, 500);
        assertThat(stats.byType().get(Cdr.CallType.VIRTUAL_OFFICE)).isBetween(140, 260);
        for (Cdr.CallType service : List.of(Cdr.CallType.CONFERENCE, Cdr.CallType.SURVEY, Cdr.CallType.INFORMING)) {
            assertThat(stats.byType().get(service)).as(service.name()).isBetween(60, 140);
        }
        assertThat(stats.rejected().keySet()).containsOnly(RejectReason.UNKNOWN_OPERATOR, RejectReason.UNKNOWN_TRUNK);
        assertThat(stats.rated()).isBetween(4_850, 4_950);
        assertThat(RatingFixture.stats(engine, RatingFixture.shortInbound(1_000, 1)).rejected()).isEmpty();
    }

    @Test
    void everyRatedCallCostsWhatTheTariffSheetSays() {
        List<String> wrong = new ArrayList<>();
        for (Cdr cdr : mix) {
            if (engine.rate(cdr) instanceof RatingResult.Rated rated) {
                BigDecimal sheet = ReferenceTariffOracle.total(cdr);
                if (sheet == null || rated.total().amount().compareTo(sheet) != 0) {
                    wrong.add(cdr.raw() + " rated " + rated.total().amount() + ", sheet " + ReferenceTariffOracle.price(cdr));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void twoThreadsRateAsOneDoes() throws Exception {
        List<String> alone = new ArrayList<>();
        for (Cdr cdr : mix) {
            alone.add(String.valueOf(engine.rate(cdr)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                runs.add(pool.submit(() -> {
                    List<String> results = new ArrayList<>();
                    for (Cdr cdr : mix) {
                        results.add(String.valueOf(engine.rate(cdr)));
                    }
                    return results;
                }));
            }
            for (Future<List<String>> run : runs) {
                assertThat(run.get()).isEqualTo(alone);
            }
        } finally {
            pool.shutdown();
        }
    }
}
