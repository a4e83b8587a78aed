package org.registry.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A plain HTTP client for end-to-end tests: what a client of the API sends and gets, nothing more.
 * {@code api.as("clerk").header("If-Match", "\"1\"").post("/api/...", body)}.
 */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final String base;
    private final String user;
    private final Map<String, String> headers;

    private Api(String base, String user, Map<String, String> headers) {
        this.base = base;
        this.user = user;
        this.headers = headers;
    }

    public static Api at(int port) {
        return new Api("http://localhost:" + port, null, Map.of());
    }

    /** The demo user {@code name}, whose password is its name. */
    public Api as(String name) {
        return new Api(base, name, headers);
    }

    public Api header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Api(base, user, more);
    }

    public Response get(String path) {
        return send(builder(path).GET());
    }

    public Response post(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json")
                                 .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    /**
     * A request as given, for tests of what the API refuses: any method, the path with its query string as it goes
     * on the wire (already encoded), the body's bytes (none when null) with whatever {@code Content-Type} the headers
     * name, or none.
     */
    public Response send(String method, String path, byte[] body) {
        return send(builder(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public static String json(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            String credentials = user + ":" + user;
            builder.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        headers.forEach(builder::header);
        return builder;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer: status, headers, and the body as JSON (or text). */
    public static final class Response {

        private final HttpResponse<String> response;

        Response(HttpResponse<String> response) {
            this.response = response;
        }

        public int status() {
            return response.statusCode();
        }

        public String text() {
            return response.body();
        }

        public JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + response.body(), e);
            }
        }

        /** A field of the JSON body as text. */
        public String field(String name) {
            JsonNode node = json().get(name);
            return node == null || node.isNull() ? null : node.asText();
        }

        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        /** Fails with the whole answer when the status is not the one expected. */
        public Response expect(int status) {
            if (status() != status) {
                throw new AssertionError("expected HTTP " + status + " but got " + status() + ": " + text());
            }
            return this;
        }

        public long eventPosition() {
            return Long.parseLong(header("X-Event-Position").orElseThrow());
        }

        @Override
        public String toString() {
            return status() + " " + text();
        }
    }
}
