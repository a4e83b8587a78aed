package org.registry.kernel.person;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The person died on {@code date}. The record then accepts corrections only. */
@Revision("1")
public record PersonDied(PersonId personId, LocalDate date) implements PersonEvent {
}
