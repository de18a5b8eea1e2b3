package dev.portico.data.query;

import dev.portico.pagination.Page;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan of one list request, parsed and checked by {@link QuerySpec#parse}: typed filters, search words,
 * the ordering (ending with the unique key) and the page. It renders to SQL with every value bound, and shapes
 * the rows into the answer. {@link Pager} does both on a JDBC connection; call these yourself to run the
 * statements another way:
 *
 * <pre>{@code
 * long count = run(query.count());           // page-number or limit/offset
 * Window window = query.window(count);       // 404 Invalid page. past the last page
 * Page<Post> page = query.page(run(query.select(window)), window, base);
 * }</pre>
 */
public final class Query {
    private final QuerySpec spec;
    private final List<Condition> conditions;
    private final List<String> searchTerms;
    private final List<Order> ordering;
    private final PageRequest page;
    private final QueryInput input;
    private final List<Sql> scopes;

    Query(
            QuerySpec spec,
            List<Condition> conditions,
            List<String> searchTerms,
            List<Order> ordering,
            PageRequest page,
            QueryInput input) {
        this.spec = spec;
        this.conditions = List.copyOf(conditions);
        this.searchTerms = List.copyOf(searchTerms);
        this.ordering = List.copyOf(ordering);
        this.page = page;
        this.input = input;
        this.scopes = List.of();
    }

    private Query(Query q, List<Sql> scopes) {
        this.spec = q.spec;
        this.conditions = q.conditions;
        this.searchTerms = q.searchTerms;
        this.ordering = q.ordering;
        this.page = q.page;
        this.input = q.input;
        this.scopes = scopes;
    }

    /**
     * This plan restricted by a condition the server adds (not the client): the rows a caller may see, such as
     * {@code owner = ?}. Its text is the application's, written into the SQL as it is; its values are bound.
     */
    public Query where(Sql condition) {
        List<Sql> all = new ArrayList<>(scopes);
        all.add(condition);
        return new Query(this, List.copyOf(all));
    }

    /** The conditions added with {@link #where(Sql)}, in order. */
    List<Sql> scopes() {
        return scopes;
    }

    QuerySpec spec() {
        return spec;
    }

    /** The filters, in the order of their parameters. */
    public List<Condition> conditions() {
        return conditions;
    }

    /** The search words; each must appear in one of the search fields. */
    public List<String> searchTerms() {
        return searchTerms;
    }

    /** The ordering, ending with the unique key. */
    public List<Order> ordering() {
        return ordering;
    }

    /** The page asked for. */
    public PageRequest page() {
        return page;
    }

    /** {@code SELECT COUNT(*)} of the matching rows. */
    public Sql count() {
        return SqlRenderer.count(this);
    }

    /** The rows of a page-number or limit/offset page, given the count: 404 {@code Invalid page.} past the last. */
    public Window window(long count) {
        return Pages.window(page, count);
    }

    /** The rows of the window, ordered. */
    public Sql select(Window window) {
        return SqlRenderer.select(this, window);
    }

    /** The rows of a cursor page (one more than the page size, to know if more follow). */
    public Sql cursorSelect() {
        return SqlRenderer.cursorSelect(this, cursorRequest());
    }

    /** DRF's page: the count, and links to the next and previous pages with the other parameters kept. */
    public <T> Page<T> page(List<T> rows, Window w, BaseUrl base) {
        Map<String, String> next = new LinkedHashMap<>();
        Map<String, String> previous = new LinkedHashMap<>();
        boolean hasNext;
        boolean hasPrevious;
        if (page instanceof PageRequest.PageNumber) {
            hasNext = w.offset() + w.limit() < w.count();
            hasPrevious = w.number() > 1;
            next.put(QuerySpec.PAGE, Long.toString(w.number() + 1));
            previous.put(QuerySpec.PAGE, w.number() == 2 ? null : Long.toString(w.number() - 1));
        } else {
            hasNext = w.offset() + w.limit() < w.count();
            hasPrevious = w.offset() > 0;
            String limit = Integer.toString(w.limit());
            next.put(QuerySpec.LIMIT, limit);
            next.put(QuerySpec.OFFSET, Long.toString(w.offset() + w.limit()));
            previous.put(QuerySpec.LIMIT, limit);
            previous.put(QuerySpec.OFFSET, w.offset() - w.limit() <= 0 ? null : Long.toString(w.offset() - w.limit()));
        }
        return new Page<>(
                w.count(),
                hasNext ? Links.with(base, input, next) : null,
                hasPrevious ? Links.with(base, input, previous) : null,
                rows);
    }

    /**
     * DRF's cursor page from the rows {@link #cursorSelect()} returned, in the order returned, and each row's
     * values of the {@link #ordering()} columns (the boundary the next and previous cursors point at).
     */
    public <T> CursorPage<T> cursorPage(List<T> rows, List<List<Object>> keys, BaseUrl base) {
        PageRequest.Cursor c = cursorRequest();
        boolean forward = c.position().map(PageRequest.Position::forward).orElse(true);
        boolean more = rows.size() > c.size();
        List<T> results = new ArrayList<>(rows.subList(0, Math.min(rows.size(), c.size())));
        List<List<Object>> bounds = new ArrayList<>(keys.subList(0, results.size()));
        if (!forward) {
            Collections.reverse(results);
            Collections.reverse(bounds);
        }
        boolean hasNext = forward ? more : true;
        boolean hasPrevious = forward ? c.position().isPresent() : more;
        String signature = Pages.signature(ordering);
        String next = hasNext && !results.isEmpty()
                ? cursorLink(base, CursorCodec.encode(true, signature, bounds.get(bounds.size() - 1)))
                : null;
        String previous = hasPrevious && !results.isEmpty()
                ? cursorLink(base, CursorCodec.encode(false, signature, bounds.get(0)))
                : null;
        return new CursorPage<>(next, previous, results);
    }

    private String cursorLink(BaseUrl base, String cursor) {
        Map<String, String> set = new LinkedHashMap<>();
        set.put(QuerySpec.CURSOR, cursor);
        return Links.with(base, input, set);
    }

    private PageRequest.Cursor cursorRequest() {
        if (page instanceof PageRequest.Cursor c) {
            return c;
        }
        throw new IllegalStateException(
                "this list uses " + spec.pagination.getClass().getSimpleName()
                        + " pagination: use count(), window(count), select(window) and page(...)");
    }

    /** The declared fields of the ordering keys, in order (their types read the keys back from a row). */
    List<FieldDef> keyFields() {
        return Pages.types(spec, ordering);
    }
}
