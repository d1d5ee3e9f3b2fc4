package ru.ccbilling.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A tariff manager reads every refusal of the model checks in Russian, whole: no phrase is left in English. */
class ModelTextsRuTest {

    private final TariffCompiler compiler = new TariffCompiler();

    @ParameterizedTest(name = "{0}")
    @MethodSource("ru.ccbilling.rules.HostileModelsTest#corpus")
    void everyRefusalOfAHostileModelReadsInRussian(HostileModelsTest.Hostile hostile) {
        List<ModelMessage> messages = compiler.validate(List.of(hostile.model()));
        assertThat(messages).isNotEmpty().allSatisfy(m -> {
            assertThat(ModelTextsRu.known(m.message())).as("a Russian phrase for: %s", m.message()).isNotNull();
            if (m.message().startsWith("not allowed in a tariff model: ")) {
                assertThat(m.russian()).startsWith("в модели тарифа нельзя: ");
            }
        });
    }

    @Test
    void theMessagesOfTheCompilerAndTheDecisionContractReadInRussian() {
        assertThat(ModelTextsRu.russian("decision NetworkMinute must give a number, not string"))
                .isEqualTo("решение NetworkMinute должно давать число, а не string");
        assertThat(ModelTextsRu.russian("input origin of NetworkMinute must be of type string, not undeclared"))
                .isEqualTo("вход origin решения NetworkMinute должен иметь тип string, а тип не объявлен");
        assertThat(ModelTextsRu.russian("the tariff defines no decision named MarkingFee"))
                .isEqualTo("в тарифе нет решения MarkingFee");
        assertThat(ModelTextsRu.russian("not allowed in a tariff model: the loop `for` (" + "a consequence may only be"
                + " insert(Line.<builder>(...)); with bound variables, literals, + - * / %, Rounding.<helper>(...) and"
                + " $rate.times(\"<factor>\"))"))
                .isEqualTo("в модели тарифа нельзя: цикл `for` (следствие — только insert(Line.<конструктор>(...));"
                        + " со связанными переменными, литералами, + - * / %, Rounding.<помощник>(...) и"
                        + " $rate.times(\"<множитель>\"))");
        assertThat(ModelTextsRu.russian("not allowed in a tariff model: the function call `now(` in inputEntry of"
                + " decision MarkingFee at line 12 (a table cell is a FEEL unary test or a simple value)"))
                .isEqualTo("в модели тарифа нельзя: вызов функции `now(` в элементе inputEntry решения MarkingFee"
                        + " в строке 12 (ячейка таблицы — унарная проверка FEEL или простое значение)");
    }

    @Test
    void anElementInNoNamespaceIsNamedSoInBothLanguages() throws Exception {
        HostileModelsTest.Hostile none = HostileModelsTest.corpus()
                .filter(h -> h.name().equals("no-namespace-context.dmn")).findFirst().orElseThrow();
        assertThat(compiler.validate(List.of(none.model()))).anySatisfy(m -> {
            assertThat(m.message()).contains("a context without a namespace").doesNotContain("null");
            assertThat(m.russian()).contains("без пространства имён").doesNotContain("null");
        });
    }

    @Test
    void theEnginesOwnWordsAreQuotedAfterARussianLeadIn() {
        List<ModelMessage> messages = compiler.validate(List.of(new TariffModel("broken.drl", TariffModel.Kind.DRL,
                "package ru.ccbilling.tariff.x;\nrule \"r\" when Call( then end")));
        assertThat(messages).filteredOn(m -> m.model().equals("broken.drl")).isNotEmpty()
                .allSatisfy(m -> assertThat(m.russian()).matches(
                        r -> r.startsWith(ModelTextsRu.ENGINE) || r.startsWith("правила не читаются"), "Russian lead-in"));
    }
}
