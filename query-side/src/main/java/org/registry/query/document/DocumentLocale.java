package org.registry.query.document;

import jakarta.servlet.http.HttpServletRequest;

import java.util.List;
import java.util.Locale;

/**
 * The language of a document: English when the caller's {@code Accept-Language} prefers it, Chinese (zh-CN)
 * otherwise, and without the header: the offices' staff read Chinese, whatever the server's own locale.
 */
public final class DocumentLocale {

    private static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    private DocumentLocale() {
    }

    public static Locale of(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        try {
            Locale chosen = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            return chosen == null ? Locale.SIMPLIFIED_CHINESE : chosen;
        } catch (IllegalArgumentException e) {
            return Locale.SIMPLIFIED_CHINESE;
        }
    }
}
