package ru.ccbilling.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import ru.ccbilling.rules.CallToPrice.ParticipantToPrice;
import ru.ccbilling.rules.CallToPrice.StageToPrice;

/**
 * A compiled tariff reuses its rule sessions from call to call (the facts of a call are deleted after its rules have
 * fired) and lends each session to one thread at a time. Many threads pricing different calls at once, more threads
 * than sessions are kept idle, must price every call exactly as one thread alone does; and no session may keep a fact
 * of a call once the call is priced, whether it was priced, had no rate or failed.
 */
class ConcurrentPricingTest {

    private static StageToPrice stage(String type, int s, String op, boolean dedicated) {
        return new StageToPrice(type, s, op, op == null ? null : "MSK", dedicated);
    }

    private static StageToPrice operatorAt(String site, int s) {
        return new StageToPrice("OPERATOR", s, "OP-X", site, false);
    }

    /** every call type, free and charged lines, transfers, dedicated operators, and calls the tariff has no rate for */
    private static List<CallToPrice> calls() {
        List<CallToPrice> calls = new ArrayList<>();
        for (int d : new int[] {2, 3, 4, 59, 61, 125}) {
            calls.add(new CallToPrice("INBOUND_800", "MOBILE", d % 2 == 0 ? "PEAK" : "OFF_PEAK", null, null,
                    List.of(stage("IVR", d, null, false))));
            calls.add(new CallToPrice("INBOUND_800", "LOCAL", "PEAK", null, null, List.of(stage("IVR", 5, null, false),
                    stage("IVR", d, null, false), stage("OPERATOR", 70 + d, "OP-102", false), stage("POST", d % 3, null, false))));
            calls.add(new CallToPrice("FORWARD", "INTERCITY", "OFF_PEAK", "RU_MOBILE", "TRUNK-A", List.of(
                    stage("IVR", 40, null, false), stage("OPERATOR", d, "OP-101", true), stage("OPERATOR", 70, "OP-102", false),
                    stage("POST", 30, null, false))));
            calls.add(new CallToPrice("OUTBOUND", null, null, d > 60 ? "BELARUS" : "RU_MOBILE", "TRUNK-B", List.of(
                    stage("OPERATOR", d, "OP-101", false), stage("POST", 30, null, false), stage("POST", 10, null, false))));
            calls.add(CallToPrice.virtualOffice("PEAK", d > 60 ? "RU_MOBILE" : null, d > 60 ? "TRUNK-A" : null,
                    List.of(stage("IVR", d, null, false))));
            calls.add(CallToPrice.conference(d % 2 == 0 ? "PEAK" : "OFF_PEAK", List.of(
                    new ParticipantToPrice("DIAL_IN", 60 * d, null, null), new ParticipantToPrice("DIAL_IN", d, null, null),
                    new ParticipantToPrice("DIAL_OUT", d + 7, "RU_MOBILE", "TRUNK-A"))));
            calls.add(CallToPrice.survey("OFF_PEAK", "RU_MOBILE", "TRUNK-A", d > 60, List.of(stage("IVR", d, null, false))));
            calls.add(CallToPrice.informing("PEAK", "MOSCOW_FIXED", "TRUNK-B", List.of(stage("IVR", d, null, false))));
            // no rate: a site the operator table does not know, a destination the outbound table does not know
            calls.add(new CallToPrice("INBOUND_800", "MOBILE", "PEAK", null, null, List.of(operatorAt("MARS", d))));
            calls.add(new CallToPrice("OUTBOUND", null, null, "MARS", "TRUNK-A", List.of(stage("OPERATOR", d, "OP-101", false))));
        }
        return calls;
    }

    @Test
    void manyThreadsPriceEveryCallAsOneThreadAlone() throws Exception {
        CompiledTariff tariff = new TariffCompiler().compile(ShippedTariff.models());
        List<CallToPrice> calls = calls();
        List<String> alone = new ArrayList<>();
        for (CallToPrice call : calls) {
            alone.add(String.valueOf(tariff.price(call)));
        }
        assertThat(alone).anyMatch(p -> p.startsWith("NoRate")).anyMatch(p -> p.startsWith("Priced"));

        int threads = Math.max(8, 3 * Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * 7;
                runs.add(pool.submit(() -> {
                    start.await();
                    // each thread walks the calls from its own starting point, round after round
                    String[] results = new String[calls.size()];
                    for (int round = 0; round < 5; round++) {
                        for (int k = 0; k < calls.size(); k++) {
                            int i = (k + offset) % calls.size();
                            String priced = String.valueOf(tariff.price(calls.get(i)));
                            if (round > 0 && !priced.equals(results[i])) {
                                return List.of("round " + round + " call " + i + ": " + priced + " after " + results[i]);
                            }
                            results[i] = priced;
                        }
                    }
                    return List.of(results);
                }));
            }
            start.countDown();
            for (Future<List<String>> run : runs) {
                assertThat(run.get()).isEqualTo(alone);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(tariff.factsLeftInIdleSessions()).as("facts left behind in the idle sessions").isZero();
    }

    @Test
    void aSessionWhoseRulesWereStoppedIsNotReusedAndAFailedCallLeavesNoFacts() throws IOException {
        TariffModel loopingRules = new TariffModel("lines-beget-lines.drl", TariffModel.Kind.DRL,
                read("looping/lines-beget-lines.drl"));
        List<TariffModel> models = new ArrayList<>(ShippedTariff.models());
        models.replaceAll(m -> m.name().equals("call-lines.drl") ? loopingRules : m);
        CompiledTariff looping = new TariffCompiler().compile(models);
        CallToPrice call = new CallToPrice("INBOUND_800", "MOBILE", "PEAK", null, null, List.of(stage("IVR", 60, null, false)));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> looping.price(call)).isInstanceOf(TariffEvaluationException.class)
                    .hasMessageContaining("stopped after " + CompiledTariff.MAX_RULE_FIRINGS + " firings");
            assertThat(looping.factsLeftInIdleSessions()).isZero();
        }

        TariffModel misbehavingRules = new TariffModel("misbehaving.drl", TariffModel.Kind.DRL,
                read("misbehaving/stage-out-of-range.drl"));
        models = new ArrayList<>(ShippedTariff.models());
        models.replaceAll(m -> m.name().equals("call-lines.drl") ? misbehavingRules : m);
        CompiledTariff misbehaving = new TariffCompiler().compile(models);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> misbehaving.price(call)).isInstanceOf(TariffEvaluationException.class)
                    .hasMessageContaining("priced stage 99");
            assertThat(misbehaving.factsLeftInIdleSessions()).isZero();
        }
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = ConcurrentPricingTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
