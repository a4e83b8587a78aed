package org.registry.platform.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.registry.kernel.person.CorrectableField;
import org.registry.kernel.person.Correction;
import org.registry.kernel.person.PersonDetailCorrected;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Revision 1 → 2 of {@link PersonDetailCorrected}: the field and its old and new values become one typed
 * {@link Correction}.
 *
 * <p>Revision 1 stored {@code {personId, field, oldValue, newValue, reason}} with the values as text: a name or an
 * ethnicity as written, a sex by its constant ({@code FEMALE}), a birth date as YYYY-MM-DD, a national ID as its 18
 * characters. Revision 2 nests them: {@code {personId, correction: {field, oldValue, newValue}, reason}}, the field
 * by its API name. The texts are already the JSON forms of the typed values, so they move unchanged; the field is
 * written by its API name whichever name it was stored by. Nothing else of the event changes.
 *
 * <p>Axon applies it wherever stored events are read (aggregates, event processors, the audit trail, the event
 * export); the stored rows are never rewritten. Spring registers it with Axon's upcaster chain because it is a bean.
 */
@Component
public class TypedCorrection extends PayloadRevisionUpcaster {

    static final String FROM = "1";
    static final String TO = "2";

    public TypedCorrection() {
        super(Set.of(PersonDetailCorrected.class), FROM, TO, TypedCorrection::nest);
    }

    /** The payload with {@code field}, {@code oldValue} and {@code newValue} in a {@code correction} of their own. */
    static JsonNode nest(JsonNode payload) {
        ObjectNode correction = JsonNodeFactory.instance.objectNode();
        correction.put("field", CorrectableField.of(payload.path("field").asText()).apiName());
        correction.set("oldValue", payload.get("oldValue"));
        correction.set("newValue", payload.get("newValue"));
        ObjectNode upcast = JsonNodeFactory.instance.objectNode();
        upcast.set("personId", payload.get("personId"));
        upcast.set("correction", correction);
        upcast.set("reason", payload.get("reason"));
        return upcast;
    }
}
