package ru.ccbilling;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import ru.ccbilling.account.OperatorIds;
import ru.ccbilling.account.SalesManagers;
import ru.ccbilling.account.TariffCodes;
import ru.ccbilling.period.MonthUsage;
import ru.ccbilling.period.MonthlyTerms;
import ru.ccbilling.period.Rerating;
import ru.ccbilling.period.TariffTerms;
import ru.ccbilling.period.UsageSource;
import ru.ccbilling.report.CallRecords;

/**
 * Boots billing-core alone for its own integration tests. Rating, which implements what billing reads from it,
 * is not here: these stand in for a rating with no records and no tariffs.
 */
@SpringBootApplication
public class BillingCoreTestApplication {

    @Bean
    UsageSource noUsage() {
        return (month, accounts) -> Map.of();
    }

    @Bean
    TariffTerms noTariffs() {
        return new TariffTerms() {
            @Override
            public Optional<MonthlyTerms> inForce(String tariff, LocalDate day) {
                return Optional.empty();
            }

            @Override
            public Optional<MonthlyTerms> version(String tariff, int version) {
                return Optional.empty();
            }
        };
    }

    @Bean
    TariffCodes noTariffCodes() {
        return code -> false;
    }

    @Bean
    OperatorIds noOperators() {
        return operatorId -> false;
    }

    @Bean
    SalesManagers noSalesManagers() {
        return List::of;
    }

    @Bean
    Rerating noRerating() {
        return (account, month, tariff, version, store) -> new Rerating.Rerated(MonthUsage.none(account), 0, List.of());
    }

    @Bean
    CallRecords noCalls() {
        return (from, to, filters, accounts, page, size) -> new CallRecords.Page(List.of(), 0);
    }
}
