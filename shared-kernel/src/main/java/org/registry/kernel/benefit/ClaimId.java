package org.registry.kernel.benefit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.registry.kernel.common.Ids;

import java.util.Objects;
import java.util.UUID;

/** Identifies a benefit claim. {@link #toString()} is the bare UUID: it identifies the entity inside its person. */
public record ClaimId(@JsonValue UUID value) {

    public ClaimId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static ClaimId of(String text) {
        return new ClaimId(Ids.uuid(text, "claimId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
