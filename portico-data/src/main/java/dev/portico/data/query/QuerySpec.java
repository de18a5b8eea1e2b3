package dev.portico.data.query;

import dev.portico.http.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a list endpoint lets its clients ask for, declared once per resource at startup: the filterable fields
 * and their lookups, the ordering and search fields, and the pagination. Each request is then parsed into a
 * {@link Query} plan with {@link #parse(Request)}.
 *
 * <pre>{@code
 * static final QuerySpec POSTS = QuerySpec.builder("posts")
 *         .id("id", Long.class)
 *         .field("title", String.class).filters("title", Lookup.EXACT, Lookup.ICONTAINS)
 *         .field("salary", BigDecimal.class).filters("salary", Lookup.GT, Lookup.LTE)
 *         .field("created_at", OffsetDateTime.class)
 *         .ordering("created_at", "title")
 *         .search("title", "content")
 *         .defaultOrdering("-created_at")
 *         .pagination(Pagination.pageNumber(20, 100))
 *         .build();
 *
 * Page<Post> page = Pager.page(connection, POSTS.parse(request), Post::fromRow, BaseUrl.of("https://api.example.com"));
 * }</pre>
 *
 * <p>Strict mode (the default) answers 400 {@code Unknown query parameter.} to a parameter it does not know,
 * so a typo such as {@code titel=x} is not silently ignored and the whole list returned.
 */
public final class QuerySpec {
    /** The page number parameter. */
    public static final String PAGE = "page";
    /** The page size parameter (page-number and cursor pagination). */
    public static final String PAGE_SIZE = "page_size";
    /** The limit parameter (limit/offset pagination). */
    public static final String LIMIT = "limit";
    /** The offset parameter (limit/offset pagination). */
    public static final String OFFSET = "offset";
    /** The cursor parameter (cursor pagination). */
    public static final String CURSOR = "cursor";
    /** The ordering parameter: {@code ?ordering=-created_at,title}. */
    public static final String ORDERING = "ordering";
    /** The search parameter: {@code ?search=two words}. */
    public static final String SEARCH = "search";

    final String table;
    final String select;
    final FieldDef id;
    final Map<String, FieldDef> fields;
    final Map<String, Filter> filters;
    final Set<String> orderingFields;
    final List<FieldDef> searchFields;
    final List<Order> defaultOrdering;
    final Pagination pagination;
    final boolean strict;
    final int maxInValues;
    final int maxSearchTerms;
    final Set<String> allowed;

    /** A declared filter parameter: {@code salary__gte} is the field {@code salary} with {@link Lookup#GTE}. */
    record Filter(FieldDef field, Lookup lookup) {}

    /** {@code fields} and {@code ordering} by their wire names, as requests name them. */
    QuerySpec(
            QuerySpecBuilder b,
            Map<String, FieldDef> fields,
            Set<String> ordering,
            Map<String, Filter> filters,
            Set<String> allowed) {
        this.table = b.table;
        this.select = b.select;
        this.id = b.id;
        this.fields = Map.copyOf(fields);
        this.filters = filters;
        this.orderingFields = Set.copyOf(ordering);
        this.searchFields = List.copyOf(b.search);
        this.defaultOrdering = List.copyOf(b.defaultOrdering);
        this.pagination = b.pagination;
        this.strict = b.strict;
        this.maxInValues = b.maxInValues;
        this.maxSearchTerms = b.maxSearchTerms;
        this.allowed = allowed;
    }

    /** Starts the declaration of the list of {@code table} (a plain SQL identifier, checked at build). */
    public static QuerySpecBuilder builder(String table) {
        return new QuerySpecBuilder(table);
    }

    /**
     * The plan of one request: its filters, search terms, ordering and page.
     *
     * @throws dev.portico.error.ValidationFailed 400 naming every bad parameter
     * @throws dev.portico.error.NotFound 404 {@code Invalid page.} or {@code Invalid cursor.}
     */
    public Query parse(Request request) {
        return parse(QueryInput.of(request));
    }

    /** The plan of one request's query; see {@link #parse(Request)}. */
    public Query parse(QueryInput input) {
        return new QueryParser(this).parse(input);
    }

    /** The pagination style. */
    public Pagination pagination() {
        return pagination;
    }

    /** The fields a client may order by ({@code ?ordering=-title}), for pages that offer sortable columns. */
    public Set<String> orderingFields() {
        return orderingFields;
    }

    /** Whether the list takes {@code ?search=}. */
    public boolean searchable() {
        return !searchFields.isEmpty();
    }

    /** Every query parameter this list understands, for its documentation. */
    public List<QueryParameter> parameters() {
        List<QueryParameter> out = new ArrayList<>();
        filters.forEach((name, f) -> out.add(describe(name, f)));
        out.sort(java.util.Comparator.comparing(QueryParameter::name));
        if (!orderingFields.isEmpty()) {
            out.add(new QueryParameter(
                    ORDERING,
                    String.class,
                    "Which fields to order by, comma-separated, " + "\"-\" for descending: "
                            + String.join(", ", new java.util.TreeSet<>(orderingFields)) + "."));
        }
        if (!searchFields.isEmpty()) {
            out.add(new QueryParameter(
                    SEARCH,
                    String.class,
                    "Words that must each appear in one of: "
                            + String.join(
                                    ", ",
                                    searchFields.stream().map(FieldDef::name).toList()) + " (ignoring case)."));
        }
        out.addAll(paginationParameters());
        return List.copyOf(out);
    }

    private static QueryParameter describe(String name, Filter f) {
        String field = f.field().name();
        return switch (f.lookup()) {
            case EXACT -> new QueryParameter(name, f.field().type(), "Only items whose " + field + " equals this.");
            case GT ->
                new QueryParameter(name, f.field().type(), "Only items whose " + field + " is greater than this.");
            case GTE -> new QueryParameter(name, f.field().type(), "Only items whose " + field + " is at least this.");
            case LT -> new QueryParameter(name, f.field().type(), "Only items whose " + field + " is less than this.");
            case LTE -> new QueryParameter(name, f.field().type(), "Only items whose " + field + " is at most this.");
            case ICONTAINS ->
                new QueryParameter(
                        name, String.class, "Only items whose " + field + " contains this text, ignoring case.");
            case IN ->
                new QueryParameter(
                        name, String.class, "Only items whose " + field + " is one of these comma-separated values.");
            case ISNULL ->
                new QueryParameter(
                        name, Boolean.class, "Only items whose " + field + " is empty (true) or set (false).");
        };
    }

    private List<QueryParameter> paginationParameters() {
        return switch (pagination) {
            case Pagination.PageNumber p ->
                List.of(
                        new QueryParameter(
                                PAGE, String.class, "A page number within the paginated result set, or \"last\"."),
                        new QueryParameter(
                                PAGE_SIZE,
                                Integer.class,
                                "Number of results to return per page (at most " + p.maxPageSize() + ")."));
            case Pagination.LimitOffset p ->
                List.of(
                        new QueryParameter(
                                LIMIT,
                                Integer.class,
                                "Number of results to return per page (at most " + p.maxLimit() + ")."),
                        new QueryParameter(
                                OFFSET, Integer.class, "The initial index from which to return the results."));
            case Pagination.Cursor p ->
                List.of(
                        new QueryParameter(CURSOR, String.class, "The pagination cursor value."),
                        new QueryParameter(
                                PAGE_SIZE,
                                Integer.class,
                                "Number of results to return per page (at most " + p.maxPageSize() + ")."));
        };
    }
}
