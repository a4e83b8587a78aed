package org.registry.kernel.person;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** On a parent's own record: a child was born to this person on {@code childBirthDate}. */
@Revision("1")
public record BecameParent(PersonId personId,
                           PersonId childId,
                           ParentRole role,
                           LocalDate childBirthDate) implements PersonEvent {
}
