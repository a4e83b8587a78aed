package org.registry.app;

import org.axonframework.eventhandling.EventBus;
import org.junit.jupiter.api.Test;
import org.registry.command.directory.RecordDirectory;
import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.HouseholdKind;
import org.registry.kernel.household.HouseholdRegistered;
import org.registry.kernel.household.RelationToHead;
import org.registry.kernel.person.MaritalStatus;
import org.registry.kernel.person.NationalId;
import org.registry.kernel.person.PersonEnteredInError;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.PersonRegistered;
import org.registry.kernel.person.Residency;
import org.registry.kernel.person.Sex;
import org.registry.platform.test.RegistryTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.eventhandling.GenericEventMessage.asEventMessage;

/**
 * The national-ID directory answers a transaction from what it read in bulk, kept true as the same transaction
 * enters and frees IDs, and forgotten with the transaction.
 */
@RegistryTest
class NationalIdMemoryTest {

    @Autowired
    RecordDirectory directory;
    @Autowired
    EventBus eventBus;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void whatTheTransactionEntersAndFreesIsAnsweredAsTheTableHoldsItAndARollbackLeavesNothing() {
        LocalDate born = LocalDate.of(1980, 2, 2);
        NationalId nationalId = NationalId.of(Registry.nationalId(born, "MALE"));
        PersonId person = new PersonId(UUID.randomUUID());
        HouseholdId household = new HouseholdId(UUID.randomUUID());

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            assertThat(directory.holdersOf(List.of(nationalId))).isEmpty();
            assertThat(directory.holderOf(nationalId)).isEmpty();

            eventBus.publish(asEventMessage(new HouseholdRegistered(household,
                    new CommunityCode(Registry.freshCounty() + "001001"), "文三路1号", null,
                    HouseholdKind.REGISTERED, "1", born)), asEventMessage(new PersonRegistered(person, nationalId,
                    "张三", Sex.MALE, born, null, MaritalStatus.SINGLE, household, RelationToHead.HEAD,
                    Residency.PERMANENT, born, null, null, null)));
            assertThat(directory.holderOf(nationalId)).contains(person);

            eventBus.publish(asEventMessage(new PersonEnteredInError(person, UUID.randomUUID(), "测试")));
            assertThat(directory.holderOf(nationalId)).isEmpty();

            eventBus.publish(asEventMessage(new PersonRegistered(new PersonId(UUID.randomUUID()), nationalId, "张三",
                    Sex.MALE, born, null, MaritalStatus.SINGLE, household, RelationToHead.OTHER, Residency.PERMANENT,
                    born, null, null, null)));
            assertThat(directory.holderOf(nationalId)).hasValueSatisfying(holder -> assertThat(holder).isNotEqualTo(
                    person));
            status.setRollbackOnly();
        });

        assertThat(new TransactionTemplate(transactions).<Optional<PersonId>>execute(status -> directory.holderOf(
                nationalId))).isEmpty();
    }
}
