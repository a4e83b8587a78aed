package org.registry.command.household;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registry.command.household.HouseholdTest.MemberInError;
import org.registry.kernel.household.EnterHouseholdInError;
import org.registry.kernel.household.HouseholdEnteredInError;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.HouseholdKind;
import org.registry.kernel.household.HouseholdRegistered;
import org.registry.kernel.household.HouseholdRelocated;
import org.registry.kernel.household.MemberEnteredInError;
import org.registry.kernel.household.MemberJoinedHousehold;
import org.registry.kernel.household.RelationToHead;
import org.registry.kernel.household.RelocateHousehold;
import org.registry.kernel.person.PersonId;
import org.registry.platform.eventstore.AuditMetaData;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.registry.command.Rejections.rejectedWith;
import static org.registry.command.household.HouseholdTest.POSTCODE;
import static org.registry.command.household.HouseholdTest.TODAY;
import static org.registry.command.household.HouseholdTest.WENSAN;
import static org.registry.command.household.HouseholdTest.XIXI;

/** A household an import founded is taken back only while it holds nothing but the import's own facts. */
class HouseholdEnteredInErrorTest {

    private static final String REASON = "wrong township's ledger";

    private final HouseholdId id = new HouseholdId(UUID.randomUUID());
    private final UUID importId = UUID.randomUUID();
    private final PersonId wang = new PersonId(UUID.randomUUID());
    private final PersonId li = new PersonId(UUID.randomUUID());
    private AggregateTestFixture<Household> fixture;


    @BeforeEach
    void setUp() {
        fixture = HouseholdTest.fixture();
    }

    private static Object by(UUID importId, Object event) {
        return GenericEventMessage.asEventMessage(event)
                                  .andMetaData(Map.of(AuditMetaData.IMPORT_ID, importId.toString()));
    }

    private HouseholdRegistered registered() {
        return new HouseholdRegistered(id, WENSAN, "1 Wensan Road", POSTCODE, HouseholdKind.REGISTERED, "H-17",
                TODAY.minusYears(3));
    }

    private MemberJoinedHousehold joined(PersonId person, RelationToHead relation) {
        return new MemberJoinedHousehold(id, person, relation, TODAY.minusYears(1));
    }

    @Test
    void aMembersRecordEnteredInErrorLeavesTheHousehold() {
        fixture.given(by(importId, registered()), by(importId, joined(wang, RelationToHead.HEAD)))
               .when(new MemberInError(id, wang))
               .expectEvents(new MemberEnteredInError(id, wang));
    }

    @Test
    void aHouseholdWhoseImportedMembersWereTakenBackIsEnteredInError() {
        fixture.given(by(importId, registered()), by(importId, joined(wang, RelationToHead.HEAD)),
                      by(importId, joined(li, RelationToHead.SPOUSE)), new MemberEnteredInError(id, wang),
                      new MemberEnteredInError(id, li))
               .when(new EnterHouseholdInError(id, importId, REASON))
               .expectEvents(new HouseholdEnteredInError(id, importId, REASON));
    }

    @Test
    void aMemberNotOfTheImportBlocksIt() {
        fixture.given(by(importId, registered()), by(importId, joined(wang, RelationToHead.HEAD)),
                      joined(li, RelationToHead.SPOUSE), new MemberEnteredInError(id, wang))
               .when(new EnterHouseholdInError(id, importId, REASON))
               .expectNoEvents()
               .expectException(rejectedWith("RECORD_HAS_LATER_FACTS"));
    }

    @Test
    void aRelocationBlocksIt() {
        fixture.given(by(importId, registered()),
                      new HouseholdRelocated(id, WENSAN, XIXI, "2 Xixi Road", POSTCODE, TODAY.minusDays(5)))
               .when(new EnterHouseholdInError(id, importId, REASON))
               .expectNoEvents()
               .expectException(rejectedWith("RECORD_HAS_LATER_FACTS"));
    }

    @Test
    void aHouseholdNotFoundedByTheImportIsNotTakenBackByIt() {
        fixture.given(registered())
               .when(new EnterHouseholdInError(id, importId, REASON))
               .expectNoEvents()
               .expectException(rejectedWith("NOT_REGISTERED_BY_IMPORT"));
    }

    @Test
    void aHouseholdEnteredInErrorRefusesEveryFurtherCommand() {
        fixture.given(by(importId, registered()), new HouseholdEnteredInError(id, importId, REASON))
               .when(new RelocateHousehold(id, XIXI, "2 Xixi Road", POSTCODE, TODAY))
               .expectNoEvents()
               .expectException(rejectedWith("RECORD_ENTERED_IN_ERROR"));
    }
}
