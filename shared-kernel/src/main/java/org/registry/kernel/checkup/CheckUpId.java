package org.registry.kernel.checkup;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.registry.kernel.common.Ids;

import java.util.Objects;
import java.util.UUID;

/** Identifies a check-up. {@link #toString()} is the bare UUID: it identifies the entity inside its person. */
public record CheckUpId(@JsonValue UUID value) {

    public CheckUpId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static CheckUpId of(String text) {
        return new CheckUpId(Ids.uuid(text, "checkUpId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
