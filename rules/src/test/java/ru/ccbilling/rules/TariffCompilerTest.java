package ru.ccbilling.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What the compiler says about broken models: each problem named with its model. */
class TariffCompilerTest {

    private final TariffCompiler compiler = new TariffCompiler();

    private static List<TariffModel> shippedWith(TariffModel replacement) {
        List<TariffModel> models = new ArrayList<>(ShippedTariff.models());
        models.replaceAll(m -> m.name().equals(replacement.name()) ? replacement : m);
        return models;
    }

    @Test
    void theShippedTariffCompilesWithoutErrors() {
        assertThat(compiler.validate(ShippedTariff.models()))
                .noneMatch(m -> m.severity() == ModelMessage.Severity.ERROR);
    }

    @Test
    void aDrlSyntaxErrorIsNamedWithItsFileAndLine() {
        var broken = new TariffModel("call-lines.drl", TariffModel.Kind.DRL,
                "package x;\nrule \"broken\"\nwhen\n  Call(\nthen\nend\n");
        List<ModelMessage> messages = compiler.validate(shippedWith(broken));
        assertThat(messages).anySatisfy(m -> {
            assertThat(m.model()).isEqualTo("call-lines.drl");
            assertThat(m.severity()).isEqualTo(ModelMessage.Severity.ERROR);
            assertThat(m.location()).startsWith("line ");
        });
        assertThatThrownBy(() -> compiler.compile(shippedWith(broken))).isInstanceOf(TariffCompilationException.class);
    }

    @Test
    void invalidDmnXmlIsAnError() {
        var broken = new TariffModel("network-minute.dmn", TariffModel.Kind.DMN, "<definitions><not closed");
        assertThat(compiler.validate(shippedWith(broken)))
                .anyMatch(m -> m.severity() == ModelMessage.Severity.ERROR);
    }

    @Test
    void aMissingDecisionIsAnError() {
        List<TariffModel> models = new ArrayList<>(ShippedTariff.models());
        models.removeIf(m -> m.name().equals("marking-fee.dmn"));
        assertThat(compiler.validate(models))
                .anySatisfy(m -> assertThat(m.message()).contains("MarkingFee"));
    }

    private static String shipped(String name) {
        return ShippedTariff.models().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow().content();
    }

    @Test
    void overlappingRowsOfAUniqueTableAreAnError() {
        String duplicateRow = "<rule id=\"NetworkMinute_dup\"><inputEntry id=\"dup_i0\"><text>\"MOBILE\"</text></inputEntry>"
                + "<inputEntry id=\"dup_i1\"><text>-</text></inputEntry>"
                + "<outputEntry id=\"dup_o\"><text>3.10</text></outputEntry></rule>";
        String table = shipped("network-minute.dmn").replace("</decisionTable>", duplicateRow + "</decisionTable>");
        assertThat(table).contains("NetworkMinute_dup");
        List<ModelMessage> messages = compiler.validate(shippedWith(
                new TariffModel("network-minute.dmn", TariffModel.Kind.DMN, table)));
        assertThat(messages).anySatisfy(m -> {
            assertThat(m.model()).isEqualTo("network-minute.dmn");
            assertThat(m.severity()).isEqualTo(ModelMessage.Severity.ERROR);
            assertThat(m.message()).containsIgnoringCase("overlap");
        });
    }

    @Test
    void anInputRetypedAwayFromWhatTheEngineGivesIsAnError() {
        String table = shipped("network-minute.dmn")
                .replace("name=\"origin\" typeRef=\"string\"", "name=\"origin\" typeRef=\"number\"");
        assertThat(table).contains("name=\"origin\" typeRef=\"number\"");
        List<ModelMessage> messages = compiler.validate(shippedWith(
                new TariffModel("network-minute.dmn", TariffModel.Kind.DMN, table)));
        assertThat(messages).anySatisfy(m -> {
            assertThat(m.severity()).isEqualTo(ModelMessage.Severity.ERROR);
            assertThat(m.message()).contains("origin", "string");
        });
    }

    @Test
    void theShippedTablesHaveNoWarnings() {
        assertThat(compiler.validate(ShippedTariff.models()))
                .filteredOn(m -> m.severity() != ModelMessage.Severity.INFO)
                .isEmpty();
    }
}
