package org.registry.kernel.household;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.registry.kernel.common.Ids;

import java.util.Objects;
import java.util.UUID;

/** Identifies a household. {@link #toString()} is the bare UUID: Axon stores it as the aggregate identifier. */
public record HouseholdId(@JsonValue UUID value) {

    public HouseholdId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static HouseholdId of(String text) {
        return new HouseholdId(Ids.uuid(text, "householdId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
