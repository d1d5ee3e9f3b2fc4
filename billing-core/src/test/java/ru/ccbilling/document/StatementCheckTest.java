package ru.ccbilling.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.ccbilling.money.Money;
import ru.ccbilling.testing.SampleStatements;

/** A statement is issued only when its forms can print it, down to the total in words. */
class StatementCheckTest {

    private static final YearMonth MARCH = YearMonth.of(2026, 3);

    @Test
    void theSampleStatementCanBeIssued() {
        assertThat(StatementCheck.missing(SampleStatements.romashka(MARCH))).isEmpty();
    }

    @Test
    void aTotalTooLargeToWriteInWordsIsRefused() {
        Statement sample = SampleStatements.romashka(MARCH);
        Statement.Line huge = new Statement.Line(Statement.Service.ONE_TIME, "x", "796", "шт", BigDecimal.ONE,
                new BigDecimal("900000000000000"), Money.of(new BigDecimal("900000000000000")));
        Statement statement = new Statement(sample.account(), MARCH, null, sample.seller(), sample.client(),
                sample.contract(), List.of(huge));
        assertThat(StatementCheck.missing(statement)).anySatisfy(m -> {
            assertThat(m.field()).isEqualTo("lines");
            assertThat(m.russian()).contains("прописью");
            assertThat(m.reason().in(java.util.Locale.ENGLISH)).contains("in words");
        });
    }
}
