package org.registry.platform.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.registry.kernel.household.HouseholdRegistered;
import org.registry.kernel.household.HouseholdRelocated;
import org.registry.kernel.household.PostalCode;
import org.springframework.stereotype.Component;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Revision 1 → 2 of {@link HouseholdRegistered} and {@link HouseholdRelocated}: the postal code moves out of the
 * address into a field of its own.
 *
 * <p>Until revision 2 a household's address was one text, and clerks who knew the postal code wrote it at the end,
 * as on an envelope: {@code "1 Wensan Road, 310012"}, {@code "文三路1号 邮编310012"}. Revision 2 has
 * {@code postalCode} beside {@code address} (the code alone, six digits). This upcaster splits a revision-1 address
 * the way {@link PostalCode#splitFrom} reads it: a trailing six-digit code after a separator or a label becomes
 * {@code postalCode}, the text before it the {@code address}. An address that does not end with a code is kept as
 * it was, with {@code postalCode: null}. Nothing else of the event changes.
 *
 * <p>Axon applies it wherever stored events are read: aggregates loading their history, event processors (so a
 * projection rebuilt from old events sees the split address), the audit trail and the event export. The stored rows
 * are never rewritten. Spring registers it with Axon's upcaster chain because it is a bean.
 */
@Component
public class PostalCodeOutOfAddress extends PayloadRevisionUpcaster {

    static final String FROM = "1";
    static final String TO = "2";

    public PostalCodeOutOfAddress() {
        super(Set.of(HouseholdRegistered.class, HouseholdRelocated.class), FROM, TO, PostalCodeOutOfAddress::split);
    }

    /** The payload with {@code postalCode} right after {@code address}, taken out of it when it ends with one. */
    static JsonNode split(JsonNode payload) {
        String address = payload.path("address").isTextual() ? payload.get("address").asText() : null;
        Optional<PostalCode.Split> split = PostalCode.splitFrom(address);
        ObjectNode upcast = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = payload.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("postalCode")) {
                continue;
            }
            upcast.set(field.getKey(), field.getValue());
            if (field.getKey().equals("address")) {
                if (split.isPresent()) {
                    upcast.put("address", split.get().address());
                    upcast.put("postalCode", split.get().postalCode().value());
                } else {
                    upcast.putNull("postalCode");
                }
            }
        }
        return upcast;
    }
}
