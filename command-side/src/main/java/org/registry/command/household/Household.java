package org.registry.command.household;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.common.Require;
import org.registry.kernel.household.ChangeHouseholdHead;
import org.registry.kernel.household.EnterHouseholdInError;
import org.registry.kernel.household.HouseholdEnteredInError;
import org.registry.kernel.household.HouseholdHeadChanged;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.HouseholdRegistered;
import org.registry.kernel.household.HouseholdRelocated;
import org.registry.kernel.household.LeavingReason;
import org.registry.kernel.household.MemberEnteredInError;
import org.registry.kernel.household.MemberJoinedHousehold;
import org.registry.kernel.household.MemberLeftHousehold;
import org.registry.kernel.household.PostalCode;
import org.registry.kernel.household.RegisterHousehold;
import org.registry.kernel.household.RelationToHead;
import org.registry.kernel.household.RelocateHousehold;
import org.registry.kernel.person.PersonId;
import org.registry.platform.eventstore.AuditMetaData;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A household (户): where it is registered, who its members are, who heads it, and its moves as a whole. */
@Aggregate
class Household {

    @AggregateIdentifier
    private HouseholdId householdId;
    private CommunityCode communityCode;
    private String address;
    private PostalCode postalCode;
    /** The date of the latest fact that places the household somewhere; moves may not be dated before it. */
    private LocalDate settledOn;
    private final Map<PersonId, RelationToHead> members = new HashMap<>();
    private final Map<PersonId, LocalDate> memberSince = new HashMap<>();
    private PersonId head;
    /** The import that founded the household, if one did: only its own facts may be taken back with it. */
    private UUID foundedByImport;
    /**
     * The facts on the record that a revert of {@link #foundedByImport} may take back with it: its registration, the
     * joining of the members it registered, and the members' records entered in error (with, for a member another
     * import brought in, that member's joining). Any other fact depends on the household.
     */
    private long ownFacts;
    /** Members who joined by a fact not of {@link #foundedByImport}. */
    private final Set<PersonId> joinedOtherwise = new HashSet<>();
    private boolean enteredInError;

    Household() {
        // for Axon
    }

    @CommandHandler
    Household(RegisterHousehold command, Clock clock) {
        Require.notInFuture(command.registeredOn(), LocalDate.now(clock), "date");
        apply(new HouseholdRegistered(command.householdId(), command.communityCode(), command.address(),
                command.postalCode(), command.kind(), command.householdNumber(), command.registeredOn()));
    }

    @CommandHandler
    void handle(RelocateHousehold command, Clock clock) {
        Require.notInFuture(command.date(), LocalDate.now(clock), "date");
        if (command.date().isBefore(settledOn)) {
            throw RejectionException.invalid("date", "DATE_BEFORE_LAST_MOVE",
                    "the household is registered at its address since " + settledOn
                            + "; a relocation cannot be dated " + command.date());
        }
        if (command.communityCode().equals(communityCode) && command.address().equals(address)
                && Objects.equals(command.postalCode(), postalCode)) {
            throw RejectionException.unprocessable("address", "NOTHING_CHANGES",
                    "the household already lives at this address in community " + communityCode);
        }
        apply(new HouseholdRelocated(householdId, communityCode, command.communityCode(), command.address(),
                command.postalCode(), command.date()));
    }

    @CommandHandler
    void handle(ChangeHouseholdHead command, Clock clock) {
        Require.notInFuture(command.date(), LocalDate.now(clock), "date");
        RelationToHead relation = members.get(command.personId());
        if (relation == null) {
            throw RejectionException.unprocessable("personId", "NOT_A_MEMBER",
                    "person " + command.personId() + " is not a member of household " + householdId);
        }
        if (relation == RelationToHead.HEAD) {
            throw RejectionException.unprocessable("personId", "NOTHING_CHANGES",
                    "person " + command.personId() + " already heads household " + householdId);
        }
        LocalDate since = memberSince.get(command.personId());
        if (command.date().isBefore(since)) {
            throw RejectionException.invalid("date", "DATE_BEFORE_MEMBERSHIP", "person " + command.personId()
                    + " is a member since " + since + " and cannot head the household from " + command.date());
        }
        apply(new HouseholdHeadChanged(householdId, command.personId(), head,
                head == null ? null : reciprocal(relation), command.date()));
    }

    /** How the previous head relates to the new one, from how the new one related to the previous. */
    private static RelationToHead reciprocal(RelationToHead newHeadWas) {
        return switch (newHeadWas) {
            case SPOUSE -> RelationToHead.SPOUSE;
            case CHILD -> RelationToHead.PARENT;
            case PARENT -> RelationToHead.CHILD;
            case HEAD, OTHER -> RelationToHead.OTHER;
        };
    }

    /**
     * The household's record was entered in error by {@code command.importId()}, which is taken back. Refused when
     * another import or none founded it, or when it holds a fact that is not the import's own (a member the import
     * did not register, a relocation, a change of head): such a fact depends on the record.
     */
    @CommandHandler
    void handle(EnterHouseholdInError command) {
        if (foundedByImport == null || !foundedByImport.equals(command.importId())) {
            throw RejectionException.conflict("NOT_REGISTERED_BY_IMPORT", "household " + householdId
                    + " was not registered by import " + command.importId());
        }
        Long version = AggregateLifecycle.getVersion();
        long facts = version == null ? 0 : version + 1;
        if (facts > ownFacts) {
            throw RejectionException.conflict("RECORD_HAS_LATER_FACTS", "household " + householdId + " has "
                    + (facts - ownFacts) + " fact(s) not of import " + command.importId() + "; they depend on it");
        }
        if (!members.isEmpty()) {
            throw RejectionException.conflict("RECORD_HAS_LATER_FACTS", "household " + householdId + " has "
                    + members.size() + " member(s) whose records stand; take them back first");
        }
        apply(new HouseholdEnteredInError(householdId, command.importId(), command.reason()));
    }

    /** A member's record was entered in error: the household no longer has them. */
    void memberEnteredInError(PersonId person) {
        if (members.containsKey(person)) {
            apply(new MemberEnteredInError(householdId, person));
        }
    }

    /** A record entered in error accepts no further fact: {@code 409 RECORD_ENTERED_IN_ERROR}. */
    @CommandHandlerInterceptor
    void refuseWhenEnteredInError() {
        requireNotEnteredInError();
    }

    void requireNotEnteredInError() {
        if (enteredInError) {
            throw RejectionException.conflict("RECORD_ENTERED_IN_ERROR", "household " + householdId
                    + " was entered in error (an import taken back); the record accepts no further fact");
        }
    }

    void admit(PersonId person, RelationToHead relation, LocalDate since) {
        if (members.containsKey(person)) {
            throw RejectionException.conflict("ALREADY_A_MEMBER",
                    "person " + person + " is already a member of household " + householdId);
        }
        if (relation == RelationToHead.HEAD && head != null) {
            throw RejectionException.conflict("HOUSEHOLD_HAS_HEAD",
                    "household " + householdId + " is headed by person " + head
                            + "; a household has at most one head (change the head first)");
        }
        apply(new MemberJoinedHousehold(householdId, person, relation, since));
    }

    void release(PersonId person, LeavingReason reason, LocalDate date) {
        if (!members.containsKey(person)) {
            throw RejectionException.conflict("NOT_A_MEMBER",
                    "person " + person + " is not a member of household " + householdId);
        }
        apply(new MemberLeftHousehold(householdId, person, reason, date));
    }

    @EventSourcingHandler
    void on(HouseholdRegistered event, @MetaDataValue(AuditMetaData.IMPORT_ID) String importId) {
        foundedByImport = importId == null ? null : UUID.fromString(importId);
        ownFacts = 1;
        householdId = event.householdId();
        communityCode = event.communityCode();
        address = event.address();
        postalCode = event.postalCode();
        settledOn = event.registeredOn();
    }

    @EventSourcingHandler
    void on(HouseholdRelocated event) {
        communityCode = event.communityCode();
        address = event.address();
        postalCode = event.postalCode();
        settledOn = event.date();
    }

    @EventSourcingHandler
    void on(MemberJoinedHousehold event, @MetaDataValue(AuditMetaData.IMPORT_ID) String importId) {
        if (foundedByImport != null && foundedByImport.toString().equals(importId)) {
            ownFacts++;
        } else {
            joinedOtherwise.add(event.personId());
        }
        members.put(event.personId(), event.relationToHead());
        memberSince.put(event.personId(), event.date());
        if (event.relationToHead() == RelationToHead.HEAD) {
            head = event.personId();
        }
    }

    @EventSourcingHandler
    void on(MemberLeftHousehold event) {
        members.remove(event.personId());
        memberSince.remove(event.personId());
        if (event.personId().equals(head)) {
            head = null;
        }
    }

    @EventSourcingHandler
    void on(MemberEnteredInError event) {
        ownFacts += joinedOtherwise.remove(event.personId()) ? 2 : 1;
        members.remove(event.personId());
        memberSince.remove(event.personId());
        if (event.personId().equals(head)) {
            head = null;
        }
    }

    @EventSourcingHandler
    void on(HouseholdEnteredInError event) {
        enteredInError = true;
    }

    @EventSourcingHandler
    void on(HouseholdHeadChanged event) {
        if (event.previousHeadId() != null && members.containsKey(event.previousHeadId())) {
            members.put(event.previousHeadId(), event.previousHeadRelation());
        }
        members.put(event.headId(), RelationToHead.HEAD);
        head = event.headId();
    }
}
