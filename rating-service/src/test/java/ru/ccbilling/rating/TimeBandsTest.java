package ru.ccbilling.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeBandsTest {

    private static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2026, 3, 9));

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "2026-03-10T08:00:00+03:00, PEAK",
            "2026-03-10T07:59:59+03:00, OFF_PEAK",
            "2026-03-10T19:59:59+03:00, PEAK",
            "2026-03-10T20:00:00+03:00, OFF_PEAK",
            "2026-03-11T07:30:00Z, PEAK",
            "2026-03-10T04:59:59Z, OFF_PEAK",
            "2026-03-09T12:00:00+03:00, OFF_PEAK",
            "2026-03-14T12:00:00+03:00, OFF_PEAK"})
    void peakIsWorkdaysFromEightToEightMoscowTime(String start, String band) {
        assertThat(TimeBands.of(OffsetDateTime.parse(start), HOLIDAYS)).isEqualTo(band);
    }
}
