package ru.ccbilling.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNType;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.api.core.ast.InputDataNode;

import ru.ccbilling.rules.ModelMessage.Severity;

/**
 * What the rating engine passes to each decision and expects back: a tariff may change rows freely, but an
 * input renamed or retyped would silently stop matching, so validation refuses it.
 */
final class DecisionContract {

    /** decision -> its inputs and their FEEL types, in the order the engine passes them */
    static final Map<String, Map<String, String>> INPUTS = Map.ofEntries(
            Map.entry(Decisions.NETWORK_MINUTE, Map.of("origin", "string", "timeBand", "string")),
            Map.entry(Decisions.OPERATOR_MINUTE, Map.of("site", "string")),
            Map.entry(Decisions.IVR_MINUTE, Map.of("callType", "string")),
            Map.entry(Decisions.POST_PROCESSING_FEE, Map.of("callType", "string")),
            Map.entry(Decisions.OUTBOUND_MINUTE, Map.of("destinationClass", "string", "trunk", "string")),
            Map.entry(Decisions.MARKING_FEE, Map.of("destinationClass", "string")),
            Map.entry(Decisions.ONE_TIME_SERVICE, Map.of("service", "string")),
            Map.entry(Decisions.MONTHLY_FEE, Map.of("fee", "string")),
            Map.entry(Decisions.VOLUME_COEFFICIENT, Map.of("networkMinutes", "number")),
            Map.entry(Decisions.VIRTUAL_OFFICE_MINUTE, Map.of("timeBand", "string")),
            Map.entry(Decisions.CONFERENCE_PORT_MINUTE, Map.of("direction", "string")),
            Map.entry(Decisions.SURVEY_COMPLETED_FEE, Map.of("callType", "string")),
            Map.entry(Decisions.INFORMING_ATTEMPT_FEE, Map.of("callType", "string")),
            Map.entry(Decisions.INCLUDED_QUANTITY, Map.of("fee", "string")));

    private DecisionContract() { }

    static List<ModelMessage> check(String modelName, DMNModel model) {
        List<ModelMessage> messages = new ArrayList<>();
        for (DecisionNode decision : model.getDecisions()) {
            Map<String, String> expected = INPUTS.get(decision.getName());
            if (expected == null) {
                continue;
            }
            DMNType result = decision.getResultType();
            if (result != null && !"number".equals(result.getName()) && !"Any".equals(result.getName())) {
                messages.add(new ModelMessage(modelName, Severity.ERROR, "decision " + decision.getName()
                        + " must give a number, not " + result.getName(), decision.getId()));
            }
            for (InputDataNode input : model.getInputs()) {
                String type = expected.get(input.getName());
                if (type == null) {
                    messages.add(new ModelMessage(modelName, Severity.ERROR, "input " + input.getName() + " of "
                            + decision.getName() + " is not given by the rating engine; it gives " + expected.keySet(),
                            input.getId()));
                } else if (input.getType() == null || !type.equals(input.getType().getName())) {
                    messages.add(new ModelMessage(modelName, Severity.ERROR, "input " + input.getName() + " of "
                            + decision.getName() + " must be of type " + type + ", not "
                            + (input.getType() == null ? "undeclared" : input.getType().getName()), input.getId()));
                }
            }
        }
        return messages;
    }
}
