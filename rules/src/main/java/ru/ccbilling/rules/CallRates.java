package ru.ccbilling.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rates one call needs, asked of the tariff's decision tables and handed to the rules as {@link Rate} facts.
 * A rate the call needs and the tariff lacks makes the call unpriceable ({@link #missing()} says which); a fee whose
 * table has no row (the marking fee off RU_MOBILE) is simply absent and its rule does not fire.
 */
final class CallRates {

    private final CompiledTariff tariff;
    private final CallToPrice call;
    /** in the order they were asked for; a call needs a handful (a conference one per direction and route) */
    private final List<Rate> rates = new ArrayList<>(8);
    private String missing;

    private CallRates(CompiledTariff tariff, CallToPrice call) {
        this.tariff = tariff;
        this.call = call;
    }

    static CallRates of(CompiledTariff tariff, CallToPrice call) {
        CallRates rates = new CallRates(tariff, call);
        rates.collect();
        return rates;
    }

    Iterable<Rate> rates() { return rates; }

    /** why the call cannot be priced, or null */
    String missing() { return missing; }

    private void collect() {
        switch (call.callType()) {
            case "INBOUND_800" -> network();
            case "FORWARD" -> {
                network();
                outbound("FORWARD_LEG");
            }
            case "OUTBOUND" -> {
                outbound("OUTBOUND");
                markingFee();
            }
            case "VIRTUAL_OFFICE" -> {
                need("VO_MINUTE", null, Decisions.VIRTUAL_OFFICE_MINUTE, "timeBand", call.timeBand());
                // the engine gives the destination class only when the call was forwarded out: no leg, no rate
                if (call.destinationClass() != null) {
                    outbound("FORWARD_LEG");
                }
            }
            case "CONFERENCE" -> conference();
            case "SURVEY" -> {
                outbound("OUTBOUND");
                markingFee();
                if (call.surveyCompleted()) {
                    need("SURVEY_COMPLETED", null, Decisions.SURVEY_COMPLETED_FEE, "callType", call.callType());
                }
            }
            case "INFORMING" -> {
                need("INFORMING_ATTEMPT", null, Decisions.INFORMING_ATTEMPT_FEE, "callType", call.callType());
                outbound("OUTBOUND");
                markingFee();
            }
            default -> throw new TariffEvaluationException("unknown call type " + call.callType());
        }
        for (CallToPrice.StageToPrice stage : call.stages()) {
            stage(stage);
        }
    }

    private void network() {
        need("NETWORK", null, Decisions.NETWORK_MINUTE, "origin", call.origin(), "timeBand", call.timeBand());
    }

    private void outbound(String component) {
        need(component, null, Decisions.OUTBOUND_MINUTE, "destinationClass", call.destinationClass(),
                "trunk", call.trunk());
    }

    private void markingFee() {
        optional("MARKING_FEE", Decisions.MARKING_FEE, "destinationClass", call.destinationClass());
    }

    /** a port rate per direction, a leg rate per route of the participants dialled out */
    private void conference() {
        for (CallToPrice.ParticipantToPrice p : call.participants()) {
            need("CONFERENCE_PORT", p.direction(), Decisions.CONFERENCE_PORT_MINUTE, "direction", p.direction());
            if ("DIAL_OUT".equals(p.direction())) {
                need("CONFERENCE_LEG", Participant.route(p.destinationClass(), p.trunk()), Decisions.OUTBOUND_MINUTE,
                        "destinationClass", p.destinationClass(), "trunk", p.trunk());
            }
        }
    }

    private void stage(CallToPrice.StageToPrice stage) {
        switch (stage.type()) {
            case "IVR" -> need("IVR", null, Decisions.IVR_MINUTE, "callType", call.callType());
            case "POST" -> need("POST", null, Decisions.POST_PROCESSING_FEE, "callType", call.callType());
            case "OPERATOR" -> need("OPERATOR", stage.site(), Decisions.OPERATOR_MINUTE, "site", stage.site());
            default -> throw new TariffEvaluationException("unknown stage type " + stage.type());
        }
    }

    /** a rate the call cannot be priced without; asked once per component and key */
    private void need(String component, String key, String decision, Object... namesAndValues) {
        if (missing != null || has(component, key)) {
            return;
        }
        if (!tariff.defines(decision)) {
            missing = "the tariff version has no " + decision + " table";
            return;
        }
        // an input the engine could not give (a participant dialled out without a class) matches no row
        Optional<Rate> rate = hasNull(namesAndValues) ? Optional.empty() : rate(component, key, decision, namesAndValues);
        if (rate.isEmpty()) {
            missing = decision + " has no row for " + describe(namesAndValues);
            return;
        }
        rates.add(rate.get());
    }

    /** a fee that applies only where its table has a row */
    private void optional(String component, String decision, Object... namesAndValues) {
        if (missing == null && !hasNull(namesAndValues)) {
            rate(component, null, decision, namesAndValues).ifPresent(rates::add);
        }
    }

    private boolean has(String component, String key) {
        for (Rate rate : rates) {
            if (rate.getComponent().equals(component) && Objects.equals(rate.getKey(), key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The Rate fact of a component for these inputs, or empty when the table has no row. A Rate is immutable and a pure
     * function of the component, its key, the decision and the inputs, so the compiled version keeps one object per
     * distinct question (as it keeps the decision's answer, see {@link CompiledTariff#decide}) instead of building the
     * fact and its source text for every call. The names of the inputs are fixed by the decision.
     */
    private Optional<Rate> rate(String component, String key, String decision, Object[] namesAndValues) {
        if (namesAndValues.length > 4) {
            return tariff.decide(decision, namesAndValues).map(v -> newRate(component, key, v, decision, namesAndValues));
        }
        RateQuestion question = new RateQuestion(component, key, decision,
                namesAndValues.length > 1 ? namesAndValues[1] : null, namesAndValues.length > 3 ? namesAndValues[3] : null);
        return tariff.rateFact(question, () -> tariff.decide(decision, namesAndValues)
                .map(v -> newRate(component, key, v, decision, namesAndValues)));
    }

    /** the memo key of a Rate fact: at most two inputs, by value (equals and hashCode written out: they are hot) */
    record RateQuestion(String component, String key, String decision, Object first, Object second) {
        @Override
        public boolean equals(Object o) {
            return o instanceof RateQuestion q && component.equals(q.component) && decision.equals(q.decision)
                    && Objects.equals(key, q.key) && Objects.equals(first, q.first) && Objects.equals(second, q.second);
        }

        @Override
        public int hashCode() {
            int h = component.hashCode() * 31 + decision.hashCode();
            h = h * 31 + (key == null ? 0 : key.hashCode());
            h = h * 31 + (first == null ? 0 : first.hashCode());
            return h * 31 + (second == null ? 0 : second.hashCode());
        }
    }

    private static boolean hasNull(Object[] values) {
        for (Object value : values) {
            if (value == null) {
                return true;
            }
        }
        return false;
    }

    private static Rate newRate(String component, String key, BigDecimal value, String decision, Object[] namesAndValues) {
        StringBuilder source = new StringBuilder(decision).append('[');
        for (int i = 1; i < namesAndValues.length; i += 2) {
            source.append(i > 1 ? ", " : "").append(namesAndValues[i]);
        }
        return new Rate(component, key, value, source.append(']').toString());
    }

    /** "origin MOBILE, time band PEAK": the inputs as the tariff manager reads them */
    private static String describe(Object[] namesAndValues) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            String name = ((String) namesAndValues[i]).replaceAll("([A-Z])", " $1").toLowerCase();
            out.append(i > 0 ? ", " : "").append(name).append(' ').append(namesAndValues[i + 1]);
        }
        return out.toString();
    }
}
