package ru.ccbilling.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import ru.ccbilling.rules.CallToPrice.ParticipantToPrice;
import ru.ccbilling.rules.CallToPrice.StageToPrice;

/**
 * Lines of the call centre's other services (tariff sheet section 7.4), on named calls that are already
 * classified: given a call, these are its lines, in order, and its total.
 */
class ServicePricingTest {

    private final CompiledTariff tariff = ReferenceTariff.TARIFF;

    private static StageToPrice ivr(int s) { return new StageToPrice("IVR", s, null, null, false); }
    private static StageToPrice post(int s) { return new StageToPrice("POST", s, null, null, false); }
    private static StageToPrice op(int s, String id, String site) { return new StageToPrice("OPERATOR", s, id, site, false); }
    private static StageToPrice dedicated(int s, String id, String site) { return new StageToPrice("OPERATOR", s, id, site, true); }
    private static ParticipantToPrice in(int s) { return new ParticipantToPrice("DIAL_IN", s, null, null); }
    private static ParticipantToPrice out(int s, String destinationClass, String trunk) {
        return new ParticipantToPrice("DIAL_OUT", s, destinationClass, trunk);
    }

    private Pricing.Priced price(CallToPrice call) {
        Pricing pricing = tariff.price(call);
        assertThat(pricing).isInstanceOf(Pricing.Priced.class);
        return (Pricing.Priced) pricing;
    }

    /** "COMPONENT amount" per line, in order */
    private static List<String> lines(Pricing.Priced priced) {
        return priced.lines().stream().map(l -> l.component() + " " + l.amount().toPlainString()).toList();
    }

    @Nested
    class VirtualOffice {
        @Test
        void aCallOfThreeSecondsIsFreeAndItsShortIvrAbandoned() {
            var priced = price(CallToPrice.virtualOffice("PEAK", null, null, List.of(ivr(3))));
            assertThat(lines(priced)).containsExactly("VO_MINUTE 0.00", "IVR 0.00");
            assertThat(priced.lines().get(0).note()).isEqualTo("virtual office: free call, 3 s or less (VirtualOfficeMinute[PEAK])");
        }

        @Test
        void everyStartedMinuteAtFortyKopecksWhateverTheBand() {
            var priced = price(CallToPrice.virtualOffice("OFF_PEAK", null, null, List.of(ivr(4), ivr(57))));
            assertThat(lines(priced)).containsExactly("VO_MINUTE 0.80", "IVR 0.04", "IVR 0.57");
            assertThat(priced.lines().get(0).billedSeconds()).isEqualTo(120);
            assertThat(priced.lines().get(0).rate()).isEqualByComparingTo("0.40");
            assertThat(priced.lines().get(0).stage()).isNull();
        }

        @Test
        void stagesAsForInboundEightHundred() {
            var priced = price(CallToPrice.virtualOffice("PEAK", null, null,
                    List.of(ivr(12), op(130, "OP-102", "MSK"), post(20), post(5))));
            assertThat(lines(priced)).containsExactly("VO_MINUTE 1.20", "IVR 0.06", "OPERATOR 54.00", "POST 5.00", "POST 0.00");
            assertThat(priced.lines().get(1).note()).contains("half rate");
            assertThat(priced.lines()).extracting(PricedLine::stage).containsExactly(null, 0, 1, 2, 3);
        }

        @Test
        void aDedicatedOperatorIsIncludedAndATransferIsPerSecond() {
            var priced = price(CallToPrice.virtualOffice("PEAK", null, null,
                    List.of(dedicated(61, "OP-101", "MSK"), op(61, "OP-202", "NSK"))));
            assertThat(lines(priced)).containsExactly("VO_MINUTE 1.20", "OPERATOR 0.00", "OPERATOR 12.20");
        }

        @Test
        void forwardedOutItPaysTheLegByThirtySix() {
            var priced = price(CallToPrice.virtualOffice("PEAK", "RU_MOBILE", "TRUNK-B", List.of(ivr(20))));
            assertThat(lines(priced)).containsExactly("VO_MINUTE 0.40", "FORWARD_LEG 0.85", "IVR 0.20");
            assertThat(priced.lines().get(1).billedSeconds()).isEqualTo(30);
            assertThat(priced.lines().get(1).note()).isEqualTo("virtual office forwarded out, 30/6 (OutboundMinute[RU_MOBILE, TRUNK-B])");
        }

        @Test
        void notForwardedThereIsNoLeg() {
            assertThat(lines(price(CallToPrice.virtualOffice("PEAK", null, null, List.of(ivr(20))))))
                    .containsExactly("VO_MINUTE 0.40", "IVR 0.20");
        }

        @Test
        void aForwardLegToAClassWithoutARateIsNoRate() {
            assertThat(tariff.price(CallToPrice.virtualOffice("PEAK", "MARS", "TRUNK-A", List.of(ivr(20)))))
                    .isInstanceOf(Pricing.NoRate.class);
        }
    }

    @Nested
    class Conference {
        @Test
        void eachParticipantPaysItsStartedMinutesAndThreeSecondsAreFree() {
            var priced = price(CallToPrice.conference("PEAK", List.of(in(1800), in(1741), in(3))));
            assertThat(lines(priced)).containsExactly("CONFERENCE_PORT 36.00", "CONFERENCE_PORT 36.00", "CONFERENCE_PORT 0.00");
            assertThat(priced.lines()).extracting(PricedLine::participant).containsExactly(0, 1, 2);
            assertThat(priced.lines()).extracting(PricedLine::stage).containsOnlyNulls();
            assertThat(priced.lines().get(2).billedSeconds()).isZero();
            assertThat(priced.lines().get(1).note()).isEqualTo("participant 2, every started minute (ConferencePortMinute[DIAL_IN])");
        }

        @Test
        void aParticipantDialledOutPaysItsLegRightAfterItsPort() {
            var priced = price(CallToPrice.conference("PEAK",
                    List.of(in(600), out(595, "BELARUS", "TRUNK-B"), out(0, "RU_MOBILE", "TRUNK-A"))));
            assertThat(lines(priced)).containsExactly("CONFERENCE_PORT 12.00", "CONFERENCE_PORT 12.00",
                    "CONFERENCE_LEG 110.00", "CONFERENCE_PORT 0.00", "CONFERENCE_LEG 0.00");
            assertThat(priced.lines()).extracting(PricedLine::participant).containsExactly(0, 1, 1, 2, 2);
            assertThat(priced.lines().get(2).billedSeconds()).isEqualTo(600);
            assertThat(priced.lines().get(2).note()).isEqualTo("participant 2 dialled out, 30/6 (OutboundMinute[BELARUS, TRUNK-B])");
            assertThat(priced.total()).isEqualByComparingTo("134.00");
        }

        @Test
        void legsOfTheSameRouteShareTheirRateAndDifferentRoutesKeepTheirOwn() {
            var priced = price(CallToPrice.conference("PEAK",
                    List.of(out(31, "MOSCOW_FIXED", "TRUNK-A"), out(31, "MOSCOW_FIXED", "TRUNK-B"), out(31, "MOSCOW_FIXED", "TRUNK-A"))));
            assertThat(lines(priced)).containsExactly("CONFERENCE_PORT 1.20", "CONFERENCE_LEG 0.48",
                    "CONFERENCE_PORT 1.20", "CONFERENCE_LEG 0.57", "CONFERENCE_PORT 1.20", "CONFERENCE_LEG 0.48");
        }

        @Test
        void aLegWithoutARateIsNoRate() {
            assertThat(tariff.price(CallToPrice.conference("PEAK", List.of(in(60), out(61, "MARS", "TRUNK-A")))))
                    .isInstanceOf(Pricing.NoRate.class);
            assertThat(tariff.price(CallToPrice.conference("PEAK", List.of(out(61, null, null)))))
                    .as("a participant dialled out that the engine could not classify")
                    .isInstanceOf(Pricing.NoRate.class);
        }

        @Test
        void fiftyParticipantsDialledOutFireOnceALineFarBelowTheBound() {
            List<ParticipantToPrice> fifty = new ArrayList<>(Collections.nCopies(CallToPrice.MAX_PARTICIPANTS,
                    out(61, "RU_MOBILE", "TRUNK-A")));
            CallToPrice call = CallToPrice.conference("PEAK", fifty);

            int firings = tariff.ruleFirings(call);
            var priced = price(call);

            assertThat(priced.lines()).hasSize(100);
            assertThat(firings).isEqualTo(100).isLessThan(CompiledTariff.MAX_RULE_FIRINGS);
            assertThat(priced.lines().get(99).participant()).isEqualTo(49);
            assertThat(priced.total()).isEqualByComparingTo("224.50");   // 50 x (2.40 + 66 s x 1.90 / 60 = 2.09)
        }

        @Test
        void moreThanFiftyParticipantsIsNotAConference() {
            List<ParticipantToPrice> fiftyOne = Collections.nCopies(CallToPrice.MAX_PARTICIPANTS + 1, in(60));
            assertThatThrownBy(() -> CallToPrice.conference("PEAK", fiftyOne)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Survey {
        @Test
        void aCompletedSurveyToAMobile() {
            var priced = price(CallToPrice.survey("PEAK", "RU_MOBILE", "TRUNK-A", true, List.of(ivr(185))));
            assertThat(lines(priced)).containsExactly("OUTBOUND 5.89", "MARKING_FEE 0.48", "SURVEY_COMPLETED 15.00", "IVR 1.85");
            assertThat(priced.lines().get(2).note()).isEqualTo("completed survey (SurveyCompletedFee[SURVEY])");
        }

        @Test
        void anUncompletedSurveyPaysNoFeeAndItsIvrIsNeverAbandoned() {
            var priced = price(CallToPrice.survey("PEAK", "MOSCOW_FIXED", "TRUNK-A", false, List.of(ivr(5))));
            assertThat(lines(priced)).containsExactly("OUTBOUND 0.40", "IVR 0.05");
        }

        @Test
        void stagesAsForOutbound() {
            var priced = price(CallToPrice.survey("PEAK", "RU_INTERCITY", "TRUNK-A", true,
                    List.of(ivr(20), dedicated(400, "OP-201", "NSK"), post(30))));
            assertThat(lines(priced)).containsExactly("OUTBOUND 11.25", "SURVEY_COMPLETED 15.00", "IVR 0.10",
                    "OPERATOR 0.00", "POST 5.00");
        }
    }

    @Nested
    class Informing {
        @Test
        void anUnansweredAttemptPaysTheAttemptAndTheMarkingFee() {
            var priced = price(CallToPrice.informing("PEAK", "RU_MOBILE", "TRUNK-A", List.of(ivr(0))));
            assertThat(lines(priced)).containsExactly("INFORMING_ATTEMPT 0.15", "OUTBOUND 0.00", "MARKING_FEE 0.48", "IVR 0.00");
            assertThat(priced.total()).isEqualByComparingTo("0.63");
        }

        @Test
        void theRecordedMessageIsCoveredByTheAttemptFeeHoweverLong() {
            var priced = price(CallToPrice.informing("PEAK", "MOSCOW_FIXED", "TRUNK-B", List.of(ivr(45))));
            assertThat(lines(priced)).containsExactly("INFORMING_ATTEMPT 0.15", "OUTBOUND 0.76", "IVR 0.00");
            assertThat(priced.lines().get(2).billedSeconds()).isEqualTo(45);
            assertThat(priced.lines().get(2).note()).startsWith("recorded message of an informing call: covered by the attempt fee");
        }

        @Test
        void aCalledPersonWhoReachesAnOperatorPaysTheOperatorButNotTheMessage() {
            var priced = price(CallToPrice.informing("PEAK", "MOSCOW_FIXED", "TRUNK-A",
                    List.of(ivr(45), op(70, "OP-102", "MSK"), post(10))));
            assertThat(lines(priced)).containsExactly("INFORMING_ATTEMPT 0.15", "OUTBOUND 1.68", "IVR 0.00",
                    "OPERATOR 36.00", "POST 5.00");
        }
    }

    @Test
    void rulesThatDoNotPriceConferencesCannotGiveAParticipantAwayForNothing() {
        List<TariffModel> models = new ArrayList<>(ShippedTariff.models());
        models.removeIf(m -> m.name().equals("service-lines.drl"));
        CompiledTariff withoutServiceLines = new TariffCompiler().compile(models);

        assertThatThrownBy(() -> withoutServiceLines.price(CallToPrice.conference("PEAK", List.of(in(60)))))
                .isInstanceOf(TariffEvaluationException.class)
                .hasMessageContaining("no line for participant 0");
    }
}
