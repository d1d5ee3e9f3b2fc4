package ru.ccbilling.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import ru.ccbilling.RatingServiceApplication;
import ru.ccbilling.refusal.Refusal;

/**
 * The architecture of STYLE.md stays true: business-capability modules without cycles, talking through
 * their public packages; billing-core knows nothing of rating; the tariff rules know nothing of Spring.
 */
class ModuleBoundariesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ru.ccbilling");

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersPublicTypes() {
        // the generated contract (ru.ccbilling.api) is shared by every web adapter, not a business module
        ApplicationModules.of(RatingServiceApplication.class,
                JavaClass.Predicates.resideInAPackage("ru.ccbilling.api..")).verify();
    }

    @Test
    void billingCoreDoesNotDependOnRating() {
        noClasses().that().resideInAnyPackage("ru.ccbilling.account", "ru.ccbilling.inventory..",
                        "ru.ccbilling.money..", "ru.ccbilling.database..", "ru.ccbilling.ledger", "ru.ccbilling.period",
                        "ru.ccbilling.job", "ru.ccbilling.clock..", "ru.ccbilling.vat..", "ru.ccbilling.document..",
                        "ru.ccbilling.report..")
                .should().dependOnClassesThat().resideInAnyPackage("ru.ccbilling.rating..", "ru.ccbilling.cdr..",
                        "ru.ccbilling.tariff..", "ru.ccbilling.reference..", "ru.ccbilling.rules..")
                .check(CLASSES);
    }

    @Test
    void documentsKnowNothingOfRatingNorOfTheWebLayer() {
        // billing-core's document package: its web adapter (document.web) beside it may use both
        noClasses().that().resideInAPackage("ru.ccbilling.document").or().resideInAPackage("ru.ccbilling.document.form")
                .should().dependOnClassesThat().resideInAnyPackage("ru.ccbilling.rating..", "ru.ccbilling.cdr..",
                        "ru.ccbilling.tariff..", "ru.ccbilling.reference..", "ru.ccbilling.rules..", "ru.ccbilling.api..",
                        "ru.ccbilling.web..")
                .check(CLASSES);
    }

    @Test
    void theRulesKnowNothingOfSpringOrTheApplication() {
        noClasses().that().resideInAPackage("ru.ccbilling.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "ru.ccbilling.rating..",
                        "ru.ccbilling.account..", "ru.ccbilling.api..")
                .check(CLASSES);
    }

    @Test
    void webAdaptersLeaveSqlToTheDomain() {
        noClasses().that().resideInAPackage("..web..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework.jdbc.core..")
                .because("controllers translate and delegate; SQL lives in the capability's domain classes")
                .check(CLASSES);
    }

    /** the overloads that take a Clock are the allowed ones; those without one, or with only a zone, read the system */
    private static final ArchRule NO_SYSTEM_TIME = noClasses().should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now").orShould().callMethod(LocalDate.class, "now", ZoneId.class)
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now", ZoneId.class)
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now", ZoneId.class)
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now", ZoneId.class)
                .orShould().callMethod(YearMonth.class, "now").orShould().callMethod(YearMonth.class, "now", ZoneId.class)
                .orShould().callMethod(LocalTime.class, "now").orShould().callMethod(LocalTime.class, "now", ZoneId.class)
                .because("one clock (STYLE.md): java.time.Clock from ClockConfiguration, which tests may replace");

    @Test
    void businessTimeComesFromTheInjectedClock() {
        NO_SYSTEM_TIME.check(CLASSES);
    }

    @Test
    void theClockRuleRefusesTheSystemClockAndAllowsTheInjectedOne() {
        assertThat(NO_SYSTEM_TIME.evaluate(new ClassFileImporter().importClasses(ReadsTheSystemClock.class))
                .hasViolation()).isTrue();
        assertThat(NO_SYSTEM_TIME.evaluate(new ClassFileImporter().importClasses(ReadsTheZoneOnly.class))
                .hasViolation()).isTrue();
        assertThat(NO_SYSTEM_TIME.evaluate(new ClassFileImporter().importClasses(ReadsTheInjectedClock.class))
                .hasViolation()).isFalse();
    }

    @Test
    void onlyTheClockConfigurationMakesAClock() {
        noClasses().that().resideOutsideOfPackage("ru.ccbilling.clock..")
                .should().callMethod(Clock.class, "systemDefaultZone").orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "system", ZoneId.class)
                .check(CLASSES);
    }

    /** business packages of both modules: they speak in domain terms and refusals, never in the contract's models */
    private static final String[] DOMAIN = {"ru.ccbilling.account", "ru.ccbilling.ledger", "ru.ccbilling.period",
            "ru.ccbilling.document", "ru.ccbilling.document.form", "ru.ccbilling.job", "ru.ccbilling.inventory",
            "ru.ccbilling.money", "ru.ccbilling.vat", "ru.ccbilling.refusal", "ru.ccbilling.input", "ru.ccbilling.cdr",
            "ru.ccbilling.cdrimport", "ru.ccbilling.rating", "ru.ccbilling.tariff", "ru.ccbilling.reference",
            "ru.ccbilling.serviceevent", "ru.ccbilling.usage", "ru.ccbilling.changes", "ru.ccbilling.portal",
            "ru.ccbilling.mail"};

    @Test
    void noDomainPackageDependsOnTheContractOrTheWebLayer() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("ru.ccbilling.api..", "ru.ccbilling.web..",
                        "org.springframework.web..", "org.springframework.http..")
                .because("translating to and from the contract is the <capability>.web packages' work")
                .check(CLASSES);
    }

    @Test
    void billingServesItsOwnPartOfTheContract() {
        classes().that().resideInAnyPackage("ru.ccbilling.account..", "ru.ccbilling.ledger..", "ru.ccbilling.period..",
                        "ru.ccbilling.document..", "ru.ccbilling.job..", "ru.ccbilling.inventory..")
                .and().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should(comeFromModule("billing-core"))
                .check(CLASSES);
    }

    @Test
    void oneRefusalTypeAndOneHandler() {
        noClasses().that().areAssignableTo(RuntimeException.class).and().arePublic()
                .and().doNotBelongToAnyOf(Refusal.class)
                .should().resideOutsideOfPackage("ru.ccbilling.rules..")
                .because("a request is refused one way, ru.ccbilling.refusal.Refusal; the rules module's engine"
                        + " exceptions are failures to compile or evaluate, which the tariff code turns into refusals")
                .check(CLASSES);
        methods().that().areAnnotatedWith(org.springframework.web.bind.annotation.ExceptionHandler.class)
                .should().beDeclaredIn("ru.ccbilling.web.ProblemHandler")
                .check(CLASSES);
        classes().that().areAnnotatedWith(org.springframework.web.bind.annotation.RestControllerAdvice.class)
                .should().haveFullyQualifiedName("ru.ccbilling.web.ProblemHandler")
                .check(CLASSES);
    }

    private static ArchCondition<JavaClass> comeFromModule(String module) {
        return new ArchCondition<>("come from the module " + module) {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String where = item.getSource().map(source -> source.getUri().toString()).orElse("");
                if (!where.contains("/" + module + "/")) {
                    events.add(SimpleConditionEvent.violated(item, item.getName() + " comes from " + where));
                }
            }
        };
    }

    @Test
    void controllersLiveInWebPackages() {
        noClasses().that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should().resideOutsideOfPackages("..web..", "ru.ccbilling.security..")
                .check(CLASSES);
    }

    /** fixtures: what the clock rule must refuse and what it must allow */
    static class ReadsTheSystemClock {
        Instant now() {
            return Instant.now();
        }
    }

    static class ReadsTheZoneOnly {
        LocalDate today() {
            return LocalDate.now(ZoneId.of("Europe/Moscow"));
        }
    }

    static class ReadsTheInjectedClock {
        OffsetDateTime now(Clock clock) {
            return OffsetDateTime.now(clock);
        }
    }
}
