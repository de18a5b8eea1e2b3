package dev.portico.data.resource;

import dev.portico.data.model.Model;
import dev.portico.data.model.ModelField;
import dev.portico.data.query.BaseUrl;
import dev.portico.data.query.Pager;
import dev.portico.data.query.Query;
import dev.portico.http.Request;
import dev.portico.pagination.Page;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * A resource's rows by field name, with none of its HTTP policies (scopes, object permissions): what the admin site
 * reads and writes once it has authorised a staff member itself. Writes are the resource's own conditional
 * statements, so a stale {@code expectedVersion} is a {@link PreconditionFailed} here too.
 *
 * @param <T> the model record
 */
public final class Rows<T extends Record> {
    private static final BaseUrl NO_LINKS = BaseUrl.of("http://localhost");
    private final Model<T> model;
    private final Store<T> store;
    private final Map<ModelField, Function<Request, Object>> onCreate;

    Rows(Model<T> model, Store<T> store, Map<ModelField, Function<Request, Object>> onCreate) {
        this.model = model;
        this.store = store;
        this.onCreate = onCreate;
    }

    /** The model. */
    public Model<T> model() {
        return model;
    }

    /** The row with this key (its id, or its public id), if there is one. */
    public Optional<T> find(Object key) throws SQLException {
        try {
            return Optional.of(store.find(key, null));
        } catch (dev.portico.error.NotFound e) {
            return Optional.empty();
        }
    }

    /** One page of the rows a query selects; its {@code next}/{@code previous} links are not meant to be used. */
    public Page<T> page(Query query) throws SQLException {
        try (Connection c = store.dataSource().getConnection()) {
            return Pager.page(c, query, model::read, NO_LINKS);
        }
    }

    /**
     * Work done on a write's own connection, inside its transaction, after the write: an audit log entry that is
     * committed with the change or not at all (if it throws, the write is rolled back).
     *
     * @param <T> the model record
     */
    @FunctionalInterface
    public interface InTransaction<T> {
        /** Runs on {@code connection}; {@code row} is the row as written, null after a delete. */
        void run(Connection connection, T row) throws SQLException;
    }

    /** {@link InTransaction} of a {@link #deleteAll}: the index, in its keys, of the row just deleted. */
    @FunctionalInterface
    public interface EachDeleted {
        /** Runs on {@code connection} after the row {@code keys[index]} was deleted. */
        void run(Connection connection, int index) throws SQLException;
    }

    /**
     * Inserts a row of these values (by component name), with the resource's {@code onCreate} values, and runs
     * {@code then} in the same transaction.
     */
    public T insert(Map<String, Object> values, Request request, InTransaction<? super T> then) throws SQLException {
        Map<ModelField, Object> fields = fields(values);
        onCreate.forEach((f, v) -> fields.put(f, v.apply(request)));
        return store.insert(fields, then);
    }

    /**
     * Writes these values to the row if its version is still {@code expectedVersion} (412 otherwise, 404 if gone),
     * and runs {@code then} in the same transaction.
     */
    public T update(Object key, Map<String, Object> values, long expectedVersion, InTransaction<? super T> then)
            throws SQLException {
        return store.update(key, fields(values), expected(expectedVersion), null, null, then);
    }

    /**
     * Deletes the row if its version is still {@code expectedVersion} (412 otherwise, 404 if gone), and runs
     * {@code then} in the same transaction.
     */
    public void delete(Object key, long expectedVersion, InTransaction<? super T> then) throws SQLException {
        store.delete(key, expected(expectedVersion), null, null, then);
    }

    /**
     * Deletes the rows of {@code keys}, each if its version is still the matching {@code expectedVersions} entry, each
     * followed by {@code then}, all in one transaction: if one changed since it was read ({@link PreconditionFailed}),
     * none is deleted. Rows already gone are skipped; the answer says, per key, whether it was deleted.
     */
    public java.util.List<Boolean> deleteAll(
            java.util.List<Object> keys, java.util.List<Long> expectedVersions, EachDeleted then) throws SQLException {
        if (keys.size() != expectedVersions.size()) {
            throw new IllegalArgumentException(keys.size() + " keys but " + expectedVersions.size() + " versions");
        }
        return store.deleteAll(
                keys, expectedVersions.stream().map(this::expected).toList(), then);
    }

    /** The data source of the rows, for queries about them (the rows that refer to one). */
    public DataSource dataSource() {
        return store.dataSource();
    }

    /** A model without a version cannot be checked: its writes are unconditional. */
    private long[] expected(long version) {
        return model.version().isPresent() ? new long[] {version} : null;
    }

    private Map<ModelField, Object> fields(Map<String, Object> values) {
        Map<ModelField, Object> out = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            ModelField f = model.field(name)
                    .orElseThrow(() ->
                            new IllegalArgumentException(model.type().getSimpleName() + " has no component " + name));
            if (model.managed(f)) {
                throw new IllegalArgumentException(name + " is written by the framework");
            }
            out.put(f, value);
        });
        return out;
    }
}
