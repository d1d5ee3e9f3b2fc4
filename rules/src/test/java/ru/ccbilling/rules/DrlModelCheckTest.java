package ru.ccbilling.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.kie.api.io.ResourceType;
import org.kie.internal.utils.KieHelper;

/** What a DRL model may say: the shipped rules and the allowed forms pass, the allow-lists name real, pure methods. */
class DrlModelCheckTest {

    private static final Set<String> BOUND = Set.of("$rate", "$i", "$s", "$op");

    private static TariffModel drl(String text) {
        return new TariffModel("rules.drl", TariffModel.Kind.DRL, text);
    }

    @Test
    void theShippedRulesPass() {
        ShippedTariff.models().stream().filter(m -> m.kind() == TariffModel.Kind.DRL)
                .forEach(m -> assertThat(DrlModelCheck.check(m)).as(m.name()).isEmpty());
    }

    @Test
    void theShippedTablesPass() {
        ShippedTariff.models().stream().filter(m -> m.kind() == TariffModel.Kind.DMN)
                .forEach(m -> assertThat(DmnModelCheck.check(m)).as(m.name()).isEmpty());
    }

    @Test
    void aRuleMayUseNotExistsOrInArithmeticHelpersAndRateFactors() {
        TariffModel allowed = drl("""
                package ru.ccbilling.tariff.mine;
                import ru.ccbilling.rules.Call;
                import ru.ccbilling.rules.Stage;
                import ru.ccbilling.rules.Rate;
                import ru.ccbilling.rules.Line;
                import ru.ccbilling.rules.Rounding;

                rule "stages by the minute, a tenth off after the first"
                    salience 10
                    no-loop true
                when
                    Call(callType in ("INBOUND_800", "FORWARD") || durationSec > 2 * 60)
                    Stage(type != "POST", $i : index, $s : durationSec)
                    exists (Stage(type == "IVR", index < $i) or Stage(type == "POST", durationSec > $s - 1))
                    $rate : Rate(component == "OPERATOR")
                then
                    // a comment with System.exit(0) is only a comment
                    insert(Line.perSecond("OPERATOR", $i, Rounding.firstThenEvery(($s + 1) % 7200, 10, 5) - 0,
                            $rate.times("0.9"), "stage " + $i + ": 10/5 at 90 %, not System.exit()"));
                end
                """);
        assertThat(DrlModelCheck.check(allowed)).isEmpty();
        assertThat(new KieHelper().addContent(allowed.content(), ResourceType.DRL).verify().getMessages())
                .as("and KIE compiles it").isEmpty();
    }

    @Test
    void aLineCommentEndsAtACarriageReturnAsInJava() {
        assertThatThrownBy(() -> RuleCodeCheck.checkConsequence(
                "insert(Line.free(\"NETWORK\", $rate, \"ok\")); // a note\r System.exit(0);", BOUND))
                .isInstanceOfSatisfying(RuleCodeCheck.Refused.class,
                        r -> assertThat(r.construct).isEqualTo("the platform class `System`"));
    }

    @Test
    void codeInsideStringsAndCommentsIsNotCode() throws RuleCodeCheck.Refused {
        RuleCodeCheck.checkConsequence("insert(Line.free(\"N\", $rate, \"\\\"); System.exit(0); //\")); /* new Thread() */",
                BOUND);
        assertThatThrownBy(() -> RuleCodeCheck.checkConsequence("insert(Line.free(\"N\", $rate, \"x\")); /* System.exit(0);", BOUND))
                .isInstanceOfSatisfying(RuleCodeCheck.Refused.class,
                        r -> assertThat(r.construct).isEqualTo("an unterminated comment"));
    }

    @Test
    void aConsequenceInsertsAtMostOneLine() {
        assertThatThrownBy(() -> RuleCodeCheck.checkConsequence(
                "insert(Line.free(\"N\", $rate, \"a\")); insert(Line.free(\"N\", $rate, \"b\"));", BOUND))
                .isInstanceOfSatisfying(RuleCodeCheck.Refused.class,
                        r -> assertThat(r.construct).isEqualTo("a second `insert`"));
    }

    @Test
    void unboundVariablesAndUnknownFieldsAreRefused() {
        assertThatThrownBy(() -> RuleCodeCheck.checkConsequence("insert(Line.free(\"N\", $other, \"a\"));", BOUND))
                .isInstanceOfSatisfying(RuleCodeCheck.Refused.class,
                        r -> assertThat(r.construct).isEqualTo("the unbound variable `$other`"));
        assertThatThrownBy(() -> RuleCodeCheck.checkConstraint("class == null",
                DrlModelCheck.fieldsOf(Call.class), BOUND))
                .isInstanceOfSatisfying(RuleCodeCheck.Refused.class,
                        r -> assertThat(r.construct).isEqualTo("reflection `class`"));
    }

    @Test
    void theFieldsOfAFactAreItsPropertiesNeverItsClass() {
        assertThat(DrlModelCheck.fieldsOf(Call.class))
                .containsExactlyInAnyOrder("callType", "durationSec", "withOperator", "ivrSeconds");
        assertThat(DrlModelCheck.fieldsOf(Line.class)).doesNotContain("class");
    }

    @Test
    void everyAllowedCallIsAPublicStaticMethodOfItsClassAndEveryLineBuilderIsAllowed() {
        List<String> lineBuilders = Arrays.stream(Line.class.getMethods())
                .filter(m -> Modifier.isStatic(m.getModifiers()) && m.getReturnType() == Line.class)
                .map(Method::getName).toList();
        assertThat(RuleCodeCheck.STATIC_CALLS.get("Line")).containsExactlyInAnyOrderElementsOf(lineBuilders);
        List<String> helpers = Arrays.stream(Rounding.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()))
                .map(Method::getName).toList();
        assertThat(RuleCodeCheck.STATIC_CALLS.get("Rounding")).containsExactlyInAnyOrderElementsOf(helpers);
    }

    @Test
    void theRoundingHelpersRoundAsTheShippedFunctionsDid() {
        for (int s = 0; s <= 4000; s++) {
            assertThat(Rounding.startedMinutes(s)).isEqualTo(((s + 59) / 60) * 60);
            int thirtySix = s == 0 ? 0 : s <= 30 ? 30 : 30 + ((s - 30 + 5) / 6) * 6;
            assertThat(Rounding.thirtySix(s)).isEqualTo(thirtySix);
        }
    }

    @Test
    void aRateFactorIsAPlainDecimal() {
        Rate rate = new Rate("IVR", null, new java.math.BigDecimal("0.30"), "IvrMinute");
        assertThat(rate.times("0.5").getValue()).isEqualByComparingTo("0.15");
        assertThatThrownBy(() -> rate.times("1e999999999")).isInstanceOf(IllegalArgumentException.class);
    }
}
