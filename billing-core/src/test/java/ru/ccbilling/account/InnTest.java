package ru.ccbilling.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InnTest {

    @Test
    void acceptsNumbersWhoseCheckDigitsMatch() {
        assertThat(Inn.valid("7707083893")).isTrue();   // a company's, 10 digits
        assertThat(Inn.valid("7701234560")).isTrue();
        assertThat(Inn.valid("500100732259")).isTrue(); // an entrepreneur's, 12 digits
    }

    @Test
    void refusesAMistypedDigitOrAWrongLength() {
        assertThat(Inn.valid("7707083894")).isFalse();
        assertThat(Inn.valid("7701234567")).isFalse();
        assertThat(Inn.valid("500100732258")).isFalse();
        assertThat(Inn.valid("500100732249")).isFalse();
        assertThat(Inn.valid("12345")).isFalse();
        assertThat(Inn.valid("77070838x3")).isFalse();
        assertThat(Inn.valid(null)).isFalse();
    }
}
