package org.registry.command.person;

import org.registry.kernel.common.Rejection;
import org.registry.kernel.common.RejectionKind;
import org.registry.kernel.person.MaritalStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.registry.command.person.Policy.allowed;

/** Which changes of marital status (婚姻状况) a person's record accepts, and from when. */
@FunctionalInterface
interface MaritalPolicy extends Policy<MaritalPolicy.Change> {

    /**
     * A change of marital status.
     *
     * @param since the day the current status was registered, or null when it was never changed
     */
    record Change(MaritalStatus current, LocalDate since, MaritalStatus next, LocalDate date) {
    }

    MaritalPolicy notDatedBeforeTheLastChange = change -> change.since() != null
            && change.date().isBefore(change.since())
            ? Optional.of(new Rejection(RejectionKind.INVALID_INPUT, "DATE_BEFORE_LAST_FACT", "the marital status is "
                    + change.current() + " since " + change.since() + "; a change cannot be dated " + change.date(),
                    "date"))
            : allowed();

    MaritalPolicy nobodyBecomesSingleAgain = change -> change.next() == MaritalStatus.SINGLE
            ? invalidState("a person does not become single again; a wrongly recorded status is corrected instead")
            : allowed();

    MaritalPolicy onlyTheUnmarriedMarry = change -> change.next() == MaritalStatus.MARRIED
            && change.current() == MaritalStatus.MARRIED ? cannotBecome(change) : allowed();

    MaritalPolicy onlyTheMarriedDivorceOrAreWidowed = change -> (change.next() == MaritalStatus.DIVORCED
            || change.next() == MaritalStatus.WIDOWED) && change.current() != MaritalStatus.MARRIED
            ? cannotBecome(change) : allowed();

    /** The rules of a change of marital status, in their order. */
    static List<MaritalPolicy> ofAChange() {
        return List.of(notDatedBeforeTheLastChange, nobodyBecomesSingleAgain, onlyTheUnmarriedMarry,
                onlyTheMarriedDivorceOrAreWidowed);
    }

    private static Optional<Rejection> cannotBecome(Change change) {
        return invalidState("a " + change.current().name().toLowerCase(Locale.ROOT) + " person cannot become "
                + change.next().name().toLowerCase(Locale.ROOT));
    }

    private static Optional<Rejection> invalidState(String message) {
        return Optional.of(new Rejection(RejectionKind.CONFLICT, "INVALID_STATE", message, null));
    }
}
