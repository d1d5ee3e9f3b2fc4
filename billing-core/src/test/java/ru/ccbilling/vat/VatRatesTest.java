package ru.ccbilling.vat;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import ru.ccbilling.BillingCoreTestApplication;
import ru.ccbilling.money.Money;
import ru.ccbilling.testing.TestDatabase;

@SpringBootTest(classes = BillingCoreTestApplication.class)
@ContextConfiguration(initializers = TestDatabase.class)
class VatRatesTest {

    @Autowired
    VatRates rates;

    @Test
    void theRateInForceOnTheShipmentDate() {
        assertThat(rates.rateOn(LocalDate.of(2025, 12, 31))).isEqualByComparingTo("0.20");
        assertThat(rates.rateOn(LocalDate.of(2026, 1, 1))).isEqualByComparingTo("0.22");
        assertThat(rates.rateOn(LocalDate.of(2026, 3, 31))).isEqualByComparingTo("0.22");
        assertThat(VatRates.percent(rates.rateOn(LocalDate.of(2026, 3, 31)))).isEqualTo("22%");
    }

    @Test
    void lineVatIsRoundedHalfUpToKopecks() {
        BigDecimal rate = new BigDecimal("0.22");
        assertThat(VatRates.vatOf(Money.of("0.25"), rate)).isEqualTo(Money.of("0.06"));   // 0.055 -> 0.06
        assertThat(VatRates.vatOf(Money.of("1234.56"), rate)).isEqualTo(Money.of("271.60")); // 271.6032
        assertThat(VatRates.vatOf(Money.of("-0.25"), rate)).isEqualTo(Money.of("-0.06"));
        assertThat(VatRates.vatOf(Money.of("1500.00"), new BigDecimal("0.20"))).isEqualTo(Money.of("300.00"));
    }
}
