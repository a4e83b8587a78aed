package org.registry.kernel.benefit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.registry.kernel.common.Ids;

import java.util.Objects;
import java.util.UUID;

/** Identifies an objection raised during a public notice. {@link #toString()} is the bare UUID: it identifies the objection within its claim. */
public record ObjectionId(@JsonValue UUID value) {

    public ObjectionId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static ObjectionId of(String text) {
        return new ObjectionId(Ids.uuid(text, "objectionId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
