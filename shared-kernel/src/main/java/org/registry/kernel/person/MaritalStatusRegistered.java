package org.registry.kernel.person;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A marriage, divorce or widowhood was registered: the person's marital status is {@code maritalStatus} from {@code date}. */
@Revision("1")
public record MaritalStatusRegistered(PersonId personId,
                                      MaritalStatus maritalStatus,
                                      MaritalStatus previousStatus,
                                      LocalDate date) implements PersonEvent {
}
