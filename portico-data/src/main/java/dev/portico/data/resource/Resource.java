package dev.portico.data.resource;

import dev.portico.Portico;
import dev.portico.auth.ObjectPermission;
import dev.portico.config.Naming;
import dev.portico.data.Database;
import dev.portico.data.model.Model;
import dev.portico.data.model.ModelField;
import dev.portico.data.query.BaseUrl;
import dev.portico.data.query.CursorPage;
import dev.portico.data.query.Pager;
import dev.portico.data.query.Pagination;
import dev.portico.data.query.Query;
import dev.portico.data.query.QuerySpec;
import dev.portico.data.query.QuerySpecBuilder;
import dev.portico.data.query.Sql;
import dev.portico.endpoint.Docs;
import dev.portico.endpoint.Endpoint;
import dev.portico.endpoint.EndpointBuilder;
import dev.portico.error.PermissionDenied;
import dev.portico.http.HttpMethod;
import dev.portico.http.Request;
import dev.portico.input.Scalars;
import dev.portico.pagination.Page;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * DRF's ModelViewSet: one declaration of a model, its input records and its hooks gives ordinary
 * {@link Endpoint}s for list, create, retrieve, update, partial update and destroy (or a subset), documented by the
 * OpenAPI generator as {@code listPosts}, {@code createPost}, ... like any other endpoint.
 *
 * <pre>{@code
 * Resource.of(Model.of(Post.class), db, "/api/posts/")
 *     .create(PostInput.class).partialUpdate(PostPatch.class)
 *     .list(q -> q.filters("publishDate", Lookup.GTE).search("title").ordering("id", "createdAt"))
 *     .baseUrl(BaseUrl.of("https://api.example.com"))
 *     .scope("owner", r -> r.principal().map(Principal::id).orElse(null))
 *     .onCreate("owner", r -> r.principal().orElseThrow().id())
 *     .objectPermission(ObjectPermission.isOwner(Post::owner))
 *     .build().addTo(app);
 * }</pre>
 *
 * <p>One naming scheme: code names a model's fields as its record does ({@code onCreate("owner")},
 * {@code filters("publishDate", ...)}, {@code ordering("createdAt")}), and takes their types from it; clients name
 * them as JSON does ({@code ?publish_date__gte=}, {@code ?ordering=-created_at} under {@code json.naming=snake_case}),
 * and the columns come from {@link dev.portico.data.model.Column} or the component's name in snake_case.
 *
 * <p>Statuses are DRF's: 201 with {@code Location} on create, 204 on destroy, 404 for a row that is missing or
 * outside the scope, 403 (401 when anonymous) for one an object permission refuses. Retrieve, create and updates answer {@code ETag: "<version>"}; updates and destroy honour
 * {@code If-Match} (412 when stale). Without {@code If-Match} concurrent writes all apply, each in one
 * conditional statement (see {@link Store}).
 */
public final class Resource<T extends Record> {
    private final Model<T> model;
    private final Store<T> store;
    private final String prefix;
    private final List<Function<Request, Sql>> scopes;
    private final Map<ModelField, Function<Request, Object>> onCreate;
    private final ObjectPermission<? super T> objectPermission; // null when none
    private final ResourceBuilder<T> declaration;
    private final Naming naming;
    private final List<Plan> plans;
    private List<Endpoint> endpoints; // guarded by this: made on the first call of endpoints()

    /**
     * One action, checked when the resource is built (an input that would write what it may not, a list without its
     * base URL): its input record and the plan of its writes, or its query. The endpoint itself is made later.
     */
    private record Plan(Action action, Class<?> input, Writes writes, QuerySpec query) {}

    Resource(ResourceBuilder<T> b) {
        this.model = b.model;
        this.store = new Store<>(b.model, b.db.dataSource(), b.db.clock());
        this.prefix = b.prefix;
        this.scopes = List.copyOf(b.scopes);
        this.onCreate = new LinkedHashMap<>(b.onCreate);
        this.objectPermission = b.objectPermission;
        this.declaration = b;
        this.naming = b.db.config().naming();
        Set<String> serverSet = new java.util.HashSet<>();
        onCreate.keySet().forEach(f -> serverSet.add(f.name()));
        List<Plan> planned = new ArrayList<>();
        for (Action a : b.actions) {
            String where = "resource " + prefix + " (" + a + ")";
            Class<?> in = switch (a) {
                case CREATE -> need(b.createInput, where, "create(Input.class)");
                case UPDATE ->
                    b.updateInput != null ? b.updateInput : need(b.createInput, where, "update(Input.class)");
                case PARTIAL_UPDATE -> need(b.patchInput, where, "partialUpdate(Patch.class)");
                case LIST, RETRIEVE, DESTROY -> null;
            };
            planned.add(new Plan(
                    a,
                    in,
                    in == null ? null : Writes.plan(where, model, in, serverSet),
                    a == Action.LIST ? listQuery(b, where) : null));
        }
        this.plans = List.copyOf(planned);
    }

    /**
     * The endpoint of one checked action. Made on the first call of {@link #endpoints()}, which {@link #addTo} leaves
     * to the app's build: a management command declares the app's resources but never builds it, and the endpoints'
     * body readers and validators were a tenth of its start.
     */
    private Endpoint endpoint(Plan p) {
        Action a = p.action();
        String item = prefix + (model.publicId().isPresent() ? "{id:slug}/" : "{id:long}/");
        EndpointBuilder e = switch (a) {
            case LIST -> list(p.query());
            case CREATE ->
                Endpoint.builder(HttpMethod.POST, prefix)
                        .body(p.input())
                        .output(model.type())
                        .status(201)
                        .handle(r -> create(r, p.writes()));
            case RETRIEVE ->
                Endpoint.builder(HttpMethod.GET, item).output(model.type()).handle(this::retrieve);
            case UPDATE, PARTIAL_UPDATE ->
                Endpoint.builder(a == Action.UPDATE ? HttpMethod.PUT : HttpMethod.PATCH, item)
                        .body(p.input())
                        .output(model.type())
                        .response(412, PreconditionFailed.class)
                        .handle(r -> update(r, p.writes()));
            case DESTROY ->
                Endpoint.builder(HttpMethod.DELETE, item)
                        .response(412, PreconditionFailed.class)
                        .handle(this::destroy);
        };
        e.source("resource " + model.type().getSimpleName()).summary(summary(a));
        headers(a, e);
        cache(declaration, a, e);
        if (objectPermission != null && a.isItem()) {
            e.response(403, PermissionDenied.class);
        }
        if (a == Action.UPDATE || a == Action.PARTIAL_UPDATE || a == Action.DESTROY) {
            e.objectAccess(this::mayChange);
        }
        declaration.options.accept(e);
        return e.build();
    }

    /** The headers the handlers read and write themselves: Location on create, the row's version as ETag and If-Match. */
    private void headers(Action a, EndpointBuilder e) {
        if (a == Action.CREATE) {
            e.documentHeader(Docs.Header.response(201, "Location", "The new row's URL."));
        }
        if (model.version().isPresent() && a != Action.LIST && a != Action.DESTROY) {
            e.documentHeader(
                    Docs.Header.response(a == Action.CREATE ? 201 : 200, "ETag", "The row's version, for If-Match."));
        }
        if (a == Action.UPDATE || a == Action.PARTIAL_UPDATE || a == Action.DESTROY) {
            e.documentHeader(Docs.Header.request(
                    "If-Match",
                    "Writes only if the row's version (its ETag) is one"
                            + " of these; 412 otherwise. Absent or *: the write is unconditional."));
        }
    }

    /**
     * The response cache: reads (list, retrieve) are filed under the prefix, cached per caller when
     * {@link ResourceBuilder#cacheReads} asks; every write drops them, on every instance sharing the cache.
     */
    private void cache(ResourceBuilder<T> b, Action a, EndpointBuilder e) {
        if (a == Action.LIST || a == Action.RETRIEVE) {
            e.cacheTag(prefix);
            if (b.cacheReads != null) {
                e.cacheFor(b.cacheReads);
            }
        } else {
            e.invalidates(prefix);
        }
    }

    /** A resource of {@code model} on {@code db}, at {@code prefix} ({@code /api/posts/}), to configure. */
    public static <T extends Record> ResourceBuilder<T> of(Model<T> model, Database db, String prefix) {
        return new ResourceBuilder<>(model, db, prefix);
    }

    /** The endpoints, in the order of {@link Action}: made on the first call, once. */
    public synchronized List<Endpoint> endpoints() {
        if (endpoints == null) {
            endpoints = plans.stream().map(this::endpoint).toList();
        }
        return endpoints;
    }

    /** The model the resource serves. */
    public Model<T> model() {
        return model;
    }

    /** The prefix it is served at ({@code /api/posts/}). */
    public String prefix() {
        return prefix;
    }

    /** The record a client sends to create a row, when the resource creates. */
    public java.util.Optional<Class<?>> createInput() {
        return java.util.Optional.ofNullable(declaration.createInput);
    }

    /** The record a client sends to replace a row: the update input, else the create input. */
    public java.util.Optional<Class<?>> updateInput() {
        return java.util.Optional.ofNullable(
                declaration.updateInput != null ? declaration.updateInput : declaration.createInput);
    }

    /**
     * The list's query language as declared with {@link ResourceBuilder#list}, then adjusted by {@code adjust}
     * (another pagination, say): for another view of the same rows, such as the admin site's list page.
     */
    public QuerySpec querySpec(java.util.function.Consumer<QuerySpecBuilder> adjust) {
        QuerySpecBuilder q = modelQuery();
        declaration.list.accept(q);
        adjust.accept(q);
        return q.build();
    }

    /**
     * The list's query language over every component of the model with a scalar type: named in code as in the record
     * ({@code createdAt}), in query parameters and {@code ordering} as in JSON ({@link #wireName}), read from its
     * column. {@link ResourceBuilder#list} then says which are filters, ordering and search.
     */
    private QuerySpecBuilder modelQuery() {
        String[] columns = model.fields().stream().map(ModelField::column).toArray(String[]::new);
        QuerySpecBuilder q = QuerySpec.builder(model.table()).select(columns);
        for (ModelField f : model.fields()) {
            if (Scalars.isScalar(f.type())) {
                q.field(f.name(), f.type(), f.column(), wireName(f));
            }
        }
        ModelField key = model.key();
        // a model with no id component is addressed by its public id: "id" names it, as in its path and links
        return q.declares("id") ? q.id(key.name()) : q.id("id", key.type(), key.column());
    }

    /**
     * The name clients use for a field of the model, in JSON, filters and {@code ordering}: its {@code @JsonProperty}
     * name, else its component's name under the database configuration's {@code json.naming}.
     */
    public String wireName(ModelField field) {
        return naming.wireName(model.type().getRecordComponents()[field.index()]);
    }

    /**
     * The rows themselves, without this resource's scopes or object permissions: for code that authorises its
     * callers itself (the admin site, for staff). {@code onCreate} hooks still apply on insert.
     */
    public Rows<T> rows() {
        return new Rows<>(model, store, onCreate);
    }

    /**
     * Registers every endpoint on the app. Its build fails when the app's {@code json.naming} is not the one of the
     * database's configuration, which named the filters and {@code ordering}: JSON and the query would disagree.
     */
    public Portico.Builder addTo(Portico.Builder app) {
        app.endpoints(this::endpoints); // made when the app is built
        app.onBuild(() -> {
            Naming used = app.config().naming();
            if (used != naming) {
                throw new IllegalStateException("resource " + prefix + " names its filters and ordering by json.naming="
                        + naming.name().toLowerCase(java.util.Locale.ROOT) + " (its database's configuration), the app "
                        + "its JSON by " + used.name().toLowerCase(java.util.Locale.ROOT)
                        + "; build the app and Database.lazy(config) from the same configuration");
            }
        });
        return app;
    }

    /**
     * The default summary of an action, as the docs pages and linters want one per operation: "List posts",
     * "Create a post", ... from the table's name and the model's; {@link ResourceBuilder#endpoints} may override it.
     */
    private String summary(Action a) {
        String one = model.table().replace('_', ' ');
        String simple = model.type().getSimpleName();
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < simple.length(); i++) {
            char c = simple.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                words.append(' ');
            }
            words.append(Character.toLowerCase(c));
        }
        String article = "aeiou".indexOf(words.charAt(0)) >= 0 ? "an " : "a ";
        String single = article + words;
        return switch (a) {
            case LIST -> "List " + one;
            case CREATE -> "Create " + single;
            case RETRIEVE -> "Retrieve " + single;
            case UPDATE -> "Replace " + single;
            case PARTIAL_UPDATE -> "Update part of " + single;
            case DESTROY -> "Delete " + single;
        };
    }

    private static Class<?> need(Class<?> type, String where, String fix) {
        if (type == null) {
            throw new IllegalStateException(where + " needs an input record: call " + fix + " or leave the action out");
        }
        return type;
    }

    /** The list's query, checked: its fields, filters and ordering against the model. */
    private QuerySpec listQuery(ResourceBuilder<T> b, String where) {
        if (b.baseUrl == null) {
            throw new IllegalStateException(where + " needs the origin of its page links: call baseUrl(...)");
        }
        QuerySpecBuilder q = modelQuery();
        b.list.accept(q);
        return q.build();
    }

    private EndpointBuilder list(QuerySpec spec) {
        ResourceBuilder<T> b = declaration;
        Function<Request, BaseUrl> base = b.baseUrl;
        boolean cursor = spec.pagination() instanceof Pagination.Cursor;
        EndpointBuilder endpoint = Endpoint.builder(HttpMethod.GET, prefix);
        spec.parameters().forEach(p -> endpoint.documentQuery(p.name(), p.type(), p.description()));
        return endpoint.output(new Generic(cursor ? CursorPage.class : Page.class, model.type()))
                .handle(r -> {
                    Query query = spec.parse(r);
                    Sql scope = scope(r);
                    if (scope != null) {
                        query = query.where(scope);
                    }
                    try (Connection c = b.db.dataSource().getConnection()) {
                        return cursor
                                ? Pager.cursorPage(c, query, model::read, base.apply(r))
                                : Pager.page(c, query, model::read, base.apply(r));
                    }
                });
    }

    private Object create(Request r, Writes w) throws Exception {
        Map<ModelField, Object> values = w.values(r.input("body"));
        onCreate.forEach((f, v) -> values.put(f, v.apply(r)));
        T row = store.insert(values);
        headers(r, row);
        r.responseHeader("Location", prefix + model.value(row, model.key()) + "/");
        return row;
    }

    private Object retrieve(Request r) throws Exception {
        T row = store.find(id(r), scope(r));
        if (objectPermission != null) {
            objectPermission.check(r, row);
        }
        headers(r, row);
        return row;
    }

    private Object update(Request r, Writes w) throws Exception {
        T row = store.update(id(r), w.values(r.input("body")), ETags.ifMatch(r), scope(r), check(r));
        headers(r, row);
        return row;
    }

    private Object destroy(Request r) throws Exception {
        store.delete(id(r), ETags.ifMatch(r), scope(r), check(r));
        return null;
    }

    /**
     * Whether this caller may change the row the path names, without changing it: the row is in their scope and
     * the object permission allows it. OPTIONS and the browsable API ask it before offering PUT, PATCH or DELETE.
     */
    private boolean mayChange(Request r) {
        try {
            T row = store.find(id(r), scope(r));
            return objectPermission == null || objectPermission.allows(r, row);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The object permission on the row a write is about to change, or null when there is none. */
    private Store.Check<T> check(Request r) {
        return objectPermission == null ? null : row -> objectPermission.check(r, row);
    }

    /** The row's key from the path: its id, or its public id. */
    private static Object id(Request r) {
        return r.pathParam("id", Object.class);
    }

    /** The scopes of this request joined with AND, or null when there are none. */
    private Sql scope(Request r) {
        if (scopes.isEmpty()) {
            return null;
        }
        if (scopes.size() == 1) {
            return scopes.getFirst().apply(r);
        }
        StringBuilder text = new StringBuilder();
        List<Object> binds = new ArrayList<>();
        for (Function<Request, Sql> s : scopes) {
            Sql sql = s.apply(r);
            text.append(text.isEmpty() ? "(" : " AND (").append(sql.text()).append(')');
            binds.addAll(sql.binds());
        }
        return new Sql(text.toString(), binds);
    }

    /** The headers of the answer about {@code row}: its ETag when the model has a version. */
    private void headers(Request r, T row) {
        model.version().ifPresent(v -> r.responseHeader("ETag", ETags.of((Long) model.value(row, v))));
    }
}
