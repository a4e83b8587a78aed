package org.registry.query.residence;

import org.junit.jupiter.api.Test;
import org.registry.kernel.person.MaritalStatus;
import org.registry.kernel.person.MoveReason;
import org.registry.kernel.person.Residency;
import org.registry.kernel.person.Sex;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineTest {

    static final String WENSAN = "330106001001";
    static final String XIXI = "330106002001";
    static final String OTHER_COUNTY = "330108001001";

    final UUID person = UUID.randomUUID();
    final UUID home = UUID.randomUUID();
    final UUID other = UUID.randomUUID();
    final Map<UUID, List<Place>> places = new HashMap<>();
    final List<Fact> facts = new ArrayList<>();
    Timeline.Person who = new Timeline.Person(person, Sex.FEMALE, LocalDate.of(1990, 1, 1), null, 7, null,
            MaritalStatus.SINGLE);

    static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    void place(UUID household, String community, String from, String to) {
        places.computeIfAbsent(household, key -> new ArrayList<>())
              .add(new Place(household, community, day(from), to == null ? null : day(to)));
    }

    void fact(Fact.Kind kind, String date, UUID household, Residency residency, String place, boolean left) {
        facts.add(new Fact(facts.size(), kind, day(date), household, residency, null, place,
                place == null ? null : MoveReason.WORK, null, null, left));
    }

    void registered(String since, UUID household, Residency residency, String origin) {
        fact(Fact.Kind.REGISTERED, since, household, residency, origin, false);
    }

    void married(String date) {
        facts.add(new Fact(facts.size(), Fact.Kind.MARITAL_STATUS, day(date), null, null, MaritalStatus.MARRIED,
                null, null, null, null, false));
    }

    List<Segment> segments() {
        return Timeline.segments(who, facts, places);
    }

    @Test
    void aResidentRegisteredWithoutOriginLivesHereFromResidentSinceAsARegistration() {
        place(home, WENSAN, "2000-01-01", null);
        registered("2005-06-01", home, Residency.PERMANENT, null);

        List<Segment> segments = segments();
        assertThat(segments).hasSize(1);
        Segment stay = segments.get(0);
        assertThat(stay.validFrom()).isEqualTo(day("2005-06-01"));
        assertThat(stay.validTo()).isNull();
        assertThat(stay.entry()).isEqualTo(Boundary.REGISTRATION);
        assertThat(stay.entryFrom()).isNull();
        assertThat(stay.communityCode()).isEqualTo(WENSAN);
    }

    @Test
    void aRegistrationWithAnOriginIsAnArrivalCarryingTheOriginAndCertificate() {
        place(home, WENSAN, "2020-01-01", null);
        facts.add(new Fact(0, Fact.Kind.REGISTERED, day("2024-03-01"), home, Residency.FLOATING_IN, null, "Henan",
                MoveReason.WORK, "LD-1", day("2026-12-31"), false));

        Segment stay = segments().get(0);
        assertThat(stay.entry()).isEqualTo(Boundary.ARRIVAL);
        assertThat(stay.place()).isEqualTo("Henan");
        assertThat(stay.certificateExpiry()).isEqualTo(day("2026-12-31"));
        assertThat(stay.arrivedOn()).isEqualTo(day("2024-03-01"));
    }

    @Test
    void aTransferToAnotherCommunityEndsOneSegmentAndBeginsTheNextOnTheSameDayLinkingTheTwo() {
        place(home, WENSAN, "2000-01-01", null);
        place(other, XIXI, "2000-01-01", null);
        registered("2005-06-01", home, Residency.PERMANENT, null);
        fact(Fact.Kind.TRANSFERRED, "2026-02-02", other, null, null, false);

        List<Segment> segments = segments();
        assertThat(segments).hasSize(2);
        assertThat(segments.get(0).validTo()).isEqualTo(day("2026-02-02"));
        assertThat(segments.get(0).exit()).isEqualTo(Boundary.TRANSFER);
        assertThat(segments.get(0).exitTo()).isEqualTo(XIXI);
        assertThat(segments.get(1).validFrom()).isEqualTo(day("2026-02-02"));
        assertThat(segments.get(1).entry()).isEqualTo(Boundary.TRANSFER);
        assertThat(segments.get(1).entryFrom()).isEqualTo(WENSAN);
        assertThat(segments.get(1).householdId()).isEqualTo(other);
        assertThat(segments.get(1).residency()).isEqualTo(Residency.PERMANENT);
    }

    @Test
    void aRelocationOfTheHouseholdCutsTheStayOfEachMemberAtItsDate() {
        place(home, WENSAN, "2000-01-01", "2026-05-10");
        place(home, OTHER_COUNTY, "2026-05-10", null);
        registered("2005-06-01", home, Residency.PERMANENT, null);

        List<Segment> segments = segments();
        assertThat(segments).extracting(Segment::communityCode).containsExactly(WENSAN, OTHER_COUNTY);
        assertThat(segments.get(0).exit()).isEqualTo(Boundary.RELOCATION);
        assertThat(segments.get(0).exitTo()).isEqualTo(OTHER_COUNTY);
        assertThat(segments.get(1).entry()).isEqualTo(Boundary.RELOCATION);
        assertThat(segments.get(1).entryFrom()).isEqualTo(WENSAN);
        assertThat(segments.get(1).validFrom()).isEqualTo(day("2026-05-10"));
    }

    @Test
    void aRelocationWithinTheCommunityChangesNoSegment() {
        place(home, WENSAN, "2000-01-01", "2026-05-10");
        place(home, WENSAN, "2026-05-10", null);
        registered("2005-06-01", home, Residency.PERMANENT, null);

        assertThat(segments()).hasSize(1);
    }

    @Test
    void aRelocationBeforeThePersonArrivedPlacesTheWholeStayInTheNewCommunity() {
        place(home, WENSAN, "2000-01-01", "2010-01-01");
        place(home, XIXI, "2010-01-01", null);
        registered("2015-06-01", home, Residency.PERMANENT, null);

        List<Segment> segments = segments();
        assertThat(segments).hasSize(1);
        assertThat(segments.get(0).communityCode()).isEqualTo(XIXI);
    }

    @Test
    void aHouseholdsFirstPlaceHoldsBeforeItWasRegistered() {
        place(home, WENSAN, "2026-03-01", null);
        registered("2005-06-01", home, Residency.PERMANENT, null);

        assertThat(segments().get(0).communityCode()).isEqualTo(WENSAN);
    }

    @Test
    void aMarriageCutsTheStayWithoutAMove() {
        place(home, WENSAN, "2000-01-01", null);
        registered("2005-06-01", home, Residency.PERMANENT, null);
        married("2026-04-04");

        List<Segment> segments = segments();
        assertThat(segments).extracting(Segment::maritalStatus).containsExactly(MaritalStatus.SINGLE,
                MaritalStatus.MARRIED);
        assertThat(segments.get(1).entry()).isEqualTo(Boundary.CHANGE);
        assertThat(segments.get(1).entryFrom()).isEqualTo(WENSAN);
        assertThat(segments.get(0).exitTo()).isEqualTo(WENSAN);
    }

    @Test
    void aMarriageBeforeTheStayMakesTheWholeStayMarried() {
        place(home, WENSAN, "2000-01-01", null);
        registered("2005-06-01", home, Residency.PERMANENT, null);
        married("2001-04-04");

        assertThat(segments()).singleElement().extracting(Segment::maritalStatus).isEqualTo(MaritalStatus.MARRIED);
    }

    @Test
    void aResidentWhoMovesAwayIsAwayInTheirHouseholdUntilTheyReturn() {
        place(home, WENSAN, "2000-01-01", null);
        registered("2005-06-01", home, Residency.PERMANENT, null);
        fact(Fact.Kind.MOVED_OUT, "2026-01-05", null, Residency.MOVED_OUT, "Shenzhen", false);
        fact(Fact.Kind.MOVED_IN, "2026-04-05", home, Residency.PERMANENT, "Shenzhen", false);

        List<Segment> segments = segments();
        assertThat(segments).extracting(Segment::residency).containsExactly(Residency.PERMANENT,
                Residency.MOVED_OUT, Residency.PERMANENT);
        assertThat(segments.get(0).exit()).isEqualTo(Boundary.DEPARTURE);
        assertThat(segments.get(0).exitTo()).isNull();
        assertThat(segments.get(0).exitPlace()).isEqualTo("Shenzhen");
        assertThat(segments.get(1).entry()).isEqualTo(Boundary.DEPARTURE);
        assertThat(segments.get(1).place()).isEqualTo("Shenzhen");
        assertThat(segments.get(1).exit()).isEqualTo(Boundary.RETURN);
        assertThat(segments.get(2).entry()).isEqualTo(Boundary.ARRIVAL);
        assertThat(segments.get(2).entryFrom()).isNull();
        assertThat(segments.get(2).validFrom()).isEqualTo(day("2026-04-05"));
    }

    @Test
    void aFloatingResidentWhoLeavesIsNoLongerOnTheRegister() {
        place(home, WENSAN, "2000-01-01", null);
        registered("2024-06-01", home, Residency.FLOATING_IN, "Henan");
        fact(Fact.Kind.MOVED_OUT, "2026-01-05", null, Residency.MOVED_OUT, "Henan", true);

        List<Segment> segments = segments();
        assertThat(segments).hasSize(1);
        assertThat(segments.get(0).validTo()).isEqualTo(day("2026-01-05"));
        assertThat(segments.get(0).exit()).isEqualTo(Boundary.DEPARTURE);
    }

    @Test
    void aDeathEndsTheStay() {
        place(home, WENSAN, "2000-01-01", null);
        registered("2005-06-01", home, Residency.PERMANENT, null);
        facts.add(Fact.of(1, Fact.Kind.DIED, day("2026-01-10")));

        Segment stay = segments().get(0);
        assertThat(stay.validTo()).isEqualTo(day("2026-01-10"));
        assertThat(stay.exit()).isEqualTo(Boundary.DEATH);
    }

    @Test
    void aBirthBeginsOnTheBirthDateAsCorrected() {
        place(home, WENSAN, "2000-01-01", null);
        who = new Timeline.Person(person, Sex.MALE, day("2026-02-27"), UUID.randomUUID(), 9, 2, MaritalStatus.SINGLE);
        fact(Fact.Kind.BORN, "2026-02-28", home, Residency.PERMANENT, null, false);

        Segment stay = segments().get(0);
        assertThat(stay.entry()).isEqualTo(Boundary.BIRTH);
        assertThat(stay.validFrom()).isEqualTo(day("2026-02-27"));
        assertThat(stay.sex()).isEqualTo(Sex.MALE);
        assertThat(stay.registeredPosition()).isEqualTo(9);
        assertThat(stay.birthOrder()).isEqualTo(2);
    }

    @Test
    void aMoveAndATransferOnOneDayLeaveAnEmptySegmentThatStillCountsBothMoves() {
        place(home, WENSAN, "2000-01-01", null);
        place(other, XIXI, "2000-01-01", null);
        registered("2026-03-03", home, Residency.FLOATING_IN, "Henan");
        fact(Fact.Kind.TRANSFERRED, "2026-03-03", other, null, null, false);

        List<Segment> segments = segments();
        assertThat(segments).hasSize(2);
        assertThat(segments.get(0).validFrom()).isEqualTo(segments.get(0).validTo());
        assertThat(segments.get(0).entry()).isEqualTo(Boundary.ARRIVAL);
        assertThat(segments.get(1).entryFrom()).isEqualTo(WENSAN);
        assertThat(segments.get(1).residency()).isEqualTo(Residency.FLOATING_IN);
        assertThat(segments.get(1).arrivedOn()).isEqualTo(day("2026-03-03"));
    }

    @Test
    void theSameFactsAlwaysGiveTheSameSegments() {
        place(home, WENSAN, "2000-01-01", "2026-05-10");
        place(home, XIXI, "2026-05-10", null);
        registered("2005-06-01", home, Residency.PERMANENT, null);
        married("2026-01-01");
        facts.add(Fact.of(2, Fact.Kind.DIED, day("2026-09-10")));

        assertThat(segments()).isEqualTo(segments());
    }
}
