package ru.ccbilling.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieContainerSessionsPool;
import org.kie.api.runtime.KieSession;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;

/**
 * A compiled tariff version: its decision tables and its rules, safe to share between threads.
 * Decision tables are pure functions of their inputs, so each answer is memoised for the life of the
 * compiled version; the rules run once per call in a fresh session.
 */
public final class CompiledTariff {

    private static final int MEMO_LIMIT = 100_000;
    /**
     * Rule firings allowed for one call. The shipped rules fire once per line: at most 6 times for a call of
     * 4 stages (CdrReader.MAX_STAGES); a model that keeps inserting facts is stopped here instead of hanging intake.
     */
    static final int MAX_RULE_FIRINGS = 1_000;
    private static final Map<String, Integer> CALL_LINE_ORDER =
            Map.of("NETWORK", 0, "OUTBOUND", 1, "FORWARD_LEG", 1, "MARKING_FEE", 2);

    private final DMNRuntime dmn;
    private final Map<String, DMNModel> modelByDecision;
    private final KieContainerSessionsPool sessions;
    private final List<String> ruleModels;
    private final Map<List<Object>, Optional<BigDecimal>> memo = new ConcurrentHashMap<>();

    CompiledTariff(DMNRuntime dmn, Map<String, DMNModel> modelByDecision, KieContainer rules, List<String> ruleModels) {
        this.dmn = dmn;
        this.ruleModels = List.copyOf(ruleModels);
        this.modelByDecision = Map.copyOf(modelByDecision);
        // sessions are reset and reused rather than built for every call
        this.sessions = rules.newKieSessionsPool(Runtime.getRuntime().availableProcessors() * 2);
    }

    /**
     * The value of a decision for the given inputs (name, value, name, value, ...), or empty when no row
     * matches. Memoised: the engine is asked once per distinct input.
     */
    public Optional<BigDecimal> decide(String decision, Object... namesAndValues) {
        List<Object> key = new ArrayList<>(namesAndValues.length + 1);
        key.add(decision);
        for (Object o : namesAndValues) {
            key.add(o);
        }
        Optional<BigDecimal> known = memo.get(key);
        if (known != null) {
            return known;
        }
        Optional<BigDecimal> value = evaluate(decision, namesAndValues);
        if (memo.size() < MEMO_LIMIT) {
            memo.put(List.copyOf(key), value);
        }
        return value;
    }

    private Optional<BigDecimal> evaluate(String decision, Object[] namesAndValues) {
        DMNModel model = modelByDecision.get(decision);
        if (model == null) {
            throw new TariffEvaluationException("the tariff defines no decision named " + decision);
        }
        DMNContext context = dmn.newContext();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            context.set((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        DMNResult result = dmn.evaluateByName(model, context, decision);
        if (result.hasErrors()) {
            throw new TariffEvaluationException(decision + ": " + result.getMessages());
        }
        DMNDecisionResult decisionResult = result.getDecisionResultByName(decision);
        Object value = decisionResult == null ? null : decisionResult.getResult();
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof BigDecimal number) {
            return Optional.of(number);
        }
        if (value instanceof Number number) {
            return Optional.of(new BigDecimal(number.toString()));
        }
        throw new TariffEvaluationException(decision + " gave " + value + ", not a number");
    }

    /** Prices one call: rates from the decision tables, lines from the rules, in the tariff's order. */
    public Pricing price(CallToPrice call) {
        Map<String, Rate> rates = new LinkedHashMap<>();
        String missing = collectRates(call, rates);
        if (missing != null) {
            return new Pricing.NoRate(missing);
        }
        List<Line> lines = runRules(call, rates.values());
        return toPricing(call, lines);
    }

    private String collectRates(CallToPrice call, Map<String, Rate> rates) {
        String type = call.callType();
        boolean inbound = type.equals("INBOUND_800") || type.equals("FORWARD");
        if (inbound) {
            Optional<BigDecimal> rate = decide(Decisions.NETWORK_MINUTE, "origin", call.origin(), "timeBand", call.timeBand());
            if (rate.isEmpty()) {
                return "NetworkMinute has no row for origin " + call.origin() + ", time band " + call.timeBand();
            }
            rates.put("NETWORK", new Rate("NETWORK", null, rate.get(),
                    "NetworkMinute[" + call.origin() + ", " + call.timeBand() + "]"));
        }
        if (type.equals("OUTBOUND") || type.equals("FORWARD")) {
            String component = type.equals("OUTBOUND") ? "OUTBOUND" : "FORWARD_LEG";
            Optional<BigDecimal> rate = decide(Decisions.OUTBOUND_MINUTE,
                    "destinationClass", call.destinationClass(), "trunk", call.trunk());
            if (rate.isEmpty()) {
                return "OutboundMinute has no row for destination class " + call.destinationClass()
                        + ", trunk " + call.trunk();
            }
            rates.put(component, new Rate(component, null, rate.get(),
                    "OutboundMinute[" + call.destinationClass() + ", " + call.trunk() + "]"));
        }
        if (type.equals("OUTBOUND")) {
            decide(Decisions.MARKING_FEE, "destinationClass", call.destinationClass()).ifPresent(fee ->
                    rates.put("MARKING_FEE", new Rate("MARKING_FEE", null, fee,
                            "MarkingFee[" + call.destinationClass() + "]")));
        }
        for (CallToPrice.StageToPrice stage : call.stages()) {
            String missing = collectStageRate(type, stage, rates);
            if (missing != null) {
                return missing;
            }
        }
        return null;
    }

    private String collectStageRate(String callType, CallToPrice.StageToPrice stage, Map<String, Rate> rates) {
        switch (stage.type()) {
            case "IVR" -> {
                if (!rates.containsKey("IVR")) {
                    Optional<BigDecimal> rate = decide(Decisions.IVR_MINUTE, "callType", callType);
                    if (rate.isEmpty()) {
                        return "IvrMinute has no row for call type " + callType;
                    }
                    rates.put("IVR", new Rate("IVR", null, rate.get(), "IvrMinute[" + callType + "]"));
                }
            }
            case "POST" -> {
                if (!rates.containsKey("POST")) {
                    Optional<BigDecimal> fee = decide(Decisions.POST_PROCESSING_FEE, "callType", callType);
                    if (fee.isEmpty()) {
                        return "PostProcessingFee has no row for call type " + callType;
                    }
                    rates.put("POST", new Rate("POST", null, fee.get(), "PostProcessingFee[" + callType + "]"));
                }
            }
            case "OPERATOR" -> {
                String key = "OPERATOR/" + stage.site();
                if (!rates.containsKey(key)) {
                    Optional<BigDecimal> rate = decide(Decisions.OPERATOR_MINUTE, "site", stage.site());
                    if (rate.isEmpty()) {
                        return "OperatorMinute has no row for site " + stage.site();
                    }
                    rates.put(key, new Rate("OPERATOR", stage.site(), rate.get(), "OperatorMinute[" + stage.site() + "]"));
                }
            }
            default -> throw new TariffEvaluationException("unknown stage type " + stage.type());
        }
        return null;
    }

    private List<Line> runRules(CallToPrice call, Iterable<Rate> rates) {
        KieSession session = sessions.newKieSession();
        try {
            insertFacts(session, call, rates);
            fireBounded(session);
            List<Line> lines = new ArrayList<>();
            for (Object fact : session.getObjects(o -> o instanceof Line)) {
                lines.add((Line) fact);
            }
            return lines;
        } finally {
            session.dispose();
        }
    }

    private static void insertFacts(KieSession session, CallToPrice call, Iterable<Rate> rates) {
        boolean withOperator = false;
        int ivrSeconds = 0;
        List<CallToPrice.StageToPrice> stages = call.stages();
        for (int i = 0; i < stages.size(); i++) {
            CallToPrice.StageToPrice s = stages.get(i);
            withOperator |= s.type().equals("OPERATOR");
            if (s.type().equals("IVR")) {
                ivrSeconds += s.durationSec();
            }
            session.insert(new Stage(i, s.type(), s.durationSec(), s.operatorId(), s.site(), s.dedicated()));
        }
        session.insert(new Call(call.callType(), call.durationSec(), withOperator, ivrSeconds));
        for (Rate rate : rates) {
            session.insert(rate);
        }
    }

    /** fires the rules at most {@link #MAX_RULE_FIRINGS} times; a failing or runaway model is an evaluation error */
    private void fireBounded(KieSession session) {
        int fired;
        try {
            fired = session.fireAllRules(MAX_RULE_FIRINGS);
        } catch (RuntimeException e) {
            throw new TariffEvaluationException("the rules of " + String.join(", ", ruleModels) + " failed: "
                    + rootMessage(e));
        }
        if (fired >= MAX_RULE_FIRINGS) {
            String[] next = {null};
            session.fireAllRules(match -> {
                next[0] = next[0] == null ? match.getRule().getName() : next[0];
                return false;
            }, 1);
            throw new TariffEvaluationException("the rules of " + String.join(", ", ruleModels) + " were stopped after "
                    + MAX_RULE_FIRINGS + " firings for one call" + (next[0] == null ? "" : " (rule \"" + next[0]
                    + "\" was about to fire again)") + "; a rule keeps inserting facts that make rules fire again");
        }
    }

    /** the rule firings one call needs, to measure the bound against the shipped rules */
    int ruleFirings(CallToPrice call) {
        Map<String, Rate> rates = new LinkedHashMap<>();
        collectRates(call, rates);
        KieSession session = sessions.newKieSession();
        try {
            insertFacts(session, call, rates.values());
            return session.fireAllRules(MAX_RULE_FIRINGS);
        } finally {
            session.dispose();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** far above any line of a real call (a stage lasts at most a day): more is an arithmetic overflow in a rule */
    static final int MAX_BILLED_SECONDS = 10_000_000;

    private Pricing toPricing(CallToPrice call, List<Line> lines) {
        int[] perStage = new int[call.stages().size()];
        for (Line line : lines) {
            // a model is data written by people: a line it builds is checked like input before it becomes money
            if (line.getStage() != Line.CALL_LEVEL && (line.getStage() < 0 || line.getStage() >= perStage.length)) {
                throw new TariffEvaluationException("the rules priced stage " + line.getStage() + " of a call with "
                        + perStage.length + " stages");
            }
            if (line.getBilledSeconds() < 0 || line.getBilledSeconds() > MAX_BILLED_SECONDS || line.amount().signum() < 0) {
                throw new TariffEvaluationException("the rules priced " + line.getComponent() + " at "
                        + line.getBilledSeconds() + " s for " + line.amount() + ": a line is never negative nor billed beyond " + MAX_BILLED_SECONDS + " s");
            }
            if (line.getStage() != Line.CALL_LEVEL) {
                perStage[line.getStage()]++;
            }
        }
        for (int i = 0; i < perStage.length; i++) {
            if (perStage[i] != 1) {
                throw new TariffEvaluationException("the rules priced stage " + i + " (" + call.stages().get(i).type()
                        + ") " + perStage[i] + " times; each stage needs exactly one line");
            }
        }
        lines.sort(Comparator.comparingInt(CompiledTariff::position));
        List<PricedLine> priced = new ArrayList<>(lines.size());
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (Line line : lines) {
            BigDecimal amount = line.amount();
            total = total.add(amount);
            priced.add(new PricedLine(line.getComponent(), line.getStage() == Line.CALL_LEVEL ? null : line.getStage(),
                    amount, line.getBilledSeconds(), line.getRate().getValue().stripTrailingZeros().setScale(
                            Math.max(2, line.getRate().getValue().stripTrailingZeros().scale())),
                    line.getNote() + " (" + line.getRate().getSource() + ")"));
        }
        return new Pricing.Priced(priced, total);
    }

    private static int position(Line line) {
        if (line.getStage() != Line.CALL_LEVEL) {
            return 100 + line.getStage();
        }
        return CALL_LINE_ORDER.getOrDefault(line.getComponent(), 50);
    }
}
