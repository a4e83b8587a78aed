package org.registry.platform.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.registry.kernel.common.PersonalData;
import org.registry.platform.eventstore.AuditMetaData;
import org.registry.platform.security.RegistryUser;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shows a value (an event's payload, a view) as JSON to a reader, with every field annotated {@link PersonalData}
 * masked when the reader may not see personal data ({@link RegistryUser#seesPersonalData()}: analysts). The
 * annotation decides what is personal; this class is the one place that decides how it is hidden, for the audit
 * trail, the event export and any read that wants it. It works on the field wherever it occurs: on events and views,
 * and on the records nested in them ({@code FloatingCertificate.number}, the members of a household).
 *
 * <p>Every personal value becomes {@value #MASK}, whatever it was; {@code null} stays {@code null} (that a person
 * has no national ID yet is a fact about the record, not about the person). A mask rather than a pseudonym (a hash):
 * analysts count and link persons by their {@code personId}, which is not personal data, so a pseudonym would add
 * nothing they need; and a national ID has so few possible values (region, birth date, a 3-digit sequence) that an
 * unkeyed hash of it is reversed by trying them all, while a keyed one still lets anyone who learns one pair link
 * records across exports. A constant mask leaks nothing, not even which persons share a name.
 *
 * <p>An event's metadata is a map, not a type, so it is decided here: the keys that say who recorded a fact, in
 * which role, at which request ({@link #IMPERSONAL_META_DATA}) are shown; any other key, the clerk's free-text
 * {@code reason} first, is personal. An allow-list, so a key added later is masked until someone decides otherwise.
 */
@Component
public class PersonalDataMasking {

    public static final String MASK = "***";

    /** The metadata keys shown to every reader: who, in which role, at which request, against which version. */
    static final Set<String> IMPERSONAL_META_DATA = Set.of(AuditMetaData.ACTOR, AuditMetaData.ROLE,
            AuditMetaData.REQUEST_ID, AuditMetaData.CORRELATION_ID, AuditMetaData.CAUSATION_ID,
            AuditMetaData.EXPECTED_VERSION);

    private final ObjectMapper plain;
    private final ObjectMapper masking;

    /** @param mapper the HTTP mapper: masked or not, values look as the rest of the API shows them */
    public PersonalDataMasking(ObjectMapper mapper) {
        // As trees too, values keep their form: 20.00 stays 20.00 (Jackson's trees drop trailing zeros by default).
        this.plain = mapper.copy().configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        this.masking = plain.copy().registerModule(new SimpleModule("personal-data-masking")
                .setSerializerModifier(new MaskPersonalData()));
    }

    /** True when personal data is hidden from this reader. */
    public static boolean masksFor(RegistryUser reader) {
        return !reader.seesPersonalData();
    }

    /** The value as JSON for this reader. */
    public JsonNode toJson(Object value, RegistryUser reader) {
        return toJson(value, masksFor(reader));
    }

    /** The value as JSON, with its personal data masked or not. */
    public JsonNode toJson(Object value, boolean mask) {
        return (mask ? masking : plain).valueToTree(value);
    }

    /** The mapper that writes values with ({@code mask}) or without their personal data masked. */
    public ObjectMapper mapper(boolean mask) {
        return mask ? masking : plain;
    }

    /** An event's metadata as a reader may see it: with {@code mask}, every value of a personal key masked. */
    public Map<String, Object> metaData(Map<String, ?> metaData, boolean mask) {
        Map<String, Object> shown = new LinkedHashMap<>(metaData);
        if (mask) {
            shown.replaceAll((key, value) -> value == null || IMPERSONAL_META_DATA.contains(key) ? value : MASK);
        }
        return shown;
    }

    /**
     * Replaces each property annotated {@link PersonalData}, whatever bean it belongs to, by its masked form, and
     * writes every value of a type annotated {@link PersonalData} masked, wherever it occurs.
     */
    private static final class MaskPersonalData extends BeanSerializerModifier {

        @Override
        public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription bean,
                                                         List<BeanPropertyWriter> properties) {
            properties.replaceAll(property -> property.getAnnotation(PersonalData.class) != null
                    ? new MaskedProperty(property) : property);
            return properties;
        }

        @Override
        public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription bean,
                                                  JsonSerializer<?> serializer) {
            return bean.getClassAnnotations().has(PersonalData.class) ? new MaskedValue(bean.getBeanClass())
                    : serializer;
        }
    }

    /** Writes {@value #MASK} for a value of a personal type; {@code null} never reaches it. */
    private static final class MaskedValue extends StdSerializer<Object> {

        @SuppressWarnings("unchecked")
        MaskedValue(Class<?> type) {
            super((Class<Object>) type);
        }

        @Override
        public void serialize(Object value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(MASK);
        }
    }

    /** Writes {@value #MASK} in place of any value but {@code null}. */
    private static final class MaskedProperty extends BeanPropertyWriter {

        MaskedProperty(BeanPropertyWriter property) {
            super(property);
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator generator, SerializerProvider provider)
                throws Exception {
            if (get(bean) == null) {
                super.serializeAsField(bean, generator, provider);
                return;
            }
            generator.writeFieldName(_name);
            generator.writeString(MASK);
        }

        @Override
        public void serializeAsElement(Object bean, JsonGenerator generator, SerializerProvider provider)
                throws Exception {
            if (get(bean) == null) {
                super.serializeAsElement(bean, generator, provider);
                return;
            }
            generator.writeString(MASK);
        }
    }
}
