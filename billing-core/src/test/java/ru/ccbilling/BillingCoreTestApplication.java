package ru.ccbilling;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots billing-core alone for its own integration tests. */
@SpringBootApplication
public class BillingCoreTestApplication { }
