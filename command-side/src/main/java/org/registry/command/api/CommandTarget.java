package org.registry.command.api;

import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.person.PersonId;

/**
 * The record a command is about, as the HTTP answer names it: {@code {householdId, version}}.
 *
 * @param idField      the answer's field for the id
 * @param id           the aggregate identifier
 * @param notFoundCode the problem code when no such record exists
 */
public record CommandTarget(String idField, String id, String notFoundCode) {

    public static CommandTarget household(HouseholdId id) {
        return new CommandTarget("householdId", id.toString(), "HOUSEHOLD_NOT_FOUND");
    }

    public static CommandTarget person(PersonId id) {
        return new CommandTarget("personId", id.toString(), "PERSON_NOT_FOUND");
    }
}
