package ru.ccbilling.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The decision tables of the call centre's other services, section 7.3 of the tariff sheet, row by row. */
class ServiceDecisionTablesTest {

    private final CompiledTariff tariff = ReferenceTariff.TARIFF;
    private final TariffCompiler compiler = new TariffCompiler();

    @ParameterizedTest(name = "a virtual-office minute at {0} costs 0.40")
    @CsvSource({"PEAK", "OFF_PEAK"})
    void virtualOfficeMinuteWhateverTheTimeBand(String band) {
        assertThat(tariff.decide(Decisions.VIRTUAL_OFFICE_MINUTE, "timeBand", band)).contains(new BigDecimal("0.40"));
    }

    @ParameterizedTest(name = "a {0} participant-minute costs 1.20")
    @CsvSource({"DIAL_IN", "DIAL_OUT"})
    void conferencePortMinuteWhateverTheDirection(String direction) {
        assertThat(tariff.decide(Decisions.CONFERENCE_PORT_MINUTE, "direction", direction)).contains(new BigDecimal("1.20"));
    }

    @Test
    void completedSurveyFee() {
        assertThat(tariff.decide(Decisions.SURVEY_COMPLETED_FEE, "callType", "SURVEY")).contains(new BigDecimal("15.00"));
    }

    @Test
    void informingAttemptFee() {
        assertThat(tariff.decide(Decisions.INFORMING_ATTEMPT_FEE, "callType", "INFORMING")).contains(new BigDecimal("0.15"));
    }

    @Test
    void virtualOfficeMonthlyFeesAndTheChannelsIncluded() {
        assertThat(tariff.decide(Decisions.MONTHLY_FEE, "fee", "VIRTUAL_OFFICE_NUMBER")).contains(new BigDecimal("900.00"));
        assertThat(tariff.decide(Decisions.MONTHLY_FEE, "fee", "VIRTUAL_OFFICE_CHANNEL")).contains(new BigDecimal("250.00"));
        assertThat(tariff.decide(Decisions.INCLUDED_QUANTITY, "fee", "VIRTUAL_OFFICE_CHANNEL"))
                .hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("2"));
        assertThat(tariff.decide(Decisions.INCLUDED_QUANTITY, "fee", "NUMBER_RENTAL")).as("other fees include nothing")
                .isEmpty();
    }

    /** 7.3: (900.00 + 250.00 x max(0, channels - 2)) for a whole month; billing prorates it by days */
    @ParameterizedTest(name = "a virtual-office number with {0} channels costs {1} a month")
    @CsvSource({"1,900.00", "2,900.00", "3,1150.00", "5,1650.00"})
    void aWholeMonthOfAVirtualOfficeNumberFromTheTables(int channels, String month) {
        BigDecimal number = tariff.decide(Decisions.MONTHLY_FEE, "fee", "VIRTUAL_OFFICE_NUMBER").orElseThrow();
        BigDecimal channel = tariff.decide(Decisions.MONTHLY_FEE, "fee", "VIRTUAL_OFFICE_CHANNEL").orElseThrow();
        int included = tariff.decide(Decisions.INCLUDED_QUANTITY, "fee", "VIRTUAL_OFFICE_CHANNEL").orElseThrow().intValue();
        BigDecimal amount = number.add(channel.multiply(BigDecimal.valueOf(Math.max(0, channels - included))));
        assertThat(amount).isEqualByComparingTo(month);
    }

    @Test
    void theShippedTariffDefinesEveryServiceDecisionWithTheContractsInputs() {
        for (String decision : TariffCompiler.SERVICE_DECISIONS) {
            assertThat(tariff.defines(decision)).as(decision).isTrue();
            assertThat(DecisionContract.INPUTS).as("the contract of " + decision).containsKey(decision);
        }
    }

    @Test
    void aServiceTableWhoseInputIsRenamedBreaksTheContract() {
        List<TariffModel> models = new ArrayList<>(ShippedTariff.models());
        models.replaceAll(m -> m.name().equals("conference-port-minute.dmn")
                ? new TariffModel(m.name(), m.kind(), m.content().replace("direction", "leg")) : m);
        assertThat(compiler.validate(models)).anySatisfy(m -> {
            assertThat(m.model()).isEqualTo("conference-port-minute.dmn");
            assertThat(m.severity()).isEqualTo(ModelMessage.Severity.ERROR);
            assertThat(m.message()).contains("input leg of ConferencePortMinute is not given by the rating engine");
        });
    }

    @Test
    void aVersionMadeBeforeTheServicesStillCompilesAndHasNoRateForThem() {
        List<TariffModel> before = new ArrayList<>(ShippedTariff.models());
        before.removeIf(m -> List.of("virtual-office-minute.dmn", "conference-port-minute.dmn", "survey-completed-fee.dmn",
                "informing-attempt-fee.dmn", "included-quantities.dmn", "service-lines.drl").contains(m.name()));
        CompiledTariff old = compiler.compile(before);

        Pricing pricing = old.price(CallToPrice.virtualOffice("PEAK", null, null,
                List.of(new CallToPrice.StageToPrice("IVR", 30, null, null, false))));

        assertThat(pricing).isEqualTo(new Pricing.NoRate("the tariff version has no VirtualOfficeMinute table"));
    }
}
