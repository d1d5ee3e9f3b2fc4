package ru.ccbilling.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

/** Business dates are Moscow's, whatever the server's time zone. */
class ClockConfigurationTest {

    @Test
    void halfPastOneInMoscowOnTheFirstIsTheNewMonthOnAServerInUtc() {
        Clock platform = new ClockConfiguration().clock();
        Clock moscowNight = Clock.fixed(Instant.parse("2026-03-31T22:30:00Z"), platform.getZone());

        assertThat(LocalDate.now(moscowNight)).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(YearMonth.now(moscowNight)).isEqualTo(YearMonth.of(2026, 4));
    }
}
