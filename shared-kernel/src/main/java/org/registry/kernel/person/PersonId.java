package org.registry.kernel.person;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.registry.kernel.common.Ids;

import java.util.Objects;
import java.util.UUID;

/** Identifies a person. {@link #toString()} is the bare UUID: Axon stores it as the aggregate identifier. */
public record PersonId(@JsonValue UUID value) {

    public PersonId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static PersonId of(String text) {
        return new PersonId(Ids.uuid(text, "personId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
