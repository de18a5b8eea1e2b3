package dev.portico.data.query;

/**
 * How a list is cut into pages, chosen per resource: DRF's three paginators.
 *
 * <ul>
 *   <li>{@link #pageNumber}: {@code ?page=3&page_size=50}, {@code page=last}; answers carry the count.</li>
 *   <li>{@link #limitOffset}: {@code ?limit=50&offset=100}; answers carry the count.</li>
 *   <li>{@link #cursor}: {@code ?cursor=...}, keyset pagination over the ordering, for large tables: no count,
 *       no {@code OFFSET}, stable while rows are inserted.</li>
 * </ul>
 * A size asked for above the maximum is clamped to it, and an unreadable size falls back to the default, as in DRF.
 */
public sealed interface Pagination {

    /** Page numbers, {@code page_size} defaulting to {@code pageSize} and clamped to {@code maxPageSize}. */
    static Pagination pageNumber(int pageSize, int maxPageSize) {
        return new PageNumber(pageSize, maxPageSize);
    }

    /** Limit and offset, {@code limit} defaulting to {@code defaultLimit} and clamped to {@code maxLimit}. */
    static Pagination limitOffset(int defaultLimit, int maxLimit) {
        return new LimitOffset(defaultLimit, maxLimit);
    }

    /** Opaque cursors, {@code page_size} defaulting to {@code pageSize} and clamped to {@code maxPageSize}. */
    static Pagination cursor(int pageSize, int maxPageSize) {
        return new Cursor(pageSize, maxPageSize);
    }

    /** The query parameters this style reads. */
    java.util.List<String> parameterNames();

    /**
     * Page-number pagination.
     *
     * @param pageSize the default page size
     * @param maxPageSize the largest page size a client may ask for
     */
    record PageNumber(int pageSize, int maxPageSize) implements Pagination {
        /** Checks the sizes. */
        public PageNumber {
            checkSizes(pageSize, maxPageSize);
        }

        @Override
        public java.util.List<String> parameterNames() {
            return java.util.List.of(QuerySpec.PAGE, QuerySpec.PAGE_SIZE);
        }
    }

    /**
     * Limit/offset pagination.
     *
     * @param defaultLimit the limit when none is asked for
     * @param maxLimit the largest limit a client may ask for
     */
    record LimitOffset(int defaultLimit, int maxLimit) implements Pagination {
        /** Checks the sizes. */
        public LimitOffset {
            checkSizes(defaultLimit, maxLimit);
        }

        @Override
        public java.util.List<String> parameterNames() {
            return java.util.List.of(QuerySpec.LIMIT, QuerySpec.OFFSET);
        }
    }

    /**
     * Cursor (keyset) pagination.
     *
     * @param pageSize the default page size
     * @param maxPageSize the largest page size a client may ask for
     */
    record Cursor(int pageSize, int maxPageSize) implements Pagination {
        /** Checks the sizes. */
        public Cursor {
            checkSizes(pageSize, maxPageSize);
        }

        @Override
        public java.util.List<String> parameterNames() {
            return java.util.List.of(QuerySpec.CURSOR, QuerySpec.PAGE_SIZE);
        }
    }

    private static void checkSizes(int size, int max) {
        if (size < 1 || max < size) {
            throw new IllegalArgumentException(
                    "pagination needs 1 <= default size <= maximum size, not " + size + " and " + max);
        }
    }
}
