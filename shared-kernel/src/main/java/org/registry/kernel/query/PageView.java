package org.registry.kernel.query;

import java.util.List;

/** One page of a list: {@code {items, page, size, total}}; pages count from 0. */
public record PageView<T>(List<T> items, int page, int size, long total) {

    public PageView {
        items = List.copyOf(items);
    }
}
