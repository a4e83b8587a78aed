package org.registry.app;

import org.axonframework.eventhandling.EventBus;
import org.junit.jupiter.api.Test;
import org.registry.command.directory.RecordDirectory;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.RelationToHead;
import org.registry.kernel.person.BirthRegistered;
import org.registry.kernel.person.NationalId;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.Residency;
import org.registry.kernel.person.Sex;
import org.registry.platform.test.RegistryTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.eventhandling.GenericEventMessage.asEventMessage;

/** The directory's questions about many records at once answer what one question each would. */
@RegistryTest
class DirectoryInBulkTest {

    @Autowired
    RecordDirectory directory;
    @Autowired
    EventBus eventBus;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void childrenOfManyParentsAreEachParentsChildrenInBirthOrder() {
        PersonId mother = new PersonId(UUID.randomUUID());
        PersonId father = new PersonId(UUID.randomUUID());
        PersonId otherMother = new PersonId(UUID.randomUUID());
        PersonId childless = new PersonId(UUID.randomUUID());
        HouseholdId household = new HouseholdId(UUID.randomUUID());
        LocalDate first = LocalDate.of(2015, 3, 1);
        LocalDate second = LocalDate.of(2019, 7, 9);

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            // the younger child first: the answer is in birth order, not in the order of entry
            eventBus.publish(asEventMessage(birth(mother, father, second, Sex.FEMALE, household)),
                    asEventMessage(birth(mother, father, first, Sex.MALE, household)),
                    asEventMessage(birth(otherMother, null, first, Sex.MALE, household)));

            Map<PersonId, List<RecordDirectory.Relative>> children = directory.childrenOf(
                    List.of(mother, father, otherMother, childless));

            for (PersonId parent : List.of(mother, father, otherMother, childless)) {
                assertThat(children.get(parent)).as("children of %s", parent)
                                                .isEqualTo(directory.childrenOf(parent));
            }
            assertThat(children.get(mother)).extracting(RecordDirectory.Relative::birthDate)
                                            .containsExactly(first, second);
            assertThat(children.get(otherMother)).hasSize(1);
            assertThat(children.get(childless)).isEmpty();
            status.setRollbackOnly();
        });
    }

    private static BirthRegistered birth(PersonId mother, PersonId father, LocalDate born, Sex sex,
                                         HouseholdId household) {
        return new BirthRegistered(new PersonId(UUID.randomUUID()), mother, father, "张宝", sex, born,
                NationalId.of(Registry.nationalId(born, sex.name())), null, household, RelationToHead.CHILD,
                Residency.PERMANENT);
    }
}
