package dev.portico.data.query;

import dev.portico.annotation.Nullable;
import java.util.List;

/**
 * One page of a list walked with a cursor, shaped as DRF's {@code CursorPagination} answers: links to the
 * next and previous pages and the items, without a count (counting is what cursor pagination avoids on large
 * tables).
 *
 * @param next the URL of the next page, null on the last
 * @param previous the URL of the previous page, null on the first
 * @param results the items of this page
 * @param <T> the item type
 */
public record CursorPage<T>(@Nullable String next, @Nullable String previous, List<T> results) {

    /** A page; {@code results} is copied. */
    public CursorPage {
        results = List.copyOf(results);
    }
}
