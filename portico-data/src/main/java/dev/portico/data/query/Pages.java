package dev.portico.data.query;

import java.util.List;
import java.util.Optional;

/** Reads the page parameters of each pagination style, as DRF's paginators read them. */
final class Pages {

    private Pages() {}

    static PageRequest request(QuerySpec spec, QueryInput input, List<Order> ordering) {
        return switch (spec.pagination) {
            case Pagination.PageNumber p -> pageNumber(p, input);
            case Pagination.LimitOffset p ->
                new PageRequest.LimitOffset(
                        clamp(input.last(QuerySpec.LIMIT), p.defaultLimit(), p.maxLimit()),
                        QueryParser.positiveInt(input.last(QuerySpec.OFFSET), false)
                                .orElse(0));
            case Pagination.Cursor p ->
                new PageRequest.Cursor(
                        cursor(spec, input.last(QuerySpec.CURSOR), ordering),
                        clamp(input.last(QuerySpec.PAGE_SIZE), p.pageSize(), p.maxPageSize()));
        };
    }

    /** {@code page} is a positive number or {@code last}; anything else is DRF's 404 {@code Invalid page.}. */
    private static PageRequest pageNumber(Pagination.PageNumber p, QueryInput input) {
        int size = clamp(input.last(QuerySpec.PAGE_SIZE), p.pageSize(), p.maxPageSize());
        String page = input.last(QuerySpec.PAGE);
        if (page == null) {
            return new PageRequest.PageNumber(1, false, size);
        }
        if (page.equals("last")) {
            return new PageRequest.PageNumber(1, true, size);
        }
        int number = QueryParser.positiveInt(page, true).orElseThrow(QueryParser::invalidPage);
        return new PageRequest.PageNumber(number, false, size);
    }

    /** A size asked for: a positive integer clamped to the maximum, or the default when unreadable (DRF). */
    private static int clamp(String text, int defaultSize, int max) {
        return Math.min(QueryParser.positiveInt(text, true).orElse(defaultSize), max);
    }

    private static Optional<PageRequest.Position> cursor(QuerySpec spec, String text, List<Order> ordering) {
        if (text == null) {
            return Optional.empty();
        }
        return Optional.of(CursorCodec.decode(text, signature(ordering), types(spec, ordering)));
    }

    /** The ordering a cursor was made for: a cursor is refused under another ordering. */
    static String signature(List<Order> ordering) {
        StringBuilder s = new StringBuilder();
        for (Order o : ordering) {
            s.append(s.isEmpty() ? "" : ",").append(o.descending() ? "-" : "").append(o.field());
        }
        return s.toString();
    }

    static List<FieldDef> types(QuerySpec spec, List<Order> ordering) {
        return ordering.stream().map(o -> spec.fields.get(o.field())).toList();
    }

    /**
     * The rows of a page-number or limit/offset page, given the total count; a page past the last is 404
     * {@code Invalid page.} (an empty first page is allowed, as Django's paginator allows it).
     */
    static Window window(PageRequest page, long count) {
        return switch (page) {
            case PageRequest.PageNumber p -> {
                long pages = Math.max(1, (count + p.size() - 1) / p.size());
                long number = p.last() ? pages : p.page();
                if (number > pages) {
                    throw QueryParser.invalidPage();
                }
                yield new Window(number, p.size(), (number - 1) * p.size(), count);
            }
            case PageRequest.LimitOffset p -> new Window(0, p.limit(), p.offset(), count);
            case PageRequest.Cursor c ->
                throw new IllegalStateException(
                        "this list uses cursor pagination: use Query.cursorSelect() and Query.cursorPage(...)");
        };
    }
}
