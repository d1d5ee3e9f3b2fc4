package ru.ccbilling.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void keepsKopecksAndRoundsHalfUp() {
        assertThat(Money.of("0.175").toString()).isEqualTo("0.18");
        assertThat(Money.of("0.174999").toString()).isEqualTo("0.17");
        assertThat(Money.of("-0.125").toString()).isEqualTo("-0.13");
        assertThat(Money.of("5").toString()).isEqualTo("5.00");
    }

    @Test
    void sumsExactly() {
        Money sum = Money.ZERO;
        for (int i = 0; i < 10; i++) {
            sum = sum.plus(Money.of("0.10"));
        }
        assertThat(sum).isEqualTo(Money.of("1.00"));
        assertThat(Money.of("1500.00").times(new BigDecimal("0.05"))).isEqualTo(Money.of("75.00"));
    }
}
