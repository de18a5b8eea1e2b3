package dev.portico.pagination;

import dev.portico.annotation.Nullable;
import java.util.List;

/**
 * One page of a list, shaped as DRF's {@code PageNumberPagination} answers: the total count, links to the
 * next and previous pages (null at either end) and the items. The schema names {@code Page<Post>}
 * {@code PaginatedPostList}, as drf-spectacular does.
 *
 * @param count how many items there are in all the pages
 * @param next the URL of the next page, null on the last
 * @param previous the URL of the previous page, null on the first
 * @param results the items of this page
 * @param <T> the item type
 */
public record Page<T>(
        long count, @Nullable String next, @Nullable String previous, List<T> results) {

    /** A page; {@code results} is copied. */
    public Page {
        results = List.copyOf(results);
    }
}
