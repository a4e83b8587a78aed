package org.registry.query.api;

import org.registry.kernel.common.RejectionException;

/**
 * {@code page} (from 0) and {@code size} (default 50, at most 500) of a list request.
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public Paging {
        if (page < 0) {
            throw RejectionException.invalid("page", "VALIDATION_FAILED", "page counts from 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw RejectionException.invalid("size", "VALIDATION_FAILED", "size is from 1 to " + MAX_SIZE);
        }
    }

    public static Paging of(Integer page, Integer size) {
        return new Paging(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public long offset() {
        return (long) page * size;
    }
}
