package ru.ccbilling.rules;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.kie.api.runtime.KieContainer;
import org.kie.api.builder.Message;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.core.compiler.RuntimeTypeCheckOption;
import org.kie.dmn.core.impl.DMNRuntimeImpl;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.internal.io.ResourceFactory;
import org.kie.internal.utils.KieHelper;
import org.kie.dmn.backend.marshalling.v1x.DMNMarshallerFactory;
import org.kie.dmn.validation.DMNValidator;
import org.kie.dmn.validation.DMNValidatorFactory;

import ru.ccbilling.rules.ModelMessage.Severity;

/**
 * Compiles the models of a tariff version (DMN decision tables and DRL rule files) into a
 * {@link CompiledTariff} with the real KIE engines. Each model is checked first ({@link DrlModelCheck},
 * {@link DmnModelCheck}): models are data, and one that could run code is refused before KIE reads it.
 * Compilation is the expensive step; do it once per version and share the result between threads.
 */
public final class TariffCompiler {

    /** The decisions the rating engine asks a tariff for; each must be defined by exactly one DMN model. */
    public static final List<String> REQUIRED_DECISIONS = List.of(
            Decisions.NETWORK_MINUTE, Decisions.OPERATOR_MINUTE, Decisions.IVR_MINUTE, Decisions.POST_PROCESSING_FEE,
            Decisions.OUTBOUND_MINUTE, Decisions.MARKING_FEE, Decisions.ONE_TIME_SERVICE, Decisions.MONTHLY_FEE,
            Decisions.VOLUME_COEFFICIENT);

    /**
     * The decisions of the call centre's other services (tariff sheet section 7). They are not required: versions
     * made before them still compile and rate the calls of section 2; a call of a new type on such a version has no
     * rate (NO_RATE), never a price of 0.00. A version that defines them must meet {@link DecisionContract}.
     */
    public static final List<String> SERVICE_DECISIONS = List.of(
            Decisions.VIRTUAL_OFFICE_MINUTE, Decisions.CONFERENCE_PORT_MINUTE, Decisions.SURVEY_COMPLETED_FEE,
            Decisions.INFORMING_ATTEMPT_FEE, Decisions.INCLUDED_QUANTITY);

    public CompiledTariff compile(List<TariffModel> models) {
        List<ModelMessage> messages = new ArrayList<>();
        Compiled compiled = compileAll(models, messages);
        if (messages.stream().anyMatch(m -> m.severity() == Severity.ERROR)) {
            throw new TariffCompilationException(messages);
        }
        return new CompiledTariff(compiled.dmn, compiled.modelByDecision, compiled.rules, compiled.ruleModels);
    }

    /** The messages of every model and, when there is no error, the compiled tariff: one compilation for both. */
    public record Compilation(List<ModelMessage> messages, CompiledTariff tariff) {
        public boolean valid() {
            return tariff != null;
        }
    }

    public Compilation compileAndValidate(List<TariffModel> models) {
        List<ModelMessage> messages = new ArrayList<>();
        Compiled compiled = compileAll(models, messages);
        boolean failed = messages.stream().anyMatch(m -> m.severity() == Severity.ERROR);
        return new Compilation(List.copyOf(messages),
                failed ? null : new CompiledTariff(compiled.dmn, compiled.modelByDecision, compiled.rules,
                        compiled.ruleModels));
    }

    /** Every error and warning of every model; an empty list or warnings only means the version compiles. */
    public List<ModelMessage> validate(List<TariffModel> models) {
        List<ModelMessage> messages = new ArrayList<>();
        compileAll(models, messages);
        return messages;
    }

    private record Compiled(DMNRuntime dmn, Map<String, DMNModel> modelByDecision, KieContainer rules,
                            List<String> ruleModels) { }

    private Compiled compileAll(List<TariffModel> models, List<ModelMessage> messages) {
        List<TariffModel> dmnModels = models.stream().filter(m -> m.kind() == TariffModel.Kind.DMN).toList();
        List<TariffModel> drlModels = models.stream().filter(m -> m.kind() == TariffModel.Kind.DRL).toList();
        DMNRuntime dmn = compileDecisions(checked(dmnModels, DmnModelCheck::check, messages), messages);
        Map<String, DMNModel> byDecision = dmn == null ? Map.of() : decisionsOf(dmn, messages);
        KieContainer rules = compileRules(drlModels, messages);
        return new Compiled(dmn, byDecision, rules, drlModels.stream().map(TariffModel::name).toList());
    }

    /**
     * The models that pass their check (tariff models are data, see DrlModelCheck and DmnModelCheck); a refused
     * model never reaches KIE, whose parsers and compilers may evaluate what they read.
     */
    private static List<TariffModel> checked(List<TariffModel> models, Function<TariffModel, List<ModelMessage>> check,
                                             List<ModelMessage> messages) {
        List<TariffModel> accepted = new ArrayList<>();
        for (TariffModel model : models) {
            List<ModelMessage> refusals = check.apply(model);
            messages.addAll(refusals);
            if (refusals.isEmpty()) {
                accepted.add(model);
            }
        }
        return accepted;
    }

    private DMNRuntime compileDecisions(List<TariffModel> dmnModels, List<ModelMessage> messages) {
        List<Resource> resources = new ArrayList<>();
        for (TariffModel model : dmnModels) {
            String unreadable = unreadableXml(model);
            if (unreadable != null) {
                messages.add(new ModelMessage(model.name(), Severity.ERROR, "not a readable DMN document: " + unreadable,
                        null));
                continue;
            }
            Resource resource = ResourceFactory.newReaderResource(new StringReader(model.content()), "UTF-8");
            resource.setSourcePath(model.name());
            resources.add(resource);
        }
        try {
            var built = DMNRuntimeBuilder.fromDefaults().buildConfiguration().fromResources(resources);
            DMNRuntime runtime = built.getOrElseThrow(e -> new IllegalStateException(e));
            // a string where a number belongs must not silently match a wildcard row
            ((DMNRuntimeImpl) runtime).setOption(new RuntimeTypeCheckOption(true));
            for (DMNModel model : runtime.getModels()) {
                String name = sourceName(model, dmnModels);
                for (DMNMessage message : model.getMessages()) {
                    messages.add(new ModelMessage(name, severityOf(message.getLevel()), message.getText(),
                            message.getSourceId()));
                }
                messages.addAll(DecisionContract.check(name, model));
            }
            analyseTables(dmnModels, messages);
            return runtime;
        } catch (RuntimeException e) {
            messages.add(new ModelMessage(firstName(dmnModels), Severity.ERROR,
                    "decision tables do not compile: " + rootMessage(e), null));
            return null;
        }
    }

    /** why a DMN model cannot be read as XML, or null when it can */
    private static String unreadableXml(TariffModel model) {
        try {
            var definitions = DMNMarshallerFactory.newDefaultMarshaller().unmarshal(new StringReader(model.content()));
            return definitions == null ? "no definitions" : null;
        } catch (RuntimeException e) {
            return rootMessage(e);
        }
    }

    /** overlapping rows of UNIQUE tables, gaps and other table analysis findings, per model */
    private void analyseTables(List<TariffModel> dmnModels, List<ModelMessage> messages) {
        DMNValidator validator = DMNValidatorFactory.newValidator();
        try {
            for (TariffModel model : dmnModels) {
                if (unreadableXml(model) != null) {
                    continue;
                }
                for (DMNMessage message : validator.validate(new StringReader(model.content()),
                        DMNValidator.Validation.VALIDATE_MODEL, DMNValidator.Validation.ANALYZE_DECISION_TABLE)) {
                    // string columns cannot be gap-analysed; saying so on every table is noise
                    if (message.getText().contains("Gap analysis skipped")) {
                        continue;
                    }
                    // the engine's English summary of an analysis ("... finished with 0 messages reported"): its findings,
                    // when there are any, are messages of their own
                    if (message.getText().contains("Decision Table Analysis of table")
                            && message.getText().contains("finished with")) {
                        continue;
                    }
                    Severity severity = severityOf(message.getLevel());
                    ModelMessage found = new ModelMessage(model.name(), severity, message.getText(),
                            message.getSourceId());
                    if (!messages.contains(found)) {
                        messages.add(found);
                    }
                }
            }
        } finally {
            validator.dispose();
        }
    }

    private Map<String, DMNModel> decisionsOf(DMNRuntime runtime, List<ModelMessage> messages) {
        Map<String, DMNModel> byDecision = new HashMap<>();
        for (DMNModel model : runtime.getModels()) {
            for (DecisionNode decision : model.getDecisions()) {
                DMNModel previous = byDecision.put(decision.getName(), model);
                if (previous != null) {
                    messages.add(new ModelMessage(model.getName(), Severity.ERROR,
                            "decision " + decision.getName() + " is defined twice (also in " + previous.getName() + ")",
                            decision.getId()));
                }
            }
        }
        for (String required : REQUIRED_DECISIONS) {
            if (!byDecision.containsKey(required)) {
                messages.add(new ModelMessage(required, Severity.ERROR,
                        "the tariff defines no decision named " + required, null));
            }
        }
        return byDecision;
    }

    private KieContainer compileRules(List<TariffModel> drlModels, List<ModelMessage> messages) {
        if (drlModels.isEmpty()) {
            messages.add(new ModelMessage("rules", Severity.ERROR, "the tariff has no DRL rule file", null));
            return null;
        }
        List<TariffModel> accepted = checked(drlModels, DrlModelCheck::check, messages);
        boolean failed = accepted.size() < drlModels.size();
        KieHelper helper = new KieHelper();
        for (TariffModel model : accepted) {
            // each file checked alone first, so every message names the file it comes from
            KieHelper single = new KieHelper();
            single.addContent(model.content(), ResourceType.DRL);
            for (Message message : single.verify().getMessages()) {
                Severity severity = message.getLevel() == Message.Level.ERROR ? Severity.ERROR
                        : message.getLevel() == Message.Level.WARNING ? Severity.WARNING : Severity.INFO;
                failed |= severity == Severity.ERROR;
                String location = message.getLine() > 0 ? "line " + message.getLine()
                        + (message.getColumn() > 0 ? ", column " + message.getColumn() : "") : null;
                messages.add(new ModelMessage(model.name(), severity, message.getText(), location));
            }
            helper.addContent(model.content(), model.name().endsWith(".drl") ? model.name() : model.name() + ".drl");
        }
        if (failed) {
            return null;
        }
        try {
            KieContainer container = Boolean.getBoolean("ccbilling.drl.executable-model")
                    ? helper.getKieContainer(org.drools.model.codegen.ExecutableModelProject.class)
                    : helper.getKieContainer();
            container.getKieBase();
            return container;
        } catch (RuntimeException e) {
            messages.add(new ModelMessage(firstName(drlModels), Severity.ERROR, rootMessage(e), null));
            return null;
        }
    }

    private static Severity severityOf(org.kie.api.builder.Message.Level level) {
        return switch (level) {
            case ERROR -> Severity.ERROR;
            case WARNING -> Severity.WARNING;
            default -> Severity.INFO;
        };
    }

    private static String sourceName(DMNModel model, List<TariffModel> sources) {
        if (model.getResource() != null && model.getResource().getSourcePath() != null) {
            return model.getResource().getSourcePath();
        }
        return sources.stream().map(TariffModel::name).filter(n -> n.startsWith(model.getName())).findFirst()
                .orElse(model.getName());
    }

    private static String firstName(List<TariffModel> models) {
        return models.isEmpty() ? "tariff" : models.get(0).name();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
