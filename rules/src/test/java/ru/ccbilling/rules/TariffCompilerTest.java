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
}
