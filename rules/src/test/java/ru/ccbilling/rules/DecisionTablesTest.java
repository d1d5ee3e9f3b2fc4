package ru.ccbilling.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The decision tables of CC-STANDARD-2026, section 4 of the tariff sheet, row by row. */
class DecisionTablesTest {

    private final CompiledTariff tariff = ReferenceTariff.TARIFF;

    @ParameterizedTest(name = "a {0} caller at {1} pays {2} a minute")
    @CsvSource({"LOCAL,PEAK,1.20", "LOCAL,OFF_PEAK,0.90", "INTERCITY,PEAK,2.10", "INTERCITY,OFF_PEAK,1.60",
            "MOBILE,PEAK,2.90", "MOBILE,OFF_PEAK,2.40"})
    void networkMinuteByOriginAndTimeBand(String origin, String band, String rate) {
        assertThat(tariff.decide(Decisions.NETWORK_MINUTE, "origin", origin, "timeBand", band))
                .contains(new BigDecimal(rate));
    }

    @ParameterizedTest(name = "an operator at {0} costs {1} a minute")
    @CsvSource({"MSK,18.00", "NSK,12.00", "REMOTE,9.00"})
    void operatorMinuteBySite(String site, String rate) {
        assertThat(tariff.decide(Decisions.OPERATOR_MINUTE, "site", site)).contains(new BigDecimal(rate));
    }

    @ParameterizedTest(name = "{0} over {1} costs {2} a minute")
    @CsvSource({"MOSCOW_FIXED,TRUNK-A,0.80", "MOSCOW_FIXED,TRUNK-B,0.95", "RU_MOBILE,TRUNK-A,1.90",
            "RU_MOBILE,TRUNK-B,1.70", "RU_INTERCITY,TRUNK-A,1.50", "RU_INTERCITY,TRUNK-B,1.50",
            "BELARUS,TRUNK-A,12.00", "BELARUS,TRUNK-B,11.00", "NORTH_AMERICA,TRUNK-A,6.00", "NORTH_AMERICA,TRUNK-B,6.50"})
    void outboundMinuteByDestinationClassAndTrunk(String destinationClass, String trunk, String rate) {
        assertThat(tariff.decide(Decisions.OUTBOUND_MINUTE, "destinationClass", destinationClass, "trunk", trunk))
                .contains(new BigDecimal(rate));
    }

    @Test
    void ivrMinuteAndPostProcessingFee() {
        assertThat(tariff.decide(Decisions.IVR_MINUTE, "callType", "INBOUND_800")).contains(new BigDecimal("0.60"));
        assertThat(tariff.decide(Decisions.POST_PROCESSING_FEE, "callType", "OUTBOUND")).contains(new BigDecimal("5.00"));
    }

    @Test
    void markingFeeOnlyForRussianMobiles() {
        assertThat(tariff.decide(Decisions.MARKING_FEE, "destinationClass", "RU_MOBILE")).contains(new BigDecimal("0.48"));
        assertThat(tariff.decide(Decisions.MARKING_FEE, "destinationClass", "MOSCOW_FIXED")).isEmpty();
    }

    @ParameterizedTest(name = "{0} costs {1} per unit")
    @CsvSource({"SMS,2.50", "EMAIL,0.50", "FAX,4.00"})
    void oneTimeServices(String service, String price) {
        assertThat(tariff.decide(Decisions.ONE_TIME_SERVICE, "service", service)).contains(new BigDecimal(price));
    }

    @Test
    void monthlyFees() {
        assertThat(tariff.decide(Decisions.MONTHLY_FEE, "fee", "NUMBER_RENTAL")).contains(new BigDecimal("1500.00"));
        assertThat(tariff.decide(Decisions.MONTHLY_FEE, "fee", "DEDICATED_SEAT")).contains(new BigDecimal("65000.00"));
    }

    @ParameterizedTest(name = "{0} NETWORK minutes give coefficient {1}")
    @CsvSource({"0,1.00", "10000,1.00", "10001,0.95", "50000,0.95", "50001,0.90", "1000000,0.90"})
    void volumeCoefficientByMinutes(int minutes, String coefficient) {
        assertThat(tariff.decide(Decisions.VOLUME_COEFFICIENT, "networkMinutes", BigDecimal.valueOf(minutes)))
                .hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo(coefficient));
    }

    @Test
    void anUnknownOriginMatchesNoRow() {
        assertThat(tariff.decide(Decisions.NETWORK_MINUTE, "origin", "SATELLITE", "timeBand", "PEAK")).isEmpty();
    }

    @Test
    void anInputOfTheWrongTypeNeverMatchesAWildcardRow() {
        // IvrMinute has a single "-" row; a number where a string belongs must be an error, not 0.60
        assertThatThrownBy(() -> tariff.decide(Decisions.IVR_MINUTE, "callType", 42))
                .isInstanceOf(TariffEvaluationException.class);
    }
}
