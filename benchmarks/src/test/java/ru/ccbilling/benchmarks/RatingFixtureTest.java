package ru.ccbilling.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ru.ccbilling.rating.Cdr;
import ru.ccbilling.rating.RatingEngine;
import ru.ccbilling.rating.RejectReason;

/** A smoke test of the benchmark's fixture (no JMH run): the engine rates the golden case, the mix is the mix. */
class RatingFixtureTest {

    @Test
    void engineRatesTheGoldenCaseAndTheMixIsAsDescribed() {
        RatingEngine engine = RatingFixture.newEngine();
        RatingFixture.checkGolden(engine);

        Cdr[] mix = RatingFixture.mix(5_000, RatingBenchmark.SEED);
        RatingFixture.MixStats stats = RatingFixture.stats(engine, mix);

        assertThat(stats.byType().get(Cdr.CallType.INBOUND_800)).isBetween(2_800, 3_200);
        assertThat(stats.byType().get(Cdr.CallType.OUTBOUND)).isBetween(1_300, 1_700);
        assertThat(stats.byType().get(Cdr.CallType.FORWARD)).isBetween(350, 650);
        assertThat(stats.rejected().keySet()).containsOnly(RejectReason.UNKNOWN_OPERATOR, RejectReason.UNKNOWN_TRUNK);
        assertThat(stats.rated()).isBetween(4_800, 4_950);
        assertThat(RatingFixture.stats(engine, RatingFixture.shortInbound(1_000, 1)).rejected()).isEmpty();
    }
}
