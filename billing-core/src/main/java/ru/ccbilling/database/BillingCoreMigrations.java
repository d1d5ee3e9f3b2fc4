package ru.ccbilling.database;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** billing-core's migrations, the first to run: billing depends on no other module's tables. */
@Configuration(proxyBeanMethods = false)
class BillingCoreMigrations {

    static final ModuleMigrations BILLING_CORE = new ModuleMigrations("billing-core", "classpath:db/migration/billing",
            "flyway_history_billing_core", 100);

    @Bean
    ModuleMigrations billingMigrations() {
        return BILLING_CORE;
    }
}
