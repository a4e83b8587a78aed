package org.registry.kernel.household;

import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.person.PersonId;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A household's record as its events leave it: the pure fold of the household's own stream (it decides nothing; the
 * {@code Household} aggregate decides). The members' names and residency are their own records' facts, not folded here.
 *
 * @param version the sequence number of the household's last event folded
 * @param members the members, in the order they joined: those who died stay, as the household register keeps them
 */
public record HouseholdState(HouseholdId id,
                             CommunityCode community,
                             String address,
                             PostalCode postalCode,
                             HouseholdKind kind,
                             String householdNumber,
                             LocalDate registeredOn,
                             long version,
                             Map<PersonId, Member> members) {

    /** A member's place in the household: the relation to its head, and the day they joined. */
    public record Member(RelationToHead relation, LocalDate since) {
    }

    public HouseholdState {
        members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    /** Nothing known yet of the household {@code id}. */
    public static HouseholdState empty(HouseholdId id) {
        return new HouseholdState(id, null, null, null, null, null, null, 0, Map.of());
    }

    /** The household after {@code event}, one of its own events, recorded with {@code sequence} on its stream. */
    public HouseholdState when(HouseholdEvent event, long sequence) {
        CommunityCode community = this.community;
        String address = this.address;
        PostalCode postalCode = this.postalCode;
        HouseholdKind kind = this.kind;
        String householdNumber = this.householdNumber;
        LocalDate registeredOn = this.registeredOn;
        Map<PersonId, Member> members = new LinkedHashMap<>(this.members);
        if (event instanceof HouseholdRegistered registered) {
            community = registered.communityCode();
            address = registered.address();
            postalCode = registered.postalCode();
            kind = registered.kind();
            householdNumber = registered.householdNumber();
            registeredOn = registered.registeredOn();
        } else if (event instanceof HouseholdRelocated relocated) {
            community = relocated.communityCode();
            address = relocated.address();
            postalCode = relocated.postalCode();
        } else if (event instanceof MemberJoinedHousehold joined) {
            members.put(joined.personId(), new Member(joined.relationToHead(), joined.date()));
        } else if (event instanceof MemberLeftHousehold left && left.reason() != LeavingReason.DIED) {
            members.remove(left.personId());
        } else if (event instanceof MemberEnteredInError inError) {
            members.remove(inError.personId());
        } else if (event instanceof HouseholdHeadChanged changed) {
            if (changed.previousHeadId() != null) {
                members.computeIfPresent(changed.previousHeadId(),
                        (person, member) -> new Member(changed.previousHeadRelation(), member.since()));
            }
            members.computeIfPresent(changed.headId(), (person, member) -> new Member(RelationToHead.HEAD, member.since()));
        }
        return new HouseholdState(id, community, address, postalCode, kind, householdNumber, registeredOn, sequence,
                members);
    }
}
