package org.registry.kernel.person;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** The details of a person a correction may change, by their names in the API. */
public enum CorrectableField {
    NAME("name"), SEX("sex"), BIRTH_DATE("birthDate"), ETHNICITY("ethnicity"), NATIONAL_ID("nationalId");

    private final String apiName;

    CorrectableField(String apiName) {
        this.apiName = apiName;
    }

    @JsonValue
    public String apiName() {
        return apiName;
    }

    @JsonCreator
    public static CorrectableField of(String name) {
        return Arrays.stream(values()).filter(field -> field.apiName.equals(name) || field.name().equals(name))
                     .findFirst()
                     .orElseThrow(() -> new IllegalArgumentException("not a correctable field: " + name));
    }
}
