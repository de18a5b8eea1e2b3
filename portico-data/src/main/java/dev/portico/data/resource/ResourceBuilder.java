package dev.portico.data.resource;

import dev.portico.auth.ObjectPermission;
import dev.portico.data.Database;
import dev.portico.data.model.Model;
import dev.portico.data.model.ModelField;
import dev.portico.data.query.BaseUrl;
import dev.portico.data.query.QuerySpecBuilder;
import dev.portico.data.query.Sql;
import dev.portico.endpoint.EndpointBuilder;
import dev.portico.http.Request;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/** Collects a {@link Resource}'s declaration; {@link #build()} checks it and fails naming the fix. */
public final class ResourceBuilder<T extends Record> {
    final Model<T> model;
    final Database db;
    final String prefix;
    final Set<Action> actions = EnumSet.allOf(Action.class);
    boolean actionsChosen;
    Class<?> createInput;
    Class<?> updateInput;
    Class<?> patchInput;
    Consumer<QuerySpecBuilder> list = q -> {};
    Function<Request, BaseUrl> baseUrl;
    final List<Function<Request, Sql>> scopes = new ArrayList<>();
    final Map<ModelField, Function<Request, Object>> onCreate = new LinkedHashMap<>();
    Consumer<EndpointBuilder> options = e -> {};
    ObjectPermission<? super T> objectPermission; // null when none
    java.time.Duration cacheReads; // null: reads not cached

    ResourceBuilder(Model<T> model, Database db, String prefix) {
        if (!prefix.startsWith("/") || !prefix.endsWith("/")) {
            throw new IllegalArgumentException(
                    "resource prefix \"" + prefix + "\" must start and end with /, " + "as in /api/posts/");
        }
        this.model = model;
        this.db = db;
        this.prefix = prefix;
    }

    /** Only these actions (all six when not called); the input types they need must be given. */
    public ResourceBuilder<T> actions(Action... chosen) {
        actions.clear();
        actions.addAll(List.of(chosen));
        actionsChosen = true;
        return this;
    }

    /**
     * The record a client sends to create a row: its components are the only fields a client may set (each
     * names a component of the model); {@code PUT} takes it too unless {@link #update} says otherwise.
     */
    public ResourceBuilder<T> create(Class<? extends Record> input) {
        this.createInput = input;
        return this;
    }

    /** The record a client sends to {@code PUT} a row, when it differs from the create input. */
    public ResourceBuilder<T> update(Class<? extends Record> input) {
        this.updateInput = input;
        return this;
    }

    /**
     * The record a client sends to {@code PATCH} a row: its {@code Optional} components that are empty (not sent)
     * leave their columns as they are. Without it, PATCH is left out unless actions were chosen explicitly.
     */
    public ResourceBuilder<T> partialUpdate(Class<? extends Record> input) {
        this.patchInput = input;
        return this;
    }

    /**
     * The list's query language: filters, ordering, search and pagination, on a builder already holding the
     * table, the model's columns and its id (field {@code id}).
     */
    public ResourceBuilder<T> list(Consumer<QuerySpecBuilder> spec) {
        this.list = spec;
        return this;
    }

    /** The origin of the list's {@code next}/{@code previous} links. */
    public ResourceBuilder<T> baseUrl(BaseUrl base) {
        this.baseUrl = r -> base;
        return this;
    }

    /** The origin of the list's links, per request (such as {@link BaseUrl#fromHost}). */
    public ResourceBuilder<T> baseUrl(Function<Request, BaseUrl> base) {
        this.baseUrl = base;
        return this;
    }

    /**
     * Only the rows whose {@code field} equals the value computed from the request (the caller's id, say) are
     * listed, retrieved, updated or destroyed; the others are 404. A null value means no row at all.
     */
    public ResourceBuilder<T> scope(String field, Function<Request, Object> value) {
        String column = field(field, "scope").column();
        return scope(request -> {
            Object v = value.apply(request);
            return v == null ? new Sql("1 = 0", List.of()) : new Sql(column + " = ?", List.of(v));
        });
    }

    /**
     * A condition on the rows a caller may see, as SQL text with {@code ?} and its binds. The text is the
     * application's own and goes into the statement as written: never build it from client input.
     */
    public ResourceBuilder<T> scope(Function<Request, Sql> condition) {
        scopes.add(condition);
        return this;
    }

    /** On create, {@code field} is set by the server from the request (the owner), never by the client. */
    public ResourceBuilder<T> onCreate(String field, Function<Request, Object> value) {
        ModelField f = field(field, "onCreate");
        if (model.managed(f)) {
            throw new IllegalArgumentException("onCreate(\"" + field + "\"): the framework writes it already");
        }
        onCreate.put(f, value);
        return this;
    }

    /**
     * A permission on each row, checked once it is loaded, by retrieve, update, partial update and destroy (DRF's
     * {@code check_object_permissions}): a caller it refuses gets 403 ({@code You do not have permission to perform
     * this action.}), or 401 when anonymous. Writes check the row locked in their own transaction. Several calls
     * must all allow. Unlike {@link #scope}, which makes other rows 404, the row's existence is not hidden.
     */
    public ResourceBuilder<T> objectPermission(ObjectPermission<? super T> permission) {
        if (objectPermission == null) {
            objectPermission = permission;
        } else {
            ObjectPermission<? super T> previous = objectPermission;
            objectPermission = (request, row) -> previous.allows(request, row) && permission.allows(request, row);
        }
        return this;
    }

    /**
     * Caches the list and retrieve answers for {@code ttl}, per caller (seed 003's key), in the application's
     * response cache; every create, update, partial update and destroy through this resource drops them at once, on
     * every instance sharing the cache. Scopes and object permissions still hold: a cached answer is only ever
     * served to the caller it was made for.
     */
    public ResourceBuilder<T> cacheReads(java.time.Duration ttl) {
        this.cacheReads = java.util.Objects.requireNonNull(ttl, "ttl");
        return this;
    }

    /** Options applied to every endpoint of the resource: authenticators, permissions, throttle, tags... */
    public ResourceBuilder<T> endpoints(Consumer<EndpointBuilder> options) {
        this.options = options;
        return this;
    }

    private ModelField field(String name, String where) {
        return model.field(name)
                .orElseThrow(() -> new IllegalArgumentException(where + "(\"" + name + "\"): "
                        + model.type().getSimpleName() + " has no component of that name"));
    }

    /** The checked resource and its endpoints. */
    public Resource<T> build() {
        if (!actionsChosen && patchInput == null) {
            actions.remove(Action.PARTIAL_UPDATE);
        }
        if (!actionsChosen && createInput == null) {
            actions.removeAll(Set.of(Action.CREATE, Action.UPDATE));
        }
        return new Resource<>(this);
    }
}
