package org.registry.kernel.person;

import org.axonframework.serialization.Revision;
import org.registry.kernel.common.PersonalData;

/** A person registered without a national ID (a newborn, typically) has been given one. */
@Revision("1")
public record NationalIdAdded(PersonId personId, @PersonalData NationalId nationalId) implements PersonEvent {
}
