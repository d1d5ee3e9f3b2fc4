package ru.ccbilling.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import ru.ccbilling.RatingServiceApplication;

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
                        "ru.ccbilling.job", "ru.ccbilling.clock..", "ru.ccbilling.vat..", "ru.ccbilling.document..")
                .should().dependOnClassesThat().resideInAnyPackage("ru.ccbilling.rating..", "ru.ccbilling.cdr..",
                        "ru.ccbilling.tariff..", "ru.ccbilling.reference..", "ru.ccbilling.rules..")
                .check(CLASSES);
    }

    @Test
    void documentsKnowNothingOfRatingNorOfTheWebLayer() {
        // billing-core's document package: the web adapter (document.web) lives in rating-service and may use both
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
    void controllersLiveInWebPackages() {
        noClasses().that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should().resideOutsideOfPackages("..web..", "ru.ccbilling.security..")
                .check(CLASSES);
    }
}
