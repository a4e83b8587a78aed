package org.registry.app;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.spring.stereotype.Aggregate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module boundaries of style.md, checked on the compiled classes of every module. */
@AnalyzeClasses(packages = "org.registry", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theKernelKnowsNoSpringAndNoPersistence = noClasses()
            .that().resideInAPackage("org.registry.kernel..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "org.hibernate..", "org.registry.platform..", "org.registry.command..", "org.registry.query..");

    @ArchTest
    static final ArchRule theCommandSideDoesNotSeeTheQuerySide = noClasses()
            .that().resideInAPackage("org.registry.command..")
            .should().dependOnClassesThat().resideInAPackage("org.registry.query..");

    @ArchTest
    static final ArchRule theQuerySideDoesNotSeeTheCommandSide = noClasses()
            .that().resideInAPackage("org.registry.query..")
            .should().dependOnClassesThat().resideInAPackage("org.registry.command..");

    @ArchTest
    static final ArchRule thePlatformServesBothSidesAndKnowsNeither = noClasses()
            .that().resideInAPackage("org.registry.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("org.registry.command..", "org.registry.query..");

    @ArchTest
    static final ArchRule aggregatesAreNotPublic = classes()
            .that().areAnnotatedWith(Aggregate.class)
            .should().notBePublic();

    @ArchTest
    static final ArchRule packagesAreCapabilitiesNotLayers = noClasses()
            .should().resideInAnyPackage("..controller..", "..controllers..", "..service..", "..services..",
                    "..repository..", "..repositories..", "..dto..", "..entity..", "..entities..");

    @ArchTest
    static final ArchRule eventsAreVersioned = classes()
            .that().resideInAPackage("org.registry.kernel..")
            .and().haveSimpleNameNotEndingWith("View")
            .and().implement(com.tngtech.archunit.base.DescribedPredicate.describe("an aggregate's event interface",
                    type -> type.getSimpleName().endsWith("Event") && type.isInterface()))
            .should().beAnnotatedWith(org.axonframework.serialization.Revision.class);
}
