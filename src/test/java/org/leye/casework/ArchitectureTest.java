package org.leye.casework;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import jakarta.persistence.Entity;

import org.springframework.data.repository.Repository;
import org.springframework.web.bind.annotation.RestController;

/** Keeps the capability packages free of cycles and web and persistence types apart. */
@AnalyzeClasses(packages = "org.leye.casework", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * Issue 18 moves the pages out of web into their capabilities, which then depend on web for
     * {@code PageController} and {@code Pages}; web is to keep only the layout, navigation, login and
     * locale. Until the last page has left, the pages still in web depend on the task list and the
     * capabilities that use it (whose pages have moved): those dependencies are left out here. Remove
     * this exception with the last page that leaves web.
     */
    @ArchTest
    static final ArchRule capabilitiesAreFreeOfCycles = slices().matching("org.leye.casework.(*)..")
            .should().beFreeOfCycles()
            .ignoreDependency(resideInAPackage("org.leye.casework.web"), resideInAnyPackage(
                    "org.leye.casework.tasks..", "org.leye.casework.cases..", "org.leye.casework.assistance.."));

    @ArchTest
    static final ArchRule controllersDoNotTouchRepositories = noClasses().that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().areAssignableTo(Repository.class)
            .because("controllers go through a service that applies the caller's scope");

    @ArchTest
    static final ArchRule entitiesKnowNothingOfTheWeb = noClasses().that().areAnnotatedWith(Entity.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..",
                    "com.fasterxml.jackson..")
            .orShould().dependOnClassesThat().areAnnotatedWith(RestController.class);

    @ArchTest
    static final ArchRule domainProblemsKnowNothingOfHttp = noClasses().that()
            .resideInAPackage("org.leye.casework.shared.problem..")
            .or().areAnnotatedWith(Entity.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.http..", "org.springframework.web..",
                    "jakarta.servlet..")
            .because("the domain refuses with problems that the API and the pages each map to their answers once");

    @ArchTest
    static final ArchRule sharedDependsOnNoCapability = noClasses().that().resideInAPackage("org.leye.casework.shared..")
            .should().dependOnClassesThat().resideInAnyPackage("org.leye.casework.graduates..",
                    "org.leye.casework.cases..", "org.leye.casework.tasks..", "org.leye.casework.ledger..",
                    "org.leye.casework.employers..", "org.leye.casework.security..");

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes().that().areAnnotatedWith(RestController.class)
            .should().notBePublic();

    @ArchTest
    static final ArchRule ledgerIsAppendOnly = noClasses().that().resideOutsideOfPackage("org.leye.casework.ledger..")
            .should().dependOnClassesThat().haveSimpleName("LedgerEntries");
}
