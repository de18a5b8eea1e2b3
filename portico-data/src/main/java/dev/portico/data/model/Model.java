package dev.portico.data.model;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A record mapped to a table, derived once at startup ({@link #of}). The table is the snake_case plural of the
 * class name ({@code BlogPost} → {@code blog_posts}) unless {@link Table} says otherwise; each component is the
 * column of its snake_case name unless {@link Column} says otherwise. Every name is checked against the SQL
 * identifier allow-list here, so the generated SQL can hold them as they are.
 *
 * <p>Some components are the framework's, by name and type: {@code long id} (required: the key the database
 * generates), and, when present, {@code Instant createdAt} (set on insert), {@code Instant updatedAt} (set on
 * insert and every update), {@code long version} (1 on insert, +1 on every update; the ETag) and a
 * {@link PublicId} component (generated on insert; with one, {@code id} may be left out). Clients never write them. Rows are read in component order and built through the canonical constructor's method handle.
 */
public final class Model<T extends Record> {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Class<T> type;
    private final String table;
    private final List<ModelField> fields;
    private final ModelField id;
    private final ModelField createdAt;
    private final ModelField updatedAt;
    private final ModelField version;
    private final ModelField publicId;
    private final String publicPrefix;
    private final MethodHandle constructor;
    private final String columnList;

    private Model(
            Class<T> type,
            String table,
            List<ModelField> fields,
            MethodHandle constructor,
            ModelField publicId,
            String publicPrefix) {
        this.type = type;
        this.table = table;
        this.fields = List.copyOf(fields);
        this.constructor = constructor;
        this.publicId = publicId;
        this.publicPrefix = publicPrefix;
        this.id = managed("id", long.class, publicId == null);
        this.createdAt = managed("createdAt", Instant.class, false);
        this.updatedAt = managed("updatedAt", Instant.class, false);
        this.version = managed("version", long.class, false);
        this.columnList =
                String.join(", ", fields.stream().map(ModelField::column).toList());
    }

    /** The model of {@code type}; fails naming the record and the fix when it cannot be mapped. */
    public static <T extends Record> Model<T> of(Class<T> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record; models are records");
        }
        Table t = type.getAnnotation(Table.class);
        String table = Names.identifier(
                "table of " + type.getSimpleName(),
                t != null ? t.value() : Names.plural(Names.snake(type.getSimpleName())));
        RecordComponent[] components = type.getRecordComponents();
        List<ModelField> fields = new ArrayList<>(components.length);
        Set<String> columns = new HashSet<>();
        ModelField publicId = null;
        String publicPrefix = null;
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent rc = components[i];
                types[i] = rc.getType();
                Column c = rc.getAnnotation(Column.class);
                String column = Names.identifier(
                        "column of " + type.getSimpleName() + "." + rc.getName(),
                        c != null ? c.value() : Names.snake(rc.getName()));
                if (!columns.add(column.toLowerCase(java.util.Locale.ROOT))) {
                    throw new IllegalArgumentException(type.getSimpleName() + " maps two components to column \""
                            + column + "\"; rename one with @Column");
                }
                rc.getAccessor().setAccessible(true);
                MethodHandle accessor =
                        lookup.unreflect(rc.getAccessor()).asType(MethodType.methodType(Object.class, Object.class));
                fields.add(new ModelField(
                        rc.getName(),
                        column,
                        MethodType.methodType(rc.getType()).wrap().returnType(),
                        i,
                        accessor));
                PublicId p = rc.getAnnotation(PublicId.class);
                if (p != null) {
                    if (publicId != null
                            || rc.getType() != String.class
                            || !p.value().matches("[a-z]{1,8}")) {
                        throw new IllegalArgumentException(type.getSimpleName() + "." + rc.getName() + ": @PublicId "
                                + "goes on one String component, with a prefix of 1 to 8 lower-case letters");
                    }
                    publicId = fields.getLast();
                    publicPrefix = p.value();
                }
            }
            Constructor<T> ctor = type.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            MethodHandle constructor = lookup.unreflectConstructor(ctor)
                    .asSpreader(Object[].class, types.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
            return new Model<>(type, table, fields, constructor, publicId, publicPrefix);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read record " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    private ModelField managed(String name, Class<?> expected, boolean required) {
        ModelField f = field(name).orElse(null);
        if (f == null && required) {
            throw new IllegalArgumentException(type.getSimpleName() + " has no component \"" + name + "\"; a model "
                    + "needs a `long id` component, the key the database generates (or a @PublicId component)");
        }
        Class<?> boxed = MethodType.methodType(expected).wrap().returnType();
        if (f != null && f.type() != boxed) {
            throw new IllegalArgumentException(
                    type.getSimpleName() + "." + name + " is " + f.type().getSimpleName() + "; the framework manages \""
                            + name + "\" as " + expected.getSimpleName() + ": change its type");
        }
        return f;
    }

    /** The record class. */
    public Class<T> type() {
        return type;
    }

    /** The table name. */
    public String table() {
        return table;
    }

    /** Every component with its column, in component order. */
    public List<ModelField> fields() {
        return fields;
    }

    /** The component of that name. */
    public Optional<ModelField> field(String name) {
        for (ModelField f : fields) {
            if (f.name().equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The {@code id} component, absent only when the model has a public id instead. */
    public Optional<ModelField> id() {
        return Optional.ofNullable(id);
    }

    /** The {@link PublicId} component, when the model has one. */
    public Optional<ModelField> publicId() {
        return Optional.ofNullable(publicId);
    }

    /** The field that names a row in URLs: the public id when there is one, else {@code id}. */
    public ModelField key() {
        return publicId != null ? publicId : id;
    }

    /** A new public id: the prefix, a dash, 24 random hex digits (96 bits from a {@link SecureRandom}). */
    public String newPublicId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return publicPrefix + "-" + HexFormat.of().formatHex(bytes);
    }

    /** The {@code createdAt} component, when the model has one. */
    public Optional<ModelField> createdAt() {
        return Optional.ofNullable(createdAt);
    }

    /** The {@code updatedAt} component, when the model has one. */
    public Optional<ModelField> updatedAt() {
        return Optional.ofNullable(updatedAt);
    }

    /** The {@code version} component, when the model has one. */
    public Optional<ModelField> version() {
        return Optional.ofNullable(version);
    }

    /** Whether the framework writes this component (id, createdAt, updatedAt, version): clients never do. */
    public boolean managed(ModelField f) {
        return f == id || f == createdAt || f == updatedAt || f == version || f == publicId;
    }

    /** Every column in component order, comma-separated: the select list {@link #read} expects. */
    public String columnList() {
        return columnList;
    }

    /** {@code SELECT <columns> FROM <table>}. */
    public String select() {
        return "SELECT " + columnList + " FROM " + table;
    }

    /** The record of the current row, whose columns are {@link #columnList()} in order. */
    public T read(ResultSet row) throws SQLException {
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = JdbcValues.read(row, i + 1, fields.get(i).type());
        }
        try {
            return type.cast(constructor.invokeExact(values));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value of a component of a row. */
    public Object value(T row, ModelField f) {
        try {
            return f.accessor().invokeExact((Object) row);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "Model[" + type.getSimpleName() + " -> " + table + "]";
    }
}
