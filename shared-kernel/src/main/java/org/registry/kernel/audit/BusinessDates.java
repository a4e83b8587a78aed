package org.registry.kernel.audit;

import org.registry.kernel.household.HouseholdEnteredInError;
import org.registry.kernel.household.HouseholdHeadChanged;
import org.registry.kernel.household.HouseholdRegistered;
import org.registry.kernel.household.HouseholdRelocated;
import org.registry.kernel.household.MemberEnteredInError;
import org.registry.kernel.household.MemberJoinedHousehold;
import org.registry.kernel.household.MemberLeftHousehold;
import org.registry.kernel.person.BecameParent;
import org.registry.kernel.person.BenefitClaimApproved;
import org.registry.kernel.person.BenefitClaimEnded;
import org.registry.kernel.person.BenefitClaimFiled;
import org.registry.kernel.person.BenefitClaimGranted;
import org.registry.kernel.person.BenefitGrantImported;
import org.registry.kernel.person.BenefitClaimRecertified;
import org.registry.kernel.person.BenefitClaimRejected;
import org.registry.kernel.person.BenefitPaid;
import org.registry.kernel.person.BirthRegistered;
import org.registry.kernel.person.CheckUpRecorded;
import org.registry.kernel.person.ChildBirthDateCorrected;
import org.registry.kernel.person.MaritalStatusRegistered;
import org.registry.kernel.person.NationalIdAdded;
import org.registry.kernel.person.ObjectionRaised;
import org.registry.kernel.person.ObjectionResolved;
import org.registry.kernel.person.PersonDetailCorrected;
import org.registry.kernel.person.PersonDied;
import org.registry.kernel.person.PersonEnteredInError;
import org.registry.kernel.person.PersonMovedIn;
import org.registry.kernel.person.PersonMovedOut;
import org.registry.kernel.person.PersonRegistered;
import org.registry.kernel.person.PersonTransferred;
import org.registry.kernel.person.PublicNoticeEnded;
import org.registry.kernel.person.PublicNoticeStarted;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The first of the two clocks of every fact: the day it happened in the world, as the clerk asserted it (a birth
 * date, a move date, the day a plain registration says the stay began). The second clock, the instant the fact was
 * recorded, is the event message's timestamp. This is the one place that says which field of each event is its
 * business date; the audit trail shows it as {@code occurredOn}.
 *
 * <p>Some facts have no business date of their own: a national ID that is added, a correction of a wrongly recorded
 * detail (the person's own, or a child's birth date on the parent's record). They happened when they were recorded.
 * {@code BusinessDatesTest} fails for an event that is neither mapped here nor listed as undated, so a new event
 * cannot be forgotten.
 */
public final class BusinessDates {

    private static final Map<Class<?>, BiFunction<Object, ZoneId, LocalDate>> DATES = Map.ofEntries(
            date(HouseholdRegistered.class, (event, zone) -> event.registeredOn()),
            date(HouseholdRelocated.class, (event, zone) -> event.date()),
            date(MemberJoinedHousehold.class, (event, zone) -> event.date()),
            date(MemberLeftHousehold.class, (event, zone) -> event.date()),
            date(HouseholdHeadChanged.class, (event, zone) -> event.date()),
            date(PersonRegistered.class, (event, zone) -> event.residentSince()),
            date(BirthRegistered.class, (event, zone) -> event.birthDate()),
            date(BecameParent.class, (event, zone) -> event.childBirthDate()),
            date(PersonDied.class, (event, zone) -> event.date()),
            date(MaritalStatusRegistered.class, (event, zone) -> event.date()),
            date(PersonMovedOut.class, (event, zone) -> event.date()),
            date(PersonMovedIn.class, (event, zone) -> event.date()),
            date(PersonTransferred.class, (event, zone) -> event.date()),
            date(CheckUpRecorded.class, (event, zone) -> event.date()),
            date(BenefitClaimFiled.class, (event, zone) -> event.filedOn()),
            date(BenefitClaimApproved.class, (event, zone) -> event.decidedOn()),
            date(BenefitClaimRejected.class, (event, zone) -> event.decidedOn()),
            // The county's approval starts the notice: the service's clock, read in the offices' zone.
            date(PublicNoticeStarted.class, (event, zone) -> LocalDate.ofInstant(event.startedAt(), zone)),
            date(ObjectionRaised.class, (event, zone) -> event.raisedOn()),
            date(ObjectionResolved.class, (event, zone) -> event.resolvedOn()),
            date(BenefitClaimGranted.class, (event, zone) -> event.grantedOn()),
            date(BenefitGrantImported.class, (event, zone) -> event.grantedOn()),
            date(BenefitPaid.class, (event, zone) -> event.paidOn()),
            date(BenefitClaimRecertified.class, (event, zone) -> event.recertifiedOn()),
            date(BenefitClaimEnded.class, (event, zone) -> event.endedOn()),
            date(PublicNoticeEnded.class, (event, zone) -> LocalDate.ofInstant(event.endedAt(), zone)));

    /**
     * Facts that happened when they were recorded: their only date is the recording instant. A record entered in error
     * (an import taken back) is such a fact too: it says nothing happened in the world.
     */
    static final Set<Class<?>> UNDATED = Set.of(NationalIdAdded.class, PersonDetailCorrected.class,
            ChildBirthDateCorrected.class, PersonEnteredInError.class, MemberEnteredInError.class,
            HouseholdEnteredInError.class);

    private BusinessDates() {
    }

    /**
     * @param event the payload of an event
     * @param zone  the offices' time zone, for facts whose date is an instant of the service's own clock
     * @return the day the fact happened, or empty for a fact without a business date of its own (or an unknown one)
     */
    public static Optional<LocalDate> of(Object event, ZoneId zone) {
        BiFunction<Object, ZoneId, LocalDate> date = DATES.get(event.getClass());
        return date == null ? Optional.empty() : Optional.ofNullable(date.apply(event, zone));
    }

    /** True for every event type this class has decided on, dated or not. */
    static boolean knows(Class<?> eventType) {
        return DATES.containsKey(eventType) || UNDATED.contains(eventType);
    }

    private static <E> Map.Entry<Class<?>, BiFunction<Object, ZoneId, LocalDate>> date(
            Class<E> type, BiFunction<E, ZoneId, LocalDate> date) {
        return Map.entry(type, (event, zone) -> date.apply(type.cast(event), zone));
    }
}
