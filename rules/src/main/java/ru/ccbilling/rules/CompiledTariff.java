package ru.ccbilling.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;

/**
 * A compiled tariff version: its decision tables and its rules, safe to share between threads.
 * Decision tables are pure functions of their inputs, so each answer is memoised for the life of the
 * compiled version; the rules run once per call in a session of their own (see {@link RuleSession}).
 */
public final class CompiledTariff {

    private static final int MEMO_LIMIT = 100_000;
    /**
     * Rule firings allowed for one call. The shipped rules fire once per line: at most 6 times for a call of
     * 4 stages (CdrReader.MAX_STAGES), 100 for a conference of 50 participants all dialled out
     * (CallToPrice.MAX_PARTICIPANTS); a model that keeps inserting facts is stopped here instead of hanging intake.
     */
    static final int MAX_RULE_FIRINGS = 1_000;
    /** the order of a call's own lines (tariff sheet 5 and 7.4); a component not named here comes after them */
    private static final Map<String, Integer> CALL_LINE_ORDER = Map.of("NETWORK", 0, "VO_MINUTE", 0,
            "INFORMING_ATTEMPT", 0, "OUTBOUND", 1, "FORWARD_LEG", 1, "MARKING_FEE", 2, "SURVEY_COMPLETED", 3);
    /** a participant's lines: its port, then its leg when it was dialled out */
    private static final Map<String, Integer> PARTICIPANT_LINE_ORDER = Map.of("CONFERENCE_PORT", 0, "CONFERENCE_LEG", 1);

    private final DMNRuntime dmn;
    private final Map<String, DMNModel> modelByDecision;
    private final KieBase kieBase;
    private final KieSessionConfiguration sessionConfiguration;
    /** idle sessions, each empty of facts; a session is used by one call at a time, then given back */
    private final ConcurrentLinkedDeque<RuleSession> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private final int idleLimit = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);
    private final List<String> ruleModels;
    private final Map<List<Object>, Optional<BigDecimal>> memo = new ConcurrentHashMap<>();
    private final Map<CallRates.RateQuestion, Optional<Rate>> rateFacts = new ConcurrentHashMap<>();

    CompiledTariff(DMNRuntime dmn, Map<String, DMNModel> modelByDecision, KieContainer rules, List<String> ruleModels) {
        this.dmn = dmn;
        this.ruleModels = List.copyOf(ruleModels);
        this.modelByDecision = Map.copyOf(modelByDecision);
        this.kieBase = rules.getKieBase();
        // one thread at a time uses a session (borrow/giveBack), so it needs none of the engine's own locking
        this.sessionConfiguration = KieServices.Factory.get().newKieSessionConfiguration();
        this.sessionConfiguration.setOption(ThreadSafeOption.NO);
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

    /** the Rate fact that answers a question of {@link CallRates}, memoised like {@link #decide} */
    Optional<Rate> rateFact(CallRates.RateQuestion question, java.util.function.Supplier<Optional<Rate>> ask) {
        Optional<Rate> known = rateFacts.get(question);
        if (known != null) {
            return known;
        }
        Optional<Rate> rate = ask.get();
        if (rateFacts.size() < MEMO_LIMIT) {
            rateFacts.put(question, rate);
        }
        return rate;
    }

    /** whether the tariff version defines the decision (the services of section 7 are optional) */
    public boolean defines(String decision) {
        return modelByDecision.containsKey(decision);
    }

    /** Prices one call: rates from the decision tables, lines from the rules, in the tariff's order. */
    public Pricing price(CallToPrice call) {
        CallRates rates = CallRates.of(this, call);
        if (rates.missing() != null) {
            return new Pricing.NoRate(rates.missing());
        }
        List<Line> lines = runRules(call, rates.rates());
        return toPricing(call, lines);
    }

    private List<Line> runRules(CallToPrice call, Iterable<Rate> rates) {
        RuleSession rules = borrow();
        boolean clean = false;
        try {
            insertFacts(rules.session, call, rates);
            fireBounded(rules.session);
            List<Line> lines = rules.linesThenEmpty();
            clean = true;
            return lines;
        } finally {
            giveBack(rules, clean);
        }
    }

    private RuleSession borrow() {
        RuleSession rules = idle.pollFirst();
        if (rules == null) {
            return new RuleSession(kieBase.newKieSession(sessionConfiguration, null));
        }
        idleCount.decrementAndGet();
        return rules;
    }

    /**
     * An emptied session goes back to the idle ones (the most recently used first, its memory still warm); a session
     * whose call failed or was stopped by the firing bound may hold facts or pending matches, so it is thrown away.
     */
    private void giveBack(RuleSession rules, boolean clean) {
        if (clean && idleCount.incrementAndGet() <= idleLimit) {
            idle.offerFirst(rules);
            return;
        }
        if (clean) {
            idleCount.decrementAndGet();
        }
        rules.session.dispose();
    }

    /**
     * A rule session reused from call to call instead of one built (or reset) per call: after the rules have fired, every
     * fact of the call (the ones inserted for it and the lines the rules inserted) is deleted again, so the next call
     * starts from an empty working memory, as in a new session, while the session keeps its node memories. Used by
     * one thread at a time. The deletions are evaluated together with the next call's insertions, at its
     * {@code fireAllRules}; no rule fires on an empty working memory in between.
     */
    private static final class RuleSession implements RuleRuntimeEventListener {
        final KieSession session;
        /** every fact handle of the current call, in the order of insertion */
        private final List<FactHandle> handles = new ArrayList<>();
        private final List<Line> lines = new ArrayList<>();

        RuleSession(KieSession session) {
            this.session = session;
            session.addEventListener(this);
        }

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            handles.add(event.getFactHandle());
            if (event.getObject() instanceof Line line) {
                lines.add(line);
            }
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) { }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) { }

        /** the lines the rules inserted for this call; the working memory is empty afterwards */
        List<Line> linesThenEmpty() {
            List<Line> out = new ArrayList<>(lines);
            for (int i = handles.size() - 1; i >= 0; i--) {
                session.delete(handles.get(i));
            }
            handles.clear();
            lines.clear();
            return out;
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
        List<CallToPrice.ParticipantToPrice> participants = call.participants();
        for (int i = 0; i < participants.size(); i++) {
            CallToPrice.ParticipantToPrice p = participants.get(i);
            session.insert(new Participant(i, p.direction(), p.durationSec(),
                    Participant.route(p.destinationClass(), p.trunk())));
        }
        if (call.callType().equals("SURVEY")) {
            session.insert(new Survey(call.surveyCompleted()));
        }
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
        CallRates rates = CallRates.of(this, call);
        RuleSession rules = borrow();
        boolean clean = false;
        try {
            insertFacts(rules.session, call, rates.rates());
            int fired = rules.session.fireAllRules(MAX_RULE_FIRINGS);
            rules.linesThenEmpty();
            clean = fired < MAX_RULE_FIRINGS;
            return fired;
        } finally {
            giveBack(rules, clean);
        }
    }

    /** the facts left in the idle sessions: none, once every call has returned */
    long factsLeftInIdleSessions() {
        long facts = 0;
        for (RuleSession rules : idle) {
            facts += rules.session.getFactCount();
        }
        return facts;
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
        int[] perParticipant = new int[call.participants().size()];
        BigDecimal[] amounts = new BigDecimal[lines.size()];
        for (int l = 0; l < lines.size(); l++) {
            Line line = lines.get(l);
            if (line.getParticipant() != Line.NO_PARTICIPANT) {
                if (line.getParticipant() < 0 || line.getParticipant() >= perParticipant.length) {
                    throw new TariffEvaluationException("the rules priced participant " + line.getParticipant()
                            + " of a call with " + perParticipant.length + " participants");
                }
                perParticipant[line.getParticipant()]++;
            }
            // a model is data written by people: a line it builds is checked like input before it becomes money
            if (line.getStage() != Line.CALL_LEVEL && (line.getStage() < 0 || line.getStage() >= perStage.length)) {
                throw new TariffEvaluationException("the rules priced stage " + line.getStage() + " of a call with "
                        + perStage.length + " stages");
            }
            if (line.getBilledSeconds() < 0 || line.getBilledSeconds() > MAX_BILLED_SECONDS) {
                throw negative(line, line.amount());
            }
            BigDecimal amount = line.amount();
            if (amount.signum() < 0) {
                throw negative(line, amount);
            }
            amounts[l] = amount;
            if (line.getStage() != Line.CALL_LEVEL) {
                perStage[line.getStage()]++;
            }
        }
        for (int i = 0; i < perParticipant.length; i++) {
            // a participant without a line would be a conference leg given away for nothing
            if (perParticipant[i] == 0) {
                throw new TariffEvaluationException("the rules priced no line for participant " + i + " ("
                        + call.participants().get(i).direction() + "); each participant needs at least its port line");
            }
        }
        for (int i = 0; i < perStage.length; i++) {
            if (perStage[i] != 1) {
                throw new TariffEvaluationException("the rules priced stage " + i + " (" + call.stages().get(i).type()
                        + ") " + perStage[i] + " times; each stage needs exactly one line");
            }
        }
        // in the tariff's order; lines of one position keep the order the rules inserted them in (a stable sort)
        Integer[] order = new Integer[lines.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingInt(i -> position(lines.get(i))));
        PricedLine[] priced = new PricedLine[order.length];
        BigDecimal total = ZERO;
        for (int p = 0; p < order.length; p++) {
            Line line = lines.get(order[p]);
            BigDecimal amount = amounts[order[p]];
            total = total.add(amount);
            priced[p] = new PricedLine(line.getComponent(), line.getStage() == Line.CALL_LEVEL ? null : line.getStage(),
                    amount, line.getBilledSeconds(), line.getRate().shownValue(),
                    line.getNote() + " (" + line.getRate().getSource() + ")",
                    line.getParticipant() == Line.NO_PARTICIPANT ? null : line.getParticipant());
        }
        return new Pricing.Priced(List.of(priced), total);
    }

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private static TariffEvaluationException negative(Line line, BigDecimal amount) {
        return new TariffEvaluationException("the rules priced " + line.getComponent() + " at "
                + line.getBilledSeconds() + " s for " + amount + ": a line is never negative nor billed beyond "
                + MAX_BILLED_SECONDS + " s");
    }

    private static int position(Line line) {
        if (line.getStage() != Line.CALL_LEVEL) {
            return 100 + line.getStage();
        }
        if (line.getParticipant() != Line.NO_PARTICIPANT) {
            return 1000 + 10 * line.getParticipant() + PARTICIPANT_LINE_ORDER.getOrDefault(line.getComponent(), 5);
        }
        return CALL_LINE_ORDER.getOrDefault(line.getComponent(), 50);
    }
}
