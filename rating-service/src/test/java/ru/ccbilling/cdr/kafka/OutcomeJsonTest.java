package ru.ccbilling.cdr.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.ccbilling.cdr.IntakeOutcome;
import ru.ccbilling.money.Money;
import ru.ccbilling.rating.RejectReason;

/** The outcome messages are written by hand; they read as the JSON a tree of the same fields writes. */
class OutcomeJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyKindOfOutcomeReadsAsItsFieldsWhateverTheIdsHold() throws Exception {
        List<IntakeOutcome> outcomes = List.of(
                new IntakeOutcome("pbx-msk-1", "c-1", IntakeOutcome.Kind.RATED, Money.of("1234.50"), null, List.of()),
                new IntakeOutcome("pbx \"кавычки\"", "a\\b\n\t\u0001\u2028😀", IntakeOutcome.Kind.REJECTED, null,
                        RejectReason.NO_RATE, List.of()),
                new IntakeOutcome("pbx-msk-1", "c-2", IntakeOutcome.Kind.DUPLICATE, null, null, List.of()),
                new IntakeOutcome(null, null, IntakeOutcome.Kind.REFUSED, null, null, List.of()));
        for (IntakeOutcome outcome : outcomes) {
            ObjectNode tree = json.createObjectNode().put("outcome", outcome.kind().name())
                    .put("source", outcome.source()).put("cdrId", outcome.cdrId());
            if (outcome.total() != null) {
                tree.put("total", outcome.total().toString());
            }
            if (outcome.reason() != null) {
                tree.put("reason", outcome.reason().name());
            }
            byte[] written = IntakeTopics.outcomeJson(outcome);
            JsonNode read = json.readTree(written);
            assertThat(read).isEqualTo(tree);
            assertThat(new String(written, java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(json.writeValueAsString(tree));
        }
    }
}
