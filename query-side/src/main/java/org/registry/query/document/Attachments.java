package org.registry.query.document;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.nio.charset.StandardCharsets;

/** A document answered as a download: streamed, saved under its file name (UTF-8, so Chinese names survive). */
public final class Attachments {

    private Attachments() {
    }

    public static ResponseEntity<StreamingResponseBody> of(String fileName, MediaType type, StreamingResponseBody body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    public static ResponseEntity<StreamingResponseBody> of(String fileName, String type, StreamingResponseBody body) {
        return of(fileName, MediaType.parseMediaType(type), body);
    }
}
