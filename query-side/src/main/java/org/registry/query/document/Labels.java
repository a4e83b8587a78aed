package org.registry.query.document;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;

import java.util.Locale;

/** The labels of one document in one language, from the message bundle ({@code messages}, zh-CN first). */
public record Labels(MessageSource messages, Locale locale) {

    public String get(String key, Object... arguments) {
        try {
            return messages.getMessage(key, arguments, locale);
        } catch (NoSuchMessageException e) {
            throw new IllegalStateException("the message bundle has no label " + key, e);
        }
    }
}
