package ru.ccbilling.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import ru.ccbilling.rules.CallToPrice.StageToPrice;

/** Rules fire a bounded number of times per call: a model that loops is an evaluation error, not a hung intake. */
class RuleFiringBoundTest {

    private static StageToPrice stage(String type, int s, String op, boolean dedicated) {
        return new StageToPrice(type, s, op, op == null ? null : "MSK", dedicated);
    }

    /** the heaviest calls the engine can send: CdrReader allows at most 4 stages */
    private static final List<CallToPrice> HEAVIEST = List.of(
            new CallToPrice("FORWARD", "MOBILE", "PEAK", "RU_MOBILE", "TRUNK-A", List.of(stage("IVR", 40, null, false),
                    stage("OPERATOR", 100, "OP-101", true), stage("OPERATOR", 70, "OP-102", false), stage("POST", 30, null, false))),
            new CallToPrice("OUTBOUND", null, null, "RU_MOBILE", "TRUNK-A", List.of(stage("OPERATOR", 100, "OP-101", false),
                    stage("OPERATOR", 70, "OP-102", false), stage("POST", 30, null, false), stage("POST", 10, null, false))),
            new CallToPrice("INBOUND_800", "MOBILE", "PEAK", null, null, List.of(stage("IVR", 5, null, false),
                    stage("IVR", 40, null, false), stage("OPERATOR", 70, "OP-102", false), stage("POST", 0, null, false))));

    @Test
    void theShippedRulesFireOncePerLineFarBelowTheBound() {
        int most = 0;
        for (CallToPrice call : HEAVIEST) {
            int firings = ReferenceTariff.TARIFF.ruleFirings(call);
            Pricing.Priced priced = (Pricing.Priced) ReferenceTariff.TARIFF.price(call);
            assertThat(firings).as("one firing per line of %s", call.callType()).isEqualTo(priced.lines().size());
            most = Math.max(most, firings);
        }
        assertThat(most).as("two call lines and four stage lines").isEqualTo(6);
        assertThat(CompiledTariff.MAX_RULE_FIRINGS).isGreaterThanOrEqualTo(100 * most);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)   // a safety net only: the bound stops the rules long before
    void rulesThatKeepInsertingAreStoppedAndReportedAsAnEvaluationErrorOfTheirModel() throws IOException {
        CompiledTariff tariff = shippedTablesWith("lines-beget-lines.drl", "looping/lines-beget-lines.drl");

        CallToPrice call = new CallToPrice("INBOUND_800", "MOBILE", "PEAK", null, null, List.of(stage("IVR", 60, null, false)));
        assertThatThrownBy(() -> tariff.price(call))
                .isInstanceOf(TariffEvaluationException.class)
                .hasMessageContaining("lines-beget-lines.drl")
                .hasMessageContaining("stopped after " + CompiledTariff.MAX_RULE_FIRINGS + " firings")
                .hasMessageContaining("every network line begets another");
        assertThatThrownBy(() -> tariff.price(call)).as("the pooled session is clean for the next call")
                .isInstanceOf(TariffEvaluationException.class);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "misbehaving/negative-minutes.drl, never negative",
            "misbehaving/stage-out-of-range.drl, priced stage 99 of a call with 1 stages"})
    void aLineNoCallCanHaveIsAnEvaluationErrorNotMoney(String resource, String reason) throws IOException {
        CompiledTariff tariff = shippedTablesWith("misbehaving.drl", resource);

        CallToPrice call = new CallToPrice("INBOUND_800", "MOBILE", "PEAK", null, null, List.of(stage("IVR", 60, null, false)));
        assertThatThrownBy(() -> tariff.price(call))
                .isInstanceOf(TariffEvaluationException.class)
                .hasMessageContaining(reason);
    }

    /** the shipped decision tables with these rules in place of the shipped ones, which pass the model checks */
    private static CompiledTariff shippedTablesWith(String name, String resource) throws IOException {
        TariffModel rules = new TariffModel(name, TariffModel.Kind.DRL, read(resource));
        List<TariffModel> models = new ArrayList<>(ShippedTariff.models());
        models.replaceAll(m -> m.name().equals("call-lines.drl") ? rules : m);
        assertThat(DrlModelCheck.check(rules)).as("the model uses only allowed constructs").isEmpty();
        return new TariffCompiler().compile(models);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = RuleFiringBoundTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
