package dev.portico.data.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Declares a {@link QuerySpec}; {@link #build()} checks the whole declaration and fails with a message naming
 * the mistake (an unknown field, a lookup the type cannot take, an identifier that is not plain). Fields are named in
 * code by the names they were declared with ({@code createdAt}, a resource's model components) and on the wire by
 * their public names ({@code created_at}, under {@code json.naming}); {@code filters}, {@code ordering},
 * {@code search} and {@code defaultOrdering} take the names of code.
 */
public final class QuerySpecBuilder {
    private static final String MODEL_HINT = "; a resource declares every component of its model (named as in the "
            + "record, createdAt), so drop field(...) for those and name them as the record does";
    final String table;
    String select = "*";
    FieldDef id;
    final Map<String, FieldDef> fields = new LinkedHashMap<>();
    final Map<String, List<Lookup>> lookups = new LinkedHashMap<>();
    final Set<String> ordering = new LinkedHashSet<>();
    final List<FieldDef> search = new ArrayList<>();
    private final List<String> searchNames = new ArrayList<>();
    private String defaultOrderingText = "";
    final List<Order> defaultOrdering = new ArrayList<>();
    Pagination pagination = Pagination.pageNumber(20, 100);
    boolean strict = true;
    int maxInValues = 100;
    int maxSearchTerms = 10;
    private final Set<String> extra = new LinkedHashSet<>();

    QuerySpecBuilder(String table) {
        this.table = Identifiers.sql("table", table);
    }

    /** The columns to select, each a plain identifier; {@code *} when not called. */
    public QuerySpecBuilder select(String... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("select needs at least one column");
        }
        for (String c : columns) {
            Identifiers.sql("selected column", c);
        }
        this.select = String.join(", ", columns);
        return this;
    }

    /** Whether a field of this name (in code) is declared already. */
    public boolean declares(String name) {
        return fields.containsKey(name);
    }

    /** The unique key among the fields declared already (a resource's model key), always the last ordering key. */
    public QuerySpecBuilder id(String name) {
        this.id = known("query spec of table " + table + ": ", "id", name);
        return this;
    }

    /** The unique key, always the last ordering key so pages are stable; also a field of that name. */
    public QuerySpecBuilder id(String name, Class<?> type) {
        return id(name, type, name);
    }

    /** The unique key, stored in {@code column}. */
    public QuerySpecBuilder id(String name, Class<?> type, String column) {
        field(name, type, column);
        this.id = fields.get(name);
        return this;
    }

    /** A field stored in the column of the same name. */
    public QuerySpecBuilder field(String name, Class<?> type) {
        return field(name, type, name);
    }

    /** A field, its Java type (values are parsed as {@link dev.portico.input.Scalars} does) and its column. */
    public QuerySpecBuilder field(String name, Class<?> type, String column) {
        return field(name, type, column, name);
    }

    /**
     * A field named {@code name} in code and {@code wireName} in query parameters: what a resource declares for each
     * component of its model ({@code createdAt}, {@code created_at} under {@code json.naming=snake_case}).
     */
    public QuerySpecBuilder field(String name, Class<?> type, String column, String wireName) {
        Identifiers.field(wireName);
        if (fields.containsKey(name)) {
            throw new IllegalArgumentException("field \"" + name + "\" is declared twice" + MODEL_HINT);
        }
        fields.put(name, new FieldDef(wireName, type, Identifiers.sql("column of field " + name, column)));
        return this;
    }

    /** The lookups clients may filter {@code field} with: {@code filters("salary", GT, LTE)}. */
    public QuerySpecBuilder filters(String field, Lookup... allowed) {
        lookups.computeIfAbsent(field, f -> new ArrayList<>()).addAll(List.of(allowed));
        return this;
    }

    /** The fields clients may order by. */
    public QuerySpecBuilder ordering(String... fieldNames) {
        ordering.addAll(List.of(fieldNames));
        return this;
    }

    /** The text fields {@code ?search=} looks in. */
    public QuerySpecBuilder search(String... fieldNames) {
        searchNames.addAll(List.of(fieldNames));
        return this;
    }

    /** The ordering when the request has none, in the parameter's syntax: {@code "-created_at,title"}. */
    public QuerySpecBuilder defaultOrdering(String ordering) {
        this.defaultOrderingText = ordering;
        return this;
    }

    /** The pagination; page numbers of 20, at most 100, when not called. */
    public QuerySpecBuilder pagination(Pagination pagination) {
        this.pagination = java.util.Objects.requireNonNull(pagination, "pagination");
        return this;
    }

    /** Whether an undeclared query parameter is a 400 (the default) or ignored. */
    public QuerySpecBuilder strict(boolean strict) {
        this.strict = strict;
        return this;
    }

    /** The most values one {@code __in} filter may list (100 when not called). */
    public QuerySpecBuilder maxInValues(int max) {
        this.maxInValues = positive("maxInValues", max);
        return this;
    }

    /** The most words one {@code ?search=} may hold (10 when not called). */
    public QuerySpecBuilder maxSearchTerms(int max) {
        this.maxSearchTerms = positive("maxSearchTerms", max);
        return this;
    }

    /** Query parameters the endpoint reads itself, which strict mode must let through. */
    public QuerySpecBuilder allow(String... parameters) {
        extra.addAll(List.of(parameters));
        return this;
    }

    /** The checked declaration. */
    public QuerySpec build() {
        String where = "query spec of table " + table + ": ";
        if (id == null) {
            throw new IllegalStateException(
                    where + "declare the unique key with id(name, type); it orders ties " + "so pages are stable");
        }
        Map<String, QuerySpec.Filter> filters = new LinkedHashMap<>();
        lookups.forEach((name, list) -> {
            FieldDef f = known(where, "filters", name);
            for (Lookup lookup : list) {
                if (!lookup.appliesTo(f.type())) {
                    throw new IllegalStateException(
                            where + "lookup " + lookup + " does not apply to field \"" + name + "\" of type "
                                    + f.type().getSimpleName() + "; remove it from filters(\"" + name + "\", ...)");
                }
                filters.put(lookup.parameter(f.name()), new QuerySpec.Filter(f, lookup));
            }
        });
        Set<String> orderingWire = new LinkedHashSet<>();
        ordering.forEach(name -> orderingWire.add(known(where, "ordering", name).name()));
        Map<String, FieldDef> byWire = new LinkedHashMap<>();
        for (FieldDef f : fields.values()) {
            if (byWire.put(f.name(), f) != null) {
                throw new IllegalStateException(
                        where + "two fields are named \"" + f.name() + "\" on the wire" + MODEL_HINT);
            }
        }
        for (String name : searchNames) {
            FieldDef f = known(where, "search", name);
            if (f.type() != String.class) {
                throw new IllegalStateException(where + "search field \"" + name + "\" is not a String field");
            }
            search.add(f);
        }
        parseDefaultOrdering(where);
        Set<String> allowed = new LinkedHashSet<>(extra);
        allowed.addAll(pagination.parameterNames());
        for (String name : allowed) {
            if (filters.containsKey(name)) {
                throw new IllegalStateException(where + "parameter \"" + name + "\" is both a filter and "
                        + (extra.contains(name) ? "allowed" : "a pagination parameter") + "; rename the field");
            }
        }
        return new QuerySpec(this, byWire, orderingWire, Map.copyOf(filters), Set.copyOf(allowed));
    }

    private void parseDefaultOrdering(String where) {
        for (String term : defaultOrderingText.split(",")) {
            String t = term.strip();
            if (t.isEmpty()) {
                continue;
            }
            boolean desc = t.startsWith("-");
            FieldDef f = known(where, "defaultOrdering", desc ? t.substring(1) : t);
            defaultOrdering.add(new Order(f.name(), f.column(), desc));
        }
    }

    private FieldDef known(String where, String what, String name) {
        FieldDef f = fields.get(name);
        if (f == null) {
            throw new IllegalStateException(where + what + " names \"" + name + "\", which is not a declared field; "
                    + "name a model component, or declare it with field(\"" + name + "\", Type.class) first (declared: "
                    + fields.keySet() + ")");
        }
        return f;
    }

    private static int positive(String what, int n) {
        if (n < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, not " + n);
        }
        return n;
    }
}
