package dev.portico.data.query;

import java.util.List;
import java.util.Optional;

/** The page a request asks for, already bounded by the resource's {@link Pagination}. */
public sealed interface PageRequest {

    /**
     * {@code ?page=N&page_size=S}.
     *
     * @param page the page number, 1-based; ignored when {@code last}
     * @param last whether {@code page=last} was asked for
     * @param size the page size, clamped
     */
    record PageNumber(long page, boolean last, int size) implements PageRequest {}

    /**
     * {@code ?limit=L&offset=O}.
     *
     * @param limit the number of rows, clamped
     * @param offset the number of rows skipped
     */
    record LimitOffset(int limit, long offset) implements PageRequest {}

    /**
     * {@code ?cursor=C&page_size=S}.
     *
     * @param position where the cursor points; empty for the first page
     * @param size the page size, clamped
     */
    record Cursor(Optional<Position> position, int size) implements PageRequest {}

    /**
     * A decoded cursor: the ordering key values of a boundary row and the direction to walk from it.
     *
     * @param forward true to read the rows after the boundary row, false for the rows before it
     * @param values the boundary row's values of each ordering column, tiebreaker last
     */
    record Position(boolean forward, List<Object> values) {
        /** A position; {@code values} is copied. */
        public Position {
            values = List.copyOf(values);
        }
    }
}
