package ru.ccbilling;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import ru.ccbilling.account.OperatorIds;
import ru.ccbilling.account.TariffCodes;
import ru.ccbilling.money.Money;
import ru.ccbilling.period.MonthlyTerms;
import ru.ccbilling.period.TariffTerms;

/**
 * What rating would answer billing for its API tests: one tariff, CC-STANDARD-2026, with the monthly fees of the
 * tariff sheet (number rental 1 500,00, a dedicated seat 65 000,00, a virtual-office number 900,00 with 2 channels
 * included and 250,00 per channel beyond them) and no volume discount; operators OP-*; and
 * the staff of the README signing in with HTTP Basic (password = name), holding the role of their name.
 */
@TestConfiguration(proxyBeanMethods = false)
public class BillingApiFixture {

    static final String TARIFF = "CC-STANDARD-2026";
    private static final Map<String, Money> FEES = Map.of(MonthlyTerms.NUMBER_RENTAL, Money.of("1500.00"),
            MonthlyTerms.DEDICATED_SEAT, Money.of("65000.00"), MonthlyTerms.VIRTUAL_OFFICE_NUMBER, Money.of("900.00"),
            MonthlyTerms.VIRTUAL_OFFICE_CHANNEL, Money.of("250.00"));

    @Bean
    @Primary
    TariffCodes standardTariffOnly() {
        return TARIFF::equals;
    }

    @Bean
    @Primary
    OperatorIds operatorsOfTheSheet() {
        return operatorId -> operatorId.startsWith("OP-");
    }

    @Bean
    @Primary
    TariffTerms feesOfTheSheet() {
        MonthlyTerms terms = new MonthlyTerms() {
            @Override
            public String tariff() {
                return TARIFF;
            }

            @Override
            public int version() {
                return 1;
            }

            @Override
            public Optional<Money> monthlyFee(String fee) {
                return Optional.ofNullable(FEES.get(fee));
            }

            @Override
            public BigDecimal volumeCoefficient(BigDecimal networkMinutes) {
                return BigDecimal.ONE;
            }
        };
        return new TariffTerms() {
            @Override
            public Optional<MonthlyTerms> inForce(String tariff, LocalDate day) {
                return TARIFF.equals(tariff) ? Optional.of(terms) : Optional.empty();
            }

            @Override
            public Optional<MonthlyTerms> version(String tariff, int version) {
                return TARIFF.equals(tariff) && version == 1 ? Optional.of(terms) : Optional.empty();
            }
        };
    }

    @Bean
    UserDetailsService staff() {
        return new InMemoryUserDetailsManager(
                User.withUsername("finance").password("{noop}finance").roles("FINANCE").build(),
                User.withUsername("sales").password("{noop}sales").roles("SALES").build(),
                User.withUsername("manager").password("{noop}manager").roles("TARIFF_MANAGER").build(),
                User.withUsername("admin").password("{noop}admin").roles("ADMIN").build());
    }

    @Bean
    SecurityFilterChain signedInStaff(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> { })
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
