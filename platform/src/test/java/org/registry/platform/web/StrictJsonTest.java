package org.registry.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.registry.kernel.person.CorrectableField;
import org.registry.kernel.person.Sex;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTP mapper as Spring Boot builds it with {@link StrictJson}: what it takes, and the garbage it refuses. */
class StrictJsonTest {

    record Request(String name, Sex sex, LocalDate date, YearMonth period, Integer year, Boolean upheld,
                   String note, CorrectableField field) {
    }

    private static final ObjectMapper MAPPER = httpMapper();

    private static ObjectMapper httpMapper() {
        AtomicReference<ObjectMapper> mapper = new AtomicReference<>();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .withUserConfiguration(StrictJson.class)
                .run(context -> mapper.set(context.getBean(ObjectMapper.class)));
        return mapper.get();
    }

    @Test
    void aBodyWrittenAsTheContractSaysIsRead() throws Exception {
        Request request = MAPPER.readValue("""
                {"name":"王小明","sex":"MALE","date":"2026-03-01","period":"2026-03","year":2026,"upheld":false,
                 "note":"first line\\nsecond line"}""", Request.class);
        assertThat(request).isEqualTo(new Request("王小明", Sex.MALE, LocalDate.of(2026, 3, 1), YearMonth.of(2026, 3),
                2026, false, "first line\nsecond line", null));
        assertThat(MAPPER.readValue("{\"field\":\"birthDate\"}", Request.class).field())
                .isEqualTo(CorrectableField.BIRTH_DATE);
        assertThat(MAPPER.readValue("{\"name\":null}", Request.class).name()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // enumerations by exact name only
            "{\"sex\":1}", "{\"sex\":\"1\"}", "{\"sex\":\" MALE\"}", "{\"sex\":\"MALE \"}", "{\"sex\":\"male\"}",
            "{\"sex\":\"\"}", "{\"sex\":[\"MALE\"]}", "{\"sex\":1.0}",
            "{\"field\":\"BIRTH_DATE\"}", "{\"field\":\" birthDate\"}", "{\"field\":1}",
            // no scalar coerced into another
            "{\"name\":true}", "{\"name\":12}", "{\"name\":1.5}", "{\"name\":{}}", "{\"name\":[\"x\"]}",
            "{\"year\":2026.5}", "{\"year\":2026.0}", "{\"year\":\"2026\"}", "{\"year\":true}", "{\"year\":\"\"}",
            "{\"year\":99999999999}", "{\"upheld\":1}", "{\"upheld\":\"true\"}", "{\"upheld\":\"\"}",
            // dates and months in one form only
            "{\"date\":20000}", "{\"date\":[2026,1,1]}", "{\"date\":\"2026-1-1\"}", "{\"date\":\"+10000-01-01\"}",
            "{\"date\":\"-0001-01-01\"}", "{\"date\":\"+4656411-01-01\"}", "{\"date\":\"2026-02-30\"}",
            "{\"date\":\"2026-01-01T00:00\"}", "{\"date\":\"2026-01-01Z\"}", "{\"date\":\" 2026-01-01\"}",
            "{\"date\":\"\"}", "{\"period\":\"2026-3\"}", "{\"period\":\"2026-03-01\"}", "{\"period\":202603}",
            // one document, each key once, known keys only
            "{\"name\":\"a\"} x", "{\"name\":\"a\"} {}", "{\"name\":\"a\"}]", "{\"name\":\"a\",\"name\":\"b\"}",
            "{\"name\":\"a\",\"year\":1,\"note\":\"n\",\"year\":2}", "{\"nme\":\"a\"}", "[]", "\"x\"",
            // characters no text holds
            "{\"name\":\"Li\\u0000Na\"}", "{\"name\":\"Li\\u001bNa\"}", "{\"name\":\"Li\\u202eaN\"}",
            "{\"name\":\"Li\\ud800Na\"}", "{\"note\":\"\\udfff\"}", "{\"note\":\"\\ufeff\"}", "{\"note\":\"\\u0085\"}"})
    void garbageIsRefused(String json) {
        assertThatThrownBy(() -> MAPPER.readValue(json, Request.class)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] body = "{\"name\":\"Li?\"}".getBytes(StandardCharsets.UTF_8);
        body[11] = (byte) 0xFF;
        assertThatThrownBy(() -> MAPPER.readValue(body, Request.class)).isInstanceOf(JsonProcessingException.class);
        byte[] loneSurrogate = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"',
                '}'};
        assertThatThrownBy(() -> MAPPER.readValue(loneSurrogate, Request.class))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void aStringLongerThanAnyFieldIsRefusedWhileParsing() {
        String json = "{\"note\":\"" + "x".repeat(StrictJson.LONGEST_STRING + 1) + "\"}";
        assertThatThrownBy(() -> MAPPER.readValue(json, Request.class))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("length");
    }

    @Test
    void refusedTextIsNotRepeatedInTheMessage() {
        assertThatThrownBy(() -> MAPPER.readValue("{\"name\":\"secret\\u0000\"}", Request.class))
                .isInstanceOf(StrictJson.TextRefused.class)
                .satisfies(e -> assertThat(((StrictJson.TextRefused) e).getOriginalMessage())
                        .isEqualTo("holds U+0000 at position 7, a character not allowed in text"));
    }
}
