package org.registry.platform.web;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.registry.kernel.common.Require;
import org.registry.kernel.common.TextLimits;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The JSON the API reads is taken as written, or refused (400 naming the field), never guessed at: the HTTP
 * mapper's settings, here and nowhere else. The store's mapper is another one and reads stored events as they are.
 *
 * <ul>
 *   <li>an enumeration only by its exact name: not by position ({@code "sex":1}), not padded ({@code " MALE"}), not
 *       in another case;</li>
 *   <li>no scalar coerced into another: {@code "name":true} is not the text "true", {@code "year":2026.5} and
 *       {@code "year":"2026"} are not the number 2026, {@code "upheld":1} is not {@code true};</li>
 *   <li>dates only as {@code YYYY-MM-DD} and months as {@code YYYY-MM} (no epoch days, arrays, times or signs);</li>
 *   <li>one JSON document: nothing after it, no key twice, no unknown key;</li>
 *   <li>no text with control characters (other than line breaks and tabs, which notes may hold), bidirectional
 *       overrides, noncharacters or half a surrogate pair ({@link Require#textProblem}); no string longer than
 *       {@value #LONGEST_STRING} characters (every field is bounded far below), no document larger than
 *       {@value #LARGEST_DOCUMENT} characters, none nested deeper than {@value #DEEPEST_NESTING}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {

    static final int LONGEST_STRING = 5 * TextLimits.NOTE;
    static final int LARGEST_DOCUMENT = 100_000;
    static final int DEEPEST_NESTING = 20;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder
                .featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS,
                        DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .deserializerByType(String.class, new Text())
                .deserializerByType(LocalDate.class, new Exact<>(LocalDate.class, DATE, LocalDate::parse,
                        "a date (YYYY-MM-DD)"))
                .deserializerByType(YearMonth.class, new Exact<>(YearMonth.class, MONTH, YearMonth::parse,
                        "a month (YYYY-MM)"))
                .postConfigurer(StrictJson::configure);
    }

    private static void configure(ObjectMapper mapper) {
        mapper.setDefaultLeniency(false);
        refuse(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Integer, CoercionInputShape.Float, CoercionInputShape.String,
                CoercionInputShape.Boolean, CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean,
                CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.String, CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.EmptyString);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(LONGEST_STRING)
                .maxDocumentLength(LARGEST_DOCUMENT)
                .maxNestingDepth(DEEPEST_NESTING)
                .build());
        mapper.registerModule(new SimpleModule("exact-enum-names").setDeserializerModifier(new ExactEnumNames()));
    }

    private static void refuse(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }

    /** Refused text: the message says what is wrong without repeating the text. */
    static final class TextRefused extends MismatchedInputException {

        TextRefused(JsonParser parser, String problem) {
            super(parser, problem, String.class);
        }
    }

    /** Every JSON string, wherever it is: what no text may hold is refused here, for every field at once. */
    private static final class Text extends StdScalarDeserializer<String> {

        private final StringDeserializer standard = StringDeserializer.instance;

        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = standard.deserialize(parser, context);
            // Length is each field's own bound (Bean Validation and the commands); here only the characters.
            String problem = value == null ? null : Require.textProblem(value, Integer.MAX_VALUE, true);
            if (problem != null) {
                throw new TextRefused(parser, problem);
            }
            return value;
        }
    }

    /** A value written in exactly one form, as a JSON string. */
    private static final class Exact<T> extends StdScalarDeserializer<T> {

        private final Pattern form;
        private final Function<String, T> parse;
        private final String description;

        Exact(Class<T> type, Pattern form, Function<String, T> parse, String description) {
            super(type);
            this.form = form;
            this.parse = parse;
            this.description = description;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw MismatchedInputException.from(parser, handledType(), "is not " + description);
            }
            String text = parser.getText();
            if (form.matcher(text).matches()) {
                try {
                    return parse.apply(text);
                } catch (DateTimeParseException e) {
                    // 2026-02-30: the right form, but no such day
                }
            }
            return (T) context.handleWeirdStringValue(handledType(), text, "is not " + description);
        }
    }

    /**
     * An enumeration's constant only by the name it is written with ({@code @JsonValue}, else its name): Jackson
     * finds one after trimming the text, and a factory of the enumeration may take more than one spelling.
     */
    private static final class ExactEnumNames extends BeanDeserializerModifier {

        @Override
        public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                          BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
            return new ExactEnumName(deserializer);
        }
    }

    private static final class ExactEnumName extends DelegatingDeserializer {

        ExactEnumName(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new ExactEnumName(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.hasToken(JsonToken.VALUE_STRING) ? parser.getText() : null;
            Object constant = super.deserialize(parser, context);
            if (text != null && constant instanceof Enum<?> value && !text.equals(writtenName(value))) {
                return context.handleWeirdStringValue(handledType(), text, "is not written as " + writtenName(value));
            }
            return constant;
        }

        private static String writtenName(Enum<?> constant) {
            for (Method method : constant.getDeclaringClass().getMethods()) {
                if (method.isAnnotationPresent(JsonValue.class)) {
                    try {
                        return String.valueOf(method.invoke(constant));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            return constant.name();
        }
    }
}
