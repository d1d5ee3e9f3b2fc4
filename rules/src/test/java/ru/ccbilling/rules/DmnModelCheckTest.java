package ru.ccbilling.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a cell of a decision table may say: what tables need passes, iteration, calls and code do not. */
class DmnModelCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"-", "\"RU_MOBILE\"", "\"for some and every\"", "0.48", "-1.5", "<= 10000", "> 50000",
            "(10000..50000]", "[1..10]", "not(\"A\", \"B\")", "\"A\", \"B\"", "date(\"2026-01-01\")",
            "[date(\"2026-01-01\")..date and time(\"2026-12-31T23:59:59\"))", "duration(\"PT1H\")", "networkMinutes * 2",
            "forecast", "if origin = \"LOCAL\" then 1 else 2", "10 // ten", "@\"2026-01-01\"", ""})
    void aTableNeedsOnlyThese(String cell) {
        assertThat(FeelCellCheck.refusal(cell)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "for i in 1..1000000000 return i | the iteration `for`",
            "every x in [1, 2] satisfies x > 0 | the iteration `every`",
            "1..1000000000 | a range `..` outside an interval test",
            "now() | the function call `now(`",
            "string join([\"a\"], \"b\") | the function call `join(`",
            "sort([3, 1], function(a, b) a < b) | the function definition `function`",
            "sort([3, 1]) | the function call `sort(`",
            "function(s) external { java: { class: \"java.lang.System\", method signature: \"exit(int)\" } }(0) | an external Java function (`function ... external`)",
            "origin.class | a path `.` into a value",
            "10 ** 999999999 | exponentiation `**`",
            "{a: 1}.a | a context `{`",
            "(function(x) x)(1) | the function definition `function`",
            "\"open | an unterminated string",
            "1 /* never closed | an unterminated comment"})
    void iterationCallsAndCodeAreRefused(String cell, String construct) {
        assertThat(FeelCellCheck.refusal(cell)).isEqualTo(construct);
    }
}
