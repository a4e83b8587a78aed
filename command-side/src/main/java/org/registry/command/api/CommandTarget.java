package org.registry.command.api;

import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.person.PersonId;

/**
 * The record a command is about, as the HTTP answer names it: {@code {householdId, version}}, or, for an entity
 * inside a person (a check-up, a claim), {@code {claimId, version}} with the person's version.
 *
 * @param idField      the answer's field for the id
 * @param id           the id the answer names
 * @param aggregateId  the aggregate whose version the answer carries
 * @param notFoundCode the problem code when no such record exists
 */
public record CommandTarget(String idField, String id, String aggregateId, String notFoundCode) {

    public static CommandTarget household(HouseholdId id) {
        return new CommandTarget("householdId", id.toString(), id.toString(), "HOUSEHOLD_NOT_FOUND");
    }

    public static CommandTarget person(PersonId id) {
        return new CommandTarget("personId", id.toString(), id.toString(), "PERSON_NOT_FOUND");
    }

    /** An entity of a person: the answer names the entity, and the person's version. */
    public static CommandTarget ofPerson(PersonId person, String idField, Object entityId) {
        return new CommandTarget(idField, entityId.toString(), person.toString(), "PERSON_NOT_FOUND");
    }
}
