package ru.ccbilling.serviceevent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.stereotype.Service;

import ru.ccbilling.account.Account;
import ru.ccbilling.money.Money;
import ru.ccbilling.rating.ReferenceSource;
import ru.ccbilling.rating.RejectReason;
import ru.ccbilling.rating.TariffChoice;
import ru.ccbilling.rating.TimeBands;
import ru.ccbilling.rules.Decisions;
import ru.ccbilling.tariff.TariffVersionRef;
import ru.ccbilling.tariff.TariffVersions;

/** Prices a one-time service by the OneTimeService table of the account's tariff in force at the event's time. */
@Service
public class ServiceEventPricing {

    /** priced (unitPrice and amount) or rejected (reason) */
    public record Priced(ServiceEvent event, Money unitPrice, Money amount, String tariff, Integer tariffVersion,
                         RejectReason reason) { }

    private final ReferenceSource references;
    private final TariffVersions tariffs;

    ServiceEventPricing(ReferenceSource references, TariffVersions tariffs) {
        this.references = references;
        this.tariffs = tariffs;
    }

    public Priced price(ServiceEvent event) {
        return price(event, TariffChoice.ASSIGNED);
    }

    /** priced under a chosen tariff and/or version (re-rating), else the account's tariff in force */
    public Priced price(ServiceEvent event, TariffChoice choice) {
        Account account = references.current().accounts().get(event.account());
        if (account == null) {
            return rejected(event, RejectReason.UNKNOWN_ACCOUNT, null);
        }
        LocalDate day = event.time().atZoneSameInstant(TimeBands.MOSCOW).toLocalDate();
        Optional<String> code = choice.tariff() != null ? Optional.of(choice.tariff()) : account.tariffOn(day);
        Optional<TariffVersionRef> tariff = code.flatMap(c -> choice.version() != null ? tariffs.version(c, choice.version())
                : tariffs.inForce(c, event.time().toInstant()));
        if (tariff.isEmpty()) {
            return rejected(event, RejectReason.NO_TARIFF, null);
        }
        Optional<BigDecimal> price = tariff.get().compiled()
                .decide(Decisions.ONE_TIME_SERVICE, "service", event.service().name());
        if (price.isEmpty()) {
            return rejected(event, RejectReason.NO_RATE, tariff.get());
        }
        Money unit = Money.of(price.get());
        return new Priced(event, unit, unit.times(BigDecimal.valueOf(event.quantity())), tariff.get().code(),
                tariff.get().version(), null);
    }

    private static Priced rejected(ServiceEvent event, RejectReason reason, TariffVersionRef tariff) {
        return new Priced(event, null, null, tariff == null ? null : tariff.code(),
                tariff == null ? null : tariff.version(), reason);
    }
}
