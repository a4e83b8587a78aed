package org.registry.kernel.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.registry.kernel.area.AreaCode;
import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.benefit.ClaimId;
import org.registry.kernel.benefit.ObjectionId;
import org.registry.kernel.checkup.CheckUpId;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.PostalCode;
import org.registry.kernel.person.NationalId;
import org.registry.kernel.person.PersonId;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Identifiers and codes are stored in events and answered in the API as their bare value, and read back so. */
class IdentifierJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void eachIdentifierIsWrittenAsItsBareValueAndReadBack() throws Exception {
        UUID uuid = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
        List<Object> values = List.of(new PersonId(uuid), new HouseholdId(uuid), new ClaimId(uuid),
                new ObjectionId(uuid), new CheckUpId(uuid), new AreaCode("330106001"),
                new CommunityCode("330106001001"), PostalCode.of("310012"), NationalId.of("11010519491231002X"));
        for (Object value : values) {
            String written = json.writeValueAsString(value);
            assertThat(written).as(value.getClass().getSimpleName()).isEqualTo("\"" + value + "\"");
            assertThat(json.readValue(written, value.getClass())).isEqualTo(value);
        }
    }
}
