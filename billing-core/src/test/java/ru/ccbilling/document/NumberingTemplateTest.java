package ru.ccbilling.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import ru.ccbilling.document.NumberingTemplate.Reset;
import ru.ccbilling.refusal.Refusal;

class NumberingTemplateTest {

    private static final LocalDate MARCH_31 = LocalDate.of(2026, 3, 31);

    @Test
    void writesTheCounterWithTheDateAndDivisionFields() {
        assertThat(new NumberingTemplate("CCB", DocumentType.ACT, "{YYYY}-{SEQ:6}", null, Reset.YEARLY).format(42, MARCH_31))
                .isEqualTo("2026-000042");
        assertThat(new NumberingTemplate("CCB", DocumentType.VAT_INVOICE, "{SEQ}/{DIV}", "02", Reset.YEARLY).format(123, MARCH_31))
                .isEqualTo("123/02");
        assertThat(new NumberingTemplate("CCB", DocumentType.INVOICE, "СЧ-{YY}{MM}-{SEQ:4}", null, Reset.NEVER).format(7, MARCH_31))
                .isEqualTo("СЧ-2603-0007");
    }

    @Test
    void theResetPeriodIsTheYearOrNothing() {
        assertThat(NumberingTemplate.standard("CCB", DocumentType.ACT).period(MARCH_31)).isEqualTo(2026);
        assertThat(new NumberingTemplate("CCB", DocumentType.ACT, "{SEQ}", null, Reset.NEVER).period(MARCH_31)).isZero();
    }

    @Test
    void aTemplateWithoutItsCounterIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new NumberingTemplate("CCB", DocumentType.ACT, "{YYYY}-А", null, Reset.YEARLY))
                .isInstanceOfSatisfying(Refusal.class, p -> {
                    assertThat(p.kind()).isEqualTo(Refusal.Kind.INVALID);
                    assertThat(p.faults()).extracting(Refusal.Fault::field).containsExactly("template");
                    assertThat(p.getMessage()).contains("{SEQ}", "нет поля");
                    assertThat(p.detail(Locale.ENGLISH)).contains("{SEQ}", "has no");
                });
        assertThatThrownBy(() -> new NumberingTemplate("CCB", DocumentType.ACT, "{SEQ}-{SEQ}", null, Reset.YEARLY))
                .hasMessageContaining("больше одного поля {SEQ}");
        assertThatThrownBy(() -> new NumberingTemplate("CCB", DocumentType.ACT, "{SEQ}-{DAY}", null, Reset.YEARLY))
                .hasMessageContaining("неизвестное поле {DAY}")
                .isInstanceOfSatisfying(Refusal.class, p -> assertThat(p.detail(Locale.ENGLISH)).contains("unknown field {DAY}"));
        assertThatThrownBy(() -> new NumberingTemplate("CCB", DocumentType.ACT, "{SEQ}/{DIV}", " ", Reset.YEARLY))
                .isInstanceOfSatisfying(Refusal.class, p ->
                        assertThat(p.faults()).extracting(Refusal.Fault::field).containsExactly("division"));
        assertThatThrownBy(() -> new NumberingTemplate("CCB", DocumentType.ACT, "{SEQ}}", null, Reset.YEARLY))
                .hasMessageContaining("непарную фигурную скобку");
    }
}
