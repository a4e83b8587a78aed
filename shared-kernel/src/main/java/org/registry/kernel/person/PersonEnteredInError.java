package org.registry.kernel.person;

import org.axonframework.serialization.Revision;
import org.registry.kernel.common.PersonalData;

import java.util.UUID;

/**
 * The person's record was entered in error by import {@code importId}, which was taken back: the person is not
 * on the register (every view drops them), and the record accepts no further fact. Nothing is deleted: the facts
 * before this one stay in the store, and the register as known before this instant still shows them.
 */
@Revision("1")
public record PersonEnteredInError(PersonId personId, UUID importId, @PersonalData String reason)
        implements PersonEvent {
}
