package ru.ccbilling.tariff;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.ccbilling.period.FinancialPeriod;
import ru.ccbilling.period.PeriodState;
import ru.ccbilling.period.Periods;
import ru.ccbilling.refusal.Text;

/**
 * A version may not take effect inside a billing month that is closed, even partly: its figures are frozen, and a
 * price change there is a re-rating (corrections), not a publication.
 */
@Component
class ClosedPeriodGuard implements PublicationGuard {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private final Periods periods;

    ClosedPeriodGuard(Periods periods) {
        this.periods = periods;
    }

    @Override
    public Optional<Text> refusal(OffsetDateTime effectiveFrom) {
        YearMonth month = YearMonth.from(effectiveFrom.atZoneSameInstant(MOSCOW));
        FinancialPeriod period = periods.find(month);
        if (period.state() == PeriodState.OPEN) {
            return Optional.empty();
        }
        return Optional.of(Text.of("tariff.closedPeriod", effectiveFrom, month, period.state()));
    }
}
