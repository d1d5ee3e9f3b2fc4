package ru.ccbilling;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import ru.ccbilling.testing.TestDatabase;

/**
 * billing-core alone on a random port, over a real PostgreSQL: its own controllers, with rating's ports stubbed
 * ({@link BillingApiFixture}). Who may call what is the application's role matrix, tested in rating-service
 * (RoleMatrixApiTest walks every operation as every role); here every signed-in user reaches every route.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = {BillingCoreTestApplication.class, BillingApiFixture.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
public @interface BillingApiTest { }
