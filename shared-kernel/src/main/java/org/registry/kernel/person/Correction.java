package org.registry.kernel.person;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.registry.kernel.common.PersonalData;

import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a correction changes: one record per correctable field, with the old and the new value in the field's own
 * type. Readers handle it with {@link #handle}, which takes one handler per kind, so a field added here is a compile
 * error wherever it is not handled (the exhaustive pattern switch of later Java versions, on Java 17).
 *
 * <p>As JSON, {@code field} names the kind by its name in the API ({@link CorrectableField#apiName()}), beside
 * {@code oldValue} and {@code newValue} in the form the rest of the API writes them (a date as YYYY-MM-DD, a sex as
 * MALE). Both values are personal data whatever the field, as a correction's values always were.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "field")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Correction.OfName.class, name = "name"),
        @JsonSubTypes.Type(value = Correction.OfSex.class, name = "sex"),
        @JsonSubTypes.Type(value = Correction.OfBirthDate.class, name = "birthDate"),
        @JsonSubTypes.Type(value = Correction.OfEthnicity.class, name = "ethnicity"),
        @JsonSubTypes.Type(value = Correction.OfNationalId.class, name = "nationalId")})
public sealed interface Correction {

    /** The value before the correction; null for a detail that was not recorded (an ethnicity, a national ID). */
    Object oldValue();

    /** The value after it; null only when an ethnicity is removed. */
    Object newValue();

    /** Hands this correction to the one of the handlers that takes its kind (a kind added here is added here too). */
    default void handle(Consumer<OfName> name, Consumer<OfSex> sex, Consumer<OfBirthDate> birthDate,
                        Consumer<OfEthnicity> ethnicity, Consumer<OfNationalId> nationalId) {
        if (this instanceof OfName correction) {
            name.accept(correction);
        } else if (this instanceof OfSex correction) {
            sex.accept(correction);
        } else if (this instanceof OfBirthDate correction) {
            birthDate.accept(correction);
        } else if (this instanceof OfEthnicity correction) {
            ethnicity.accept(correction);
        } else {
            nationalId.accept((OfNationalId) this);
        }
    }

    /** True when the correction would leave the detail as it is. */
    default boolean changesNothing() {
        return Objects.equals(oldValue(), newValue());
    }

    record OfName(@PersonalData String oldValue, @PersonalData String newValue) implements Correction {
    }

    record OfSex(@PersonalData Sex oldValue, @PersonalData Sex newValue) implements Correction {
    }

    record OfBirthDate(@PersonalData LocalDate oldValue, @PersonalData LocalDate newValue) implements Correction {
    }

    record OfEthnicity(@PersonalData String oldValue, @PersonalData String newValue) implements Correction {
    }

    record OfNationalId(@PersonalData NationalId oldValue, @PersonalData NationalId newValue)
            implements Correction {
    }
}
