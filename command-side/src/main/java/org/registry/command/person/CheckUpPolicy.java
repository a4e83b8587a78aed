package org.registry.command.person;

import org.registry.kernel.checkup.CheckUpId;
import org.registry.kernel.checkup.CheckUpType;
import org.registry.kernel.common.Rejection;
import org.registry.kernel.common.RejectionKind;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.Sex;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.registry.command.person.Policy.allowed;

/** Which check-ups (体检) a person's record accepts. */
@FunctionalInterface
interface CheckUpPolicy extends Policy<CheckUpPolicy.CheckUp> {

    /**
     * A check-up to record.
     *
     * @param recorded the check-ups the person's record holds already
     */
    record CheckUp(PersonId personId, Sex sex, Set<CheckUpId> recorded, CheckUpId checkUpId, CheckUpType type) {
    }

    CheckUpPolicy servicesOfPregnancyAreForWomen = checkUp -> checkUp.type().forWomenOnly()
            && checkUp.sex() != Sex.FEMALE
            ? Optional.of(new Rejection(RejectionKind.UNPROCESSABLE, "CHECK_UP_NOT_APPLICABLE", "a " + checkUp.type()
                    + " check-up is given to women; person " + checkUp.personId() + " is not a woman", "type"))
            : allowed();

    CheckUpPolicy eachCheckUpIsRecordedOnce = checkUp -> checkUp.recorded().contains(checkUp.checkUpId())
            ? Optional.of(new Rejection(RejectionKind.CONFLICT, "CHECK_UP_EXISTS", "check-up " + checkUp.checkUpId()
                    + " exists", null))
            : allowed();

    /** The rules of recording a check-up, in their order. */
    static List<CheckUpPolicy> ofACheckUp() {
        return List.of(servicesOfPregnancyAreForWomen, eachCheckUpIsRecordedOnce);
    }
}
