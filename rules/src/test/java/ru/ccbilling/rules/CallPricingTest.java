package ru.ccbilling.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import ru.ccbilling.rules.CallToPrice.StageToPrice;

/**
 * Rounding and combination rules of CC-STANDARD-2026 (section 5), on named calls that are already
 * classified: given a call, these are its lines and its total.
 */
class CallPricingTest {

    private final CompiledTariff tariff = ReferenceTariff.TARIFF;

    private static StageToPrice ivr(int s) { return new StageToPrice("IVR", s, null, null, false); }
    private static StageToPrice post(int s) { return new StageToPrice("POST", s, null, null, false); }
    private static StageToPrice op(int s, String id, String site) { return new StageToPrice("OPERATOR", s, id, site, false); }
    private static StageToPrice dedicated(int s, String id, String site) { return new StageToPrice("OPERATOR", s, id, site, true); }

    private static CallToPrice inbound(String origin, String band, StageToPrice... stages) {
        return new CallToPrice("INBOUND_800", origin, band, null, null, List.of(stages));
    }

    private static CallToPrice outbound(String destinationClass, String trunk, StageToPrice... stages) {
        return new CallToPrice("OUTBOUND", null, null, destinationClass, trunk, List.of(stages));
    }

    private static CallToPrice forward(String origin, String band, String destinationClass, String trunk, StageToPrice... stages) {
        return new CallToPrice("FORWARD", origin, band, destinationClass, trunk, List.of(stages));
    }

    private Pricing.Priced price(CallToPrice call) {
        Pricing pricing = tariff.price(call);
        assertThat(pricing).isInstanceOf(Pricing.Priced.class);
        return (Pricing.Priced) pricing;
    }

    /** "COMPONENT amount" per line, in order */
    private static List<String> lines(Pricing.Priced priced) {
        List<String> out = new ArrayList<>();
        priced.lines().forEach(l -> out.add(l.component() + " " + l.amount().toPlainString()));
        return out;
    }

    @Nested
    class Network {
        @Test
        void aCallOfThreeSecondsIsFree() {
            var priced = price(inbound("LOCAL", "PEAK", ivr(3)));
            assertThat(lines(priced)).containsExactly("NETWORK 0.00", "IVR 0.00");
            assertThat(priced.lines().get(0).billedSeconds()).isZero();
        }

        @Test
        void fourSecondsIsAWholeMinute() {
            var priced = price(inbound("LOCAL", "PEAK", ivr(4)));
            assertThat(lines(priced)).containsExactly("NETWORK 1.20", "IVR 0.00");
            assertThat(priced.lines().get(0).billedSeconds()).isEqualTo(60);
        }

        @Test
        void sixtyOneSecondsAreTwoMinutes() {
            var priced = price(inbound("INTERCITY", "PEAK", ivr(61)));
            assertThat(lines(priced)).containsExactly("NETWORK 4.20", "IVR 0.61");
            assertThat(priced.total()).isEqualByComparingTo("4.81");
        }
    }

    @Nested
    class Stages {
        @Test
        void ivrOperatorAndPostOfAMobileCallerAtPeak() {
            var priced = price(inbound("MOBILE", "PEAK", ivr(35), op(200, "OP-102", "MSK"), post(60)));
            // IVR at half rate 0.30: 35 s = 0.175 -> 0.18; operator 4 started minutes x 18.00
            assertThat(lines(priced)).containsExactly("NETWORK 14.50", "IVR 0.18", "OPERATOR 72.00", "POST 5.00");
            assertThat(priced.total()).isEqualByComparingTo("91.68");
            assertThat(priced.lines().get(1).rate()).isEqualByComparingTo("0.30");
        }

        @Test
        void abandonedInIvrUnderTenSecondsIsFree() {
            assertThat(lines(price(inbound("MOBILE", "OFF_PEAK", ivr(9))))).containsExactly("NETWORK 2.40", "IVR 0.00");
        }

        @Test
        void tenSecondsInIvrArePaid() {
            assertThat(lines(price(inbound("MOBILE", "PEAK", ivr(10))))).containsExactly("NETWORK 2.90", "IVR 0.10");
        }

        @Test
        void aDedicatedOperatorIsIncludedButTheLineStays() {
            var priced = price(inbound("MOBILE", "OFF_PEAK", ivr(20), dedicated(60, "OP-201", "NSK")));
            assertThat(lines(priced)).containsExactly("NETWORK 4.80", "IVR 0.10", "OPERATOR 0.00");
            assertThat(priced.lines().get(2).note()).contains("dedicated operator OP-201");
        }

        @Test
        void aTransferToASecondOperatorIsBilledPerSecond() {
            var priced = price(inbound("LOCAL", "PEAK", ivr(12), op(95, "OP-301", "REMOTE"), op(95, "OP-102", "MSK"), post(30)));
            assertThat(lines(priced)).containsExactly("NETWORK 4.80", "IVR 0.06", "OPERATOR 18.00", "OPERATOR 28.50", "POST 5.00");
        }

        @Test
        void onePostProcessingFeePerCallOnTheFirstThatLasted() {
            var priced = price(inbound("LOCAL", "PEAK", post(0), op(1, "OP-202", "NSK"), post(10), post(10)));
            assertThat(lines(priced)).containsExactly("NETWORK 1.20", "POST 0.00", "OPERATOR 12.00", "POST 5.00", "POST 0.00");
        }

        @Test
        void halfKopecksRoundUpOncePerLine() {
            var priced = price(inbound("LOCAL", "OFF_PEAK", ivr(125), dedicated(600, "OP-101", "MSK"), op(121, "OP-202", "NSK"), post(301)));
            assertThat(lines(priced)).containsExactly("NETWORK 18.00", "IVR 0.63", "OPERATOR 0.00", "OPERATOR 24.20", "POST 5.00");
            assertThat(priced.total()).isEqualByComparingTo("47.83");
        }
    }

    @Nested
    class OutboundAndForward {
        @Test
        void thirtySixWithMarkingFeeToAMobile() {
            var priced = price(outbound("RU_MOBILE", "TRUNK-B", op(31, "OP-102", "MSK")));
            assertThat(lines(priced)).containsExactly("OUTBOUND 1.02", "MARKING_FEE 0.48", "OPERATOR 18.00");
            assertThat(priced.lines().get(0).billedSeconds()).isEqualTo(36);
        }

        @Test
        void anUnansweredAttemptStillPaysTheMarkingFee() {
            assertThat(lines(price(outbound("RU_MOBILE", "TRUNK-A", ivr(0)))))
                    .containsExactly("OUTBOUND 0.00", "MARKING_FEE 0.48", "IVR 0.00");
        }

        @Test
        void outboundIvrIsNeverAbandoned() {
            assertThat(lines(price(outbound("MOSCOW_FIXED", "TRUNK-A", ivr(45)))))
                    .containsExactly("OUTBOUND 0.64", "IVR 0.45");
        }

        @Test
        void anyStartedSixSecondsAfterTheFirstThirty() {
            var priced = price(outbound("BELARUS", "TRUNK-B", op(125, "OP-301", "REMOTE"), post(40)));
            assertThat(lines(priced)).containsExactly("OUTBOUND 30.80", "OPERATOR 27.00", "POST 5.00");
            assertThat(priced.lines().get(0).billedSeconds()).isEqualTo(168);
        }

        @Test
        void aForwardedCallPaysTheNetworkMinuteAndTheLeg() {
            assertThat(lines(price(forward("MOBILE", "PEAK", "RU_INTERCITY", "TRUNK-A", ivr(15)))))
                    .containsExactly("NETWORK 2.90", "FORWARD_LEG 0.75", "IVR 0.15");
            assertThat(lines(price(forward("LOCAL", "OFF_PEAK", "RU_MOBILE", "TRUNK-B", ivr(8)))))
                    .containsExactly("NETWORK 0.90", "FORWARD_LEG 0.85", "IVR 0.00");
        }
    }

    @Test
    void aClassWithoutARateIsNoRate() {
        assertThat(tariff.price(outbound("MARS", "TRUNK-A", ivr(30)))).isInstanceOf(Pricing.NoRate.class);
        assertThat(tariff.price(inbound("MOBILE", "PEAK", op(30, "OP-X", "PARIS")))).isInstanceOf(Pricing.NoRate.class);
    }
}
