package ru.ccbilling.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.ccbilling.money.Money;
import ru.ccbilling.period.MonthlyTerms;
import ru.ccbilling.period.TariffTerms;
import ru.ccbilling.rating.TimeBands;
import ru.ccbilling.rules.Decisions;
import ru.ccbilling.tariff.TariffVersionRef;
import ru.ccbilling.tariff.TariffVersions;

/** Monthly terms from the compiled tariff versions: the MonthlyFee and VolumeCoefficient decision tables. */
@Component
class TariffMonthlyTerms implements TariffTerms {

    private final TariffVersions versions;

    TariffMonthlyTerms(TariffVersions versions) {
        this.versions = versions;
    }

    @Override
    public Optional<MonthlyTerms> inForce(String tariff, LocalDate day) {
        return versions.inForce(tariff, day.atStartOfDay(TimeBands.MOSCOW).toInstant()).map(Terms::new);
    }

    @Override
    public Optional<MonthlyTerms> version(String tariff, int version) {
        return versions.version(tariff, version).map(Terms::new);
    }

    private record Terms(TariffVersionRef ref) implements MonthlyTerms {

        @Override
        public String tariff() {
            return ref.code();
        }

        @Override
        public int version() {
            return ref.version();
        }

        @Override
        public Optional<Money> monthlyFee(String fee) {
            return ref.compiled().decide(Decisions.MONTHLY_FEE, "fee", fee).map(Money::of);
        }

        /** the MonthlyFee row MINIMUM_MONTHLY_PAYMENT a client tariff built by sales may have (issue 17) */
        @Override
        public Optional<Money> minimumMonthlyPayment() {
            return monthlyFee(MINIMUM_MONTHLY_PAYMENT);
        }

        /** the tariff's IncludedQuantity of VIRTUAL_OFFICE_CHANNEL; 2 (the sheet's) for a version without it */
        @Override
        public int virtualOfficeChannelsIncluded() {
            if (!ref.compiled().defines(Decisions.INCLUDED_QUANTITY)) {
                return MonthlyTerms.super.virtualOfficeChannelsIncluded();
            }
            return ref.compiled().decide(Decisions.INCLUDED_QUANTITY, "fee", VIRTUAL_OFFICE_CHANNEL)
                    .map(BigDecimal::intValueExact).orElse(MonthlyTerms.super.virtualOfficeChannelsIncluded());
        }

        @Override
        public BigDecimal volumeCoefficient(BigDecimal networkMinutes) {
            return ref.compiled().decide(Decisions.VOLUME_COEFFICIENT, "networkMinutes", networkMinutes)
                    .orElse(BigDecimal.ONE);
        }
    }
}
