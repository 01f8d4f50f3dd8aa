package org.leye.casework;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static org.assertj.core.api.Assertions.assertThat;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import jakarta.persistence.Entity;

import org.leye.casework.web.PageController;
import org.leye.casework.shared.ProcessAdapter;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;

/**
 * Keeps the capability packages free of cycles, web and persistence types apart, and the engine's
 * API in the process adapters.
 */
@AnalyzeClasses(packages = "org.leye.casework", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * The capabilities, their pages included, and web, which every page uses and which uses no
     * capability.
     */
    @ArchTest
    static final ArchRule capabilitiesAreFreeOfCycles = slices().matching("org.leye.casework.(*)..")
            .should().beFreeOfCycles();

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

    /** shared is what every capability builds on, so it uses none of ours: no capability, not web. */
    @ArchTest
    static final ArchRule sharedDependsOnNothingOfOurs = noClasses().that().resideInAPackage("org.leye.casework.shared..")
            .should().dependOnClassesThat(resideInAPackage("org.leye.casework..")
                    .and(not(resideInAPackage("org.leye.casework.shared.."))))
            .because("shared is the ground the capabilities stand on");

    /** The top-level package under org.leye.casework that a class belongs to ("" for the application class). */
    private static String moduleOf(JavaClass c) {
        String rest = c.getPackageName().equals("org.leye.casework") ? ""
                : c.getPackageName().substring("org.leye.casework.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static final DescribedPredicate<JavaClass> ARE_ENTITIES_OR_REPOSITORIES = new DescribedPredicate<>(
            "are JPA entities or Spring Data repositories") {
        @Override
        public boolean test(JavaClass c) {
            return c.isAnnotatedWith(Entity.class) || c.isAssignableTo(Repository.class);
        }
    };

    /**
     * A capability's entities and repositories are its own: another capability calls its public
     * service, which answers with records, or hears its events.
     */
    @ArchTest
    static final ArchRule entitiesAndRepositoriesStayInTheirModule = classes().that(ARE_ENTITIES_OR_REPOSITORIES)
            .and().resideInAPackage("org.leye.casework..")
            .should(new ArchCondition<JavaClass>("be accessed from their own module only") {
                @Override
                public void check(JavaClass target, ConditionEvents events) {
                    for (Dependency d : target.getDirectDependenciesToSelf()) {
                        JavaClass origin = d.getOriginClass();
                        if (origin.getPackageName().startsWith("org.leye.casework")
                                && !moduleOf(origin).equals(moduleOf(target))) {
                            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                        }
                    }
                }
            })
            .because("other modules call the owner's service or hear its events");

    /**
     * A controller or a page controller, an advice, or a class of web, shared.web or security (its
     * filters, handlers and configuration) that is neither an entity nor a service; nested and
     * anonymous classes count as their enclosing class.
     */
    private static final DescribedPredicate<JavaClass> ARE_AT_THE_HTTP_EDGE = new DescribedPredicate<>(
            "are at the HTTP edge (controllers, advice, web, shared.web, security's filters and configuration)") {
        @Override
        public boolean test(JavaClass c) {
            JavaClass top = c;
            while (top.getEnclosingClass().isPresent()) {
                top = top.getEnclosingClass().get();
            }
            if (top.isMetaAnnotatedWith(Controller.class) || top.isMetaAnnotatedWith(ControllerAdvice.class)) {
                return true;
            }
            return top.getPackageName().matches("org\\.leye\\.casework\\.(web|shared\\.web|security)(\\..*)?")
                    && !top.isAnnotatedWith(Entity.class) && !top.isMetaAnnotatedWith(Service.class);
        }
    };

    /**
     * HTTP and the servlet API belong to the edge: controllers, page controllers, web, security's
     * filters and handlers, and shared.web; entities, services, process adapters and domain problems
     * know neither.
     */
    @ArchTest
    static final ArchRule servicesKnowNothingOfHttp = noClasses().that(not(ARE_AT_THE_HTTP_EDGE))
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.http..", "jakarta.servlet..")
            .because("services take ids and commands and refuse with domain problems; the edge maps them to HTTP");

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes().that().areAnnotatedWith(RestController.class)
            .or().areAnnotatedWith(PageController.class)
            .should().notBePublic();

    /**
     * web keeps the layout, navigation, login and the pages' common answers; each page lives in its
     * capability, which may use web, so web uses no capability.
     */
    @ArchTest
    static final ArchRule webDependsOnNoCapability = noClasses().that().resideInAPackage("org.leye.casework.web..")
            .should().dependOnClassesThat(resideInAPackage("org.leye.casework..").and(not(resideInAnyPackage(
                    "org.leye.casework.web..", "org.leye.casework.reference..", "org.leye.casework.security..",
                    "org.leye.casework.shared.."))))
            .because("web may use reference, security and shared only: the pages live in their capabilities");

    /** A page is a @PageController, so that the pages' advice answers its refusals (the 404 page). */
    @ArchTest
    static final ArchRule pagesArePageControllers = classes().that().areMetaAnnotatedWith(Controller.class)
            .and().areNotMetaAnnotatedWith(RestController.class).and().areNotAnnotations()
            .should().beAnnotatedWith(PageController.class);

    /** Neither marked {@link ProcessAdapter} nor inside a class that is (a nested or an anonymous class). */
    private static final DescribedPredicate<JavaClass> ARE_NOT_PROCESS_ADAPTERS = new DescribedPredicate<>(
            "are not process adapters (@ProcessAdapter)") {
        @Override
        public boolean test(JavaClass c) {
            for (Optional<JavaClass> k = Optional.of(c); k.isPresent(); k = k.get().getEnclosingClass()) {
                if (k.get().isAnnotatedWith(ProcessAdapter.class)) {
                    return false;
                }
            }
            return true;
        }
    };

    /**
     * The engine's API ({@code org.camunda}) is used by the process adapters only: the delegates and
     * listeners, the services' engine calls, the engine plugins, the engine's health. They are the
     * surface that a move to the engine's maintained fork (Operaton, {@code org.operaton.bpm})
     * touches, and each says so with {@link ProcessAdapter}.
     */
    @ArchTest
    static final ArchRule onlyProcessAdaptersUseTheEngine = noClasses().that(ARE_NOT_PROCESS_ADAPTERS)
            .should().dependOnClassesThat().resideInAPackage("org.camunda..")
            .because("a move to Operaton should touch the classes marked @ProcessAdapter and no other");

    /**
     * The same read from the sources, both ways: the bytecode keeps no trace of an engine constant
     * or of a local variable's type, and a mark left on a class that no longer uses the engine would
     * overstate the surface.
     */
    @ArchTest
    static void processAdaptersAreTheClassesWhoseSourcesNameTheEngine(JavaClasses classes) throws IOException {
        List<String> wrong = new ArrayList<>();
        for (JavaClass c : classes) {
            Path source = Path.of("src/main/java", c.getPackageName().replace('.', '/'), c.getSimpleName() + ".java");
            if (!c.isTopLevelClass() || c.isEquivalentTo(ProcessAdapter.class) || !Files.exists(source)) {
                continue;
            }
            boolean namesTheEngine = Files.readAllLines(source).stream().map(String::strip)
                    .filter(line -> !line.startsWith("*") && !line.startsWith("/*") && !line.startsWith("//"))
                    .anyMatch(line -> line.contains("org.camunda."));
            if (namesTheEngine != c.isAnnotatedWith(ProcessAdapter.class)) {
                wrong.add(c.getName() + (namesTheEngine ? " names org.camunda without @ProcessAdapter"
                        : " is marked @ProcessAdapter but names no org.camunda type"));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @ArchTest
    static final ArchRule ledgerIsAppendOnly = noClasses().that().resideOutsideOfPackage("org.leye.casework.ledger..")
            .should().dependOnClassesThat().haveSimpleName("LedgerEntries");
}
