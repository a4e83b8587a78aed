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

    /** Hands this correction to the one of the handlers that takes its kind. */
    void handle(Consumer<OfName> name, Consumer<OfSex> sex, Consumer<OfBirthDate> birthDate,
                Consumer<OfEthnicity> ethnicity, Consumer<OfNationalId> nationalId);

    /** True when the correction would leave the detail as it is. */
    default boolean changesNothing() {
        return Objects.equals(oldValue(), newValue());
    }

    record OfName(@PersonalData String oldValue, @PersonalData String newValue) implements Correction {
        @Override
        public void handle(Consumer<OfName> name, Consumer<OfSex> sex, Consumer<OfBirthDate> birthDate,
                           Consumer<OfEthnicity> ethnicity, Consumer<OfNationalId> nationalId) {
            name.accept(this);
        }
    }

    record OfSex(@PersonalData Sex oldValue, @PersonalData Sex newValue) implements Correction {
        @Override
        public void handle(Consumer<OfName> name, Consumer<OfSex> sex, Consumer<OfBirthDate> birthDate,
                           Consumer<OfEthnicity> ethnicity, Consumer<OfNationalId> nationalId) {
            sex.accept(this);
        }
    }

    record OfBirthDate(@PersonalData LocalDate oldValue, @PersonalData LocalDate newValue) implements Correction {
        @Override
        public void handle(Consumer<OfName> name, Consumer<OfSex> sex, Consumer<OfBirthDate> birthDate,
                           Consumer<OfEthnicity> ethnicity, Consumer<OfNationalId> nationalId) {
            birthDate.accept(this);
        }
    }

    record OfEthnicity(@PersonalData String oldValue, @PersonalData String newValue) implements Correction {
        @Override
        public void handle(Consumer<OfName> name, Consumer<OfSex> sex, Consumer<OfBirthDate> birthDate,
                           Consumer<OfEthnicity> ethnicity, Consumer<OfNationalId> nationalId) {
            ethnicity.accept(this);
        }
    }

    record OfNationalId(@PersonalData NationalId oldValue, @PersonalData NationalId newValue)
            implements Correction {
        @Override
        public void handle(Consumer<OfName> name, Consumer<OfSex> sex, Consumer<OfBirthDate> birthDate,
                           Consumer<OfEthnicity> ethnicity, Consumer<OfNationalId> nationalId) {
            nationalId.accept(this);
        }
    }
}
