package org.registry.app;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.spring.stereotype.Aggregate;
import org.registry.command.api.CommandRequest;
import org.registry.platform.processing.EventPosition;
import org.registry.platform.web.Text;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.lang.reflect.Field;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module boundaries of style.md and the bounds of the API's text, checked on the compiled classes of every module. */
@AnalyzeClasses(packages = "org.registry",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {

    /** The platform's test classes come in its test-jar, which {@code DoNotIncludeTests} does not recognise. */
    static final class DoNotIncludeTestJars implements ImportOption {
        private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar!/.*");

        @Override
        public boolean includes(Location location) {
            return !location.matches(TEST_JAR);
        }
    }

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

    /**
     * A handler that took an event's position from the processor's token would give an event that filled a gap the
     * highest position seen so far, shared with another event: projections take it with {@link EventPosition}.
     */
    @ArchTest
    static final ArchRule eventHandlersTakeNoTrackingToken = methods()
            .that().areAnnotatedWith(EventHandler.class)
            .should(new ArchCondition<JavaMethod>("take no tracking token nor tracked message") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    method.getRawParameterTypes().stream()
                          .filter(type -> type.isAssignableTo(TrackingToken.class)
                                  || type.isAssignableTo(TrackedEventMessage.class))
                          .forEach(type -> events.add(SimpleConditionEvent.violated(method, method.getFullName()
                                  + " takes a " + type.getSimpleName() + "; take the event's own position with "
                                  + "@EventPosition")));
                }
            });

    @ArchTest
    static final ArchRule projectionsDoNotReadTrackingTokens = noClasses()
            .that().areAnnotatedWith(ProcessingGroup.class)
            .should().dependOnClassesThat().areAssignableTo(TrackingToken.class)
            .orShould().dependOnClassesThat().areAssignableTo(TrackedEventMessage.class)
            .because("an event's position comes from @EventPosition, never from the processor's token");

    @ArchTest
    static final ArchRule eventsAreVersioned = classes()
            .that().resideInAPackage("org.registry.kernel..")
            .and().haveSimpleNameNotEndingWith("View")
            .and().implement(com.tngtech.archunit.base.DescribedPredicate.describe("an aggregate's event interface",
                    type -> type.getSimpleName().endsWith("Event") && type.isInterface()))
            .should().beAnnotatedWith(org.axonframework.serialization.Revision.class);

    @ArchTest
    static final ArchRule everyTextFieldOfACommandIsBounded = classes()
            .that().implement(CommandRequest.class)
            .should(new ArchCondition<>("bound each text field with @Text") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    for (RecordComponent component : type.reflect().getRecordComponents()) {
                        // @Text, like Bean Validation's own constraints, reaches the record's field, validated there
                        if (component.getType() == String.class
                                && !field(type, component).isAnnotationPresent(Text.class)) {
                            events.add(SimpleConditionEvent.violated(type,
                                    type.getName() + "." + component.getName() + " has no @Text bound"));
                        }
                    }
                }
            });

    private static Field field(JavaClass type, RecordComponent component) {
        try {
            return type.reflect().getDeclaredField(component.getName());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    @ArchTest
    static final ArchRule everyTextQueryParameterIsBounded = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
            .should(new ArchCondition<>("bound each text query parameter with @Text") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    for (Parameter parameter : method.reflect().getParameters()) {
                        if (parameter.isAnnotationPresent(RequestParam.class) && parameter.getType() == String.class
                                && !parameter.isAnnotationPresent(Text.class)) {
                            events.add(SimpleConditionEvent.violated(method,
                                    method.getFullName() + " takes " + parameter.getName() + " without a @Text bound"));
                        }
                    }
                }
            });
}
