package org.registry.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Garbage for one operation of the API's OpenAPI description, each variant a valid request with one thing wrong: a
 * path segment, a query parameter, a header, the body's type or syntax, or one field of it. What is garbage is read
 * from the description (the parameters, the body's schema: types, formats, enumerations, maximum lengths, required
 * fields), so a new endpoint or field is fuzzed without being named here. Random choices come from the given
 * {@link Random}: a fixed seed gives the same requests every run.
 */
final class Garbage {

    /** A request: the path with its query string (encoded), headers, and the body's bytes (null: none). */
    record Request(String description, String method, String path, Map<String, String> headers, byte[] body) {
    }

    /**
     * A valid request of an operation, to spoil one thing at a time.
     *
     * @param pathParameters values of the path's {@code {placeholders}}
     * @param query          query parameters (not encoded)
     * @param body           the JSON body, null for none
     */
    record Valid(String user, Map<String, String> pathParameters, Map<String, String> query, ObjectNode body,
                 String fileType, byte[] file) {

        Valid {
            pathParameters = new LinkedHashMap<>(pathParameters);
            query = new LinkedHashMap<>(query);
        }

        Valid(String user, Map<String, String> pathParameters, Map<String, String> query, ObjectNode body) {
            this(user, pathParameters, query, body, null, null);
        }

        /** A request whose body is a file of the given media type (an import), not JSON. */
        static Valid file(String user, Map<String, String> query, String type, byte[] file) {
            return new Valid(user, Map.of(), query, null, type, file);
        }
    }

    /** Writes every character that is not ASCII as an escape, so that half a surrogate pair reaches the server. */
    private static final ObjectWriter JSON = new ObjectMapper().writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Written as JSON escapes, so the body itself is well-formed: NUL, ESC, a right-to-left override, half a pair. */
    private static final List<String> BAD_CHARACTERS = List.of("\u0000", "\u202e", "\ud800", "\ufffd");
    private static final List<String> MORE_BAD_CHARACTERS = List.of("\u001b", "\udc00", "\u0085", "\ufeff");
    private static final List<String> DATES = List.of("0000-01-01", "9999-12-31", "+4656411-01-01", "1899-12-31",
            "2026-02-30", "2026-01-01T00:00:00", " 2026-01-01");
    private static final List<String> MONTHS = List.of("0000-01", "9999-12", "2026-13", " 2026-03", "2026-03-01");
    private static final String ORDINARY = "王李张abcXYZ -'";
    /** Neither a date, nor a month, nor a date-time: garbage for the text parameters that take any of them. */
    private static final List<String> INSTANTS = List.of("0000-01-01", "9999-12-31", "+4656411-01-01",
            "2026-02-30", " 2026-01-01", "0000-01", "9999-12-31T00:00:00", "2026-01-01+08:00", "1800-01-01T00:00:00Z");
    /** Text parameters and fields that hold a date or a month, which the description shows only as strings. */
    private static final Set<String> TEMPORAL = Set.of("from", "to", "asOf", "knownAt", "dueBy", "period");
    private static final List<String> PATH_SEGMENTS = List.of("%20", "%2e%2e", "not-a-uuid", "%00", "a%2Fb", "x;y",
            "%ED%A0%80", "");
    private static final List<String> CONTENT_TYPES = List.of("*/*", "text/plain", "application/xml",
            "application/json;charset=utf-16", "json");

    private final JsonNode api;
    private final Random random;

    Garbage(JsonNode api, Random random) {
        this.api = api;
        this.random = random;
    }

    /** The valid request itself. */
    Request valid(String method, String template, Valid valid) {
        if (valid.file() != null) {
            return request("the valid request", method, path(template, valid.pathParameters()),
                    query(encoded(valid.query())), Map.of("Content-Type", valid.fileType()), valid.file());
        }
        return request("the valid request", method, path(template, valid.pathParameters()),
                query(encoded(valid.query())),
                headers(valid.body() != null), valid.body() == null ? null : bytes(json(valid.body())));
    }

    List<Request> of(String method, String template, JsonNode operation, Valid valid) {
        List<Request> requests = new ArrayList<>();
        String path = path(template, valid.pathParameters());
        Map<String, String> validQuery = encoded(valid.query());
        String query = query(validQuery);
        byte[] body = valid.file() != null ? valid.file() : valid.body() == null ? null : bytes(json(valid.body()));
        Map<String, String> headers = valid.file() != null ? Map.of("Content-Type", valid.fileType())
                : headers(body != null);

        for (String name : valid.pathParameters().keySet()) {
            List<String> segments = new ArrayList<>(PATH_SEGMENTS);
            segments.add(new UUID(random.nextLong(), random.nextLong()).toString());
            for (String segment : segments) {
                requests.add(request("path " + name + "=" + shortly(segment), method,
                        rawPath(template, valid.pathParameters(), name, segment), query, headers, body));
            }
        }
        for (JsonNode parameter : operation.path("parameters")) {
            if ("query".equals(parameter.path("in").asText())) {
                String name = parameter.path("name").asText();
                for (String value : parameterGarbage(name, parameter.path("schema"))) {
                    Map<String, String> spoilt = new LinkedHashMap<>(validQuery);
                    spoilt.put(name, value);
                    requests.add(request("query " + name + "=" + shortly(value), method, path, query(spoilt),
                            headers, body));
                }
                String twice = query.isEmpty() ? "?" : query + "&";
                String value = validQuery.getOrDefault(name, "1");
                requests.add(request("query " + name + " twice", method, path,
                        twice + name + "=" + value + "&" + name + "=" + value, headers, body));
            }
        }
        requests.add(request("Accept: application/xml", method, path, query,
                with(headers, "Accept", "application/xml"), body));
        requests.add(request("Accept: not a media type", method, path, query, with(headers, "Accept", "json"), body));
        if ("get".equals(method)) {
            for (String position : List.of("abc", "-1", "1.5", "99999999999999999999")) {
                requests.add(request("X-Min-Event-Position: " + position, method, path, query,
                        with(headers, "X-Min-Event-Position", position), body));
            }
        }
        if (valid.file() != null) {
            for (String type : CONTENT_TYPES) {
                requests.add(request("Content-Type: " + type, method, path, query, Map.of("Content-Type", type),
                        body));
            }
            requests.add(request("no Content-Type", method, path, query, Map.of(), body));
            requests.add(request("no file", method, path, query, headers, new byte[0]));
            requests.add(request("a file of garbage", method, path, query, headers,
                    bytes(randomText() + "\n" + randomText())));
        } else if (body != null) {
            requests.addAll(bodyGarbage(method, path, query, headers, valid.body(),
                    schema(operation.path("requestBody").path("content").path("application/json").path("schema"))));
        }
        return requests;
    }

    private List<Request> bodyGarbage(String method, String path, String query, Map<String, String> headers,
                                      ObjectNode valid, JsonNode schema) {
        List<Request> requests = new ArrayList<>();
        String text = json(valid);
        for (String type : CONTENT_TYPES) {
            requests.add(request("Content-Type: " + type, method, path, query, with(headers, "Content-Type", type),
                    bytes(text)));
        }
        Map<String, String> untyped = new LinkedHashMap<>(headers);
        untyped.remove("Content-Type");
        requests.add(request("no Content-Type", method, path, query, untyped, bytes(text)));
        requests.add(request("If-Match: abc", method, path, query, with(headers, "If-Match", "abc"), bytes(text)));
        requests.add(request("Idempotency-Key too long", method, path, query,
                with(headers, "Idempotency-Key", "k".repeat(201)), bytes(text)));

        String first = valid.fieldNames().next();
        String last = lastField(valid);
        Map<String, String> documents = new LinkedHashMap<>();
        documents.put("no body", "");
        documents.put("null", "null");
        documents.put("an array", "[" + text + "]");
        documents.put("a string", "\"x\"");
        documents.put("unclosed", "{");
        documents.put("trailing garbage", text + " x");
        documents.put("a second document", text + " {}");
        documents.put("a key repeated after the last field", text.substring(0, text.length() - 1) + ",\"" + last
                + "\":" + json(valid.get(last)) + "}");
        documents.put("a key repeated before the first field", "{\"" + first + "\":" + json(valid.get(first)) + ","
                + text.substring(1));
        documents.put("an unknown field", text.substring(0, text.length() - 1) + ",\"unexpected\":1}");
        documents.put("a comment", "/* x */" + text);
        documents.put("single quotes", text.replace('"', '\''));
        documents.put("larger than any request", text.substring(0, text.length() - 1) + " ".repeat(200_000) + "}");
        documents.put("a string longer than any field", "{\"" + first + "\":\"" + "x".repeat(20_000) + "\"}");
        documents.put("nested deeper than any request", "{\"" + first + "\":" + "[".repeat(100) + "]".repeat(100)
                + "}");
        if (schema.path("required").size() > 0) {
            documents.put("empty object", "{}");
        }
        for (int i = 0; i < 2; i++) {
            int cut = random.nextInt(text.length() - 1) + 1;
            documents.put("cut after " + cut + " characters", text.substring(0, cut));
            int at = random.nextInt(text.length());
            // a control character JSON takes nowhere raw (tab and line breaks are whitespace between tokens)
            char control = "\u0000\u0001\u0007\u0008\u000b\u000c\u001b\u001f".charAt(random.nextInt(8));
            documents.put("raw U+" + String.format("%04X", (int) control) + " at " + at,
                    text.substring(0, at) + control + text.substring(at));
        }
        documents.forEach((description, document) -> requests.add(request("body: " + description, method, path,
                query, headers, bytes(document))));
        requests.add(request("body: invalid UTF-8", method, path, query, headers, invalidUtf8(text)));

        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            boolean required = contains(schema.path("required"), property.getKey());
            for (JsonNode value : fieldGarbage(property.getKey(), property.getValue(), required)) {
                ObjectNode spoilt = valid.deepCopy();
                spoilt.set(property.getKey(), value);
                requests.add(request("field " + property.getKey() + "=" + shortly(value.toString()), method, path,
                        query, headers, bytes(json(spoilt))));
            }
        }
        return requests;
    }

    private List<JsonNode> fieldGarbage(String name, JsonNode schema, boolean required) {
        List<JsonNode> values = new ArrayList<>();
        if (required) {
            values.add(NODES.nullNode());
        }
        values.add(NODES.objectNode());
        JsonNode enumeration = schema.path("enum");
        String type = schema.path("type").asText();
        if (enumeration.size() > 0) {
            String constant = enumeration.get(0).asText();
            values.add(NODES.numberNode(1));
            values.add(NODES.textNode("1"));
            values.add(NODES.textNode(" " + constant));
            values.add(NODES.textNode(otherCase(constant)));
            values.add(NODES.textNode("NOT_A_VALUE"));
            values.add(NODES.textNode(""));
        } else if ("date".equals(schema.path("format").asText())) {
            DATES.forEach(date -> values.add(NODES.textNode(date)));
            values.add(NODES.numberNode(20000));
        } else if ("string".equals(type) && TEMPORAL.contains(name)) {
            MONTHS.forEach(month -> values.add(NODES.textNode(month)));
            values.add(NODES.numberNode(202603));
        } else if ("string".equals(type)) {
            values.add(NODES.booleanNode(true));
            values.add(NODES.numberNode(12));
            values.add(NODES.arrayNode().add("x"));
            BAD_CHARACTERS.forEach(bad -> values.add(NODES.textNode("Li" + bad + "Na")));
            values.add(NODES.textNode(randomText()));
            values.add(NODES.textNode("x".repeat(schema.path("maxLength").asInt(5000) + 1)));
            if (required) {
                values.add(NODES.textNode("   "));
            }
        } else if ("integer".equals(type)) {
            values.add(NODES.numberNode(2026.5));
            values.add(NODES.numberNode(2026.0));
            values.add(NODES.textNode("2026"));
            values.add(NODES.booleanNode(true));
            values.add(NODES.numberNode(99_999_999_999L));
            values.add(NODES.numberNode(-1));
            values.add(NODES.numberNode(9999));
        } else if ("boolean".equals(type)) {
            values.add(NODES.numberNode(1));
            values.add(NODES.textNode("true"));
        }
        return values;
    }

    private List<String> parameterGarbage(String name, JsonNode schema) {
        List<String> values = new ArrayList<>(List.of("", "%20"));
        JsonNode enumeration = schema.path("enum");
        String type = schema.path("type").asText();
        if (enumeration.size() > 0) {
            String constant = enumeration.get(0).asText();
            values.addAll(List.of("1", "%20" + constant, otherCase(constant), "NOT_A_VALUE",
                    "org.registry." + constant));
        } else if ("integer".equals(type)) {
            values.addAll(List.of("1.5", "0x1", "%201", "-1", "99999999999999999999", "%2B1"));
        } else if ("date".equals(schema.path("format").asText())) {
            DATES.forEach(date -> values.add(encode(date)));
        } else if (TEMPORAL.contains(name)) {
            INSTANTS.forEach(instant -> values.add(encode(instant)));
        }
        if ("string".equals(type) && enumeration.size() == 0) {
            values.addAll(List.of("Li%00Na", "Li%E2%80%AENa", "Li%ED%A0%80Na", encode(randomText()),
                    "x".repeat(schema.path("maxLength").asInt(2000) + 1)));
        }
        return values;
    }

    /** Text that holds at least one character no text may hold, among ordinary ones. */
    private String randomText() {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(12);
        int bad = random.nextInt(length);
        for (int i = 0; i < length; i++) {
            if (i == bad) {
                List<String> characters = random.nextBoolean() ? BAD_CHARACTERS : MORE_BAD_CHARACTERS;
                text.append(characters.get(random.nextInt(characters.size())));
            } else {
                text.append(ORDINARY.charAt(random.nextInt(ORDINARY.length())));
            }
        }
        return text.toString();
    }

    /** The name in another case: {@code male} for {@code MALE}, {@code NAME} for {@code name}. */
    private static String otherCase(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals(name) ? name.toUpperCase(Locale.ROOT) : lower;
    }

    private static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode schema(JsonNode schema) {
        String reference = schema.path("$ref").asText();
        return reference.isEmpty() ? schema
                : api.path("components").path("schemas").path(reference.substring(reference.lastIndexOf('/') + 1));
    }

    private static Request request(String description, String method, String path, String query,
                                   Map<String, String> headers, byte[] body) {
        return new Request(description, method.toUpperCase(Locale.ROOT), path + query, headers, body);
    }

    private static Map<String, String> headers(boolean body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (body) {
            headers.put("Content-Type", "application/json");
        }
        return headers;
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return more;
    }

    static String path(String template, Map<String, String> parameters) {
        String path = template;
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", encode(parameter.getValue()));
        }
        return path;
    }

    /** The path with one parameter replaced by a segment written as it goes on the wire (already encoded). */
    private static String rawPath(String template, Map<String, String> parameters, String name, String segment) {
        Map<String, String> others = new LinkedHashMap<>(parameters);
        others.remove(name);
        return path(template, others).replace("{" + name + "}", segment);
    }

    private static String query(Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                                                  .append(value));
        return query.toString();
    }

    /** Query values of a valid request are plain text; garbage values are given encoded (some cannot be text). */
    static Map<String, String> encoded(Map<String, String> parameters) {
        Map<String, String> encoded = new LinkedHashMap<>();
        parameters.forEach((name, value) -> encoded.put(name, encode(value)));
        return encoded;
    }

    /** Percent-encoded UTF-8; half a surrogate pair as the three bytes a careless encoder writes for it. */
    private static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
            int c = value.codePointAt(i);
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                encoded.append(String.format("%%%02X%%%02X%%%02X", 0xE0 | c >> 12, 0x80 | (c >> 6 & 0x3F),
                        0x80 | (c & 0x3F)));
            } else {
                encoded.append(URLEncoder.encode(Character.toString(c), StandardCharsets.UTF_8).replace("+", "%20"));
            }
        }
        return encoded.toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The valid body with a byte no UTF-8 text holds in its first text value. */
    private static byte[] invalidUtf8(String text) {
        byte[] bytes = bytes(text);
        int quote = text.indexOf(":\"");
        if (quote >= 0) {
            bytes[quote + 2] = (byte) 0xFF;
        } else {
            bytes[bytes.length - 1] = (byte) 0xFF;
        }
        return bytes;
    }

    private static String lastField(ObjectNode node) {
        String last = null;
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            last = names.next();
        }
        return last;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode element : array) {
            if (value.equals(element.asText())) {
                return true;
            }
        }
        return false;
    }

    private static String shortly(String value) {
        String printable = value.codePoints().mapToObj(c -> c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)
                || Character.isSurrogate((char) c) || (c >= 0x202A && c <= 0x202E) || c == 0xFEFF || c == 0xFFFD
                ? String.format("\\u%04X", c) : Character.toString(c)).reduce("", String::concat);
        return printable.length() > 40 ? printable.substring(0, 40) + "...(" + value.length() + ")" : printable;
    }

}
