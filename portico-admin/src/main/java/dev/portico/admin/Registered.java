package dev.portico.admin;

import dev.portico.data.model.Model;
import dev.portico.data.model.ModelField;
import dev.portico.data.query.Pagination;
import dev.portico.data.query.QueryParameter;
import dev.portico.data.query.QuerySpec;
import dev.portico.data.resource.Resource;
import dev.portico.data.resource.Rows;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One registered model, planned once when the admin is built: its slug and names, its columns, its forms, and the
 * list query of its resource with the admin's own page size. Fails naming the fix for a column that is no component.
 */
final class Registered<T extends Record> {
    static final int PAGE_SIZE = 25;
    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final Set<String> NOT_FILTERS = Set.of(
            QuerySpec.ORDERING,
            QuerySpec.SEARCH,
            QuerySpec.PAGE,
            QuerySpec.PAGE_SIZE,
            QuerySpec.LIMIT,
            QuerySpec.OFFSET,
            QuerySpec.CURSOR);

    final String slug;
    final String name;
    final String plural;
    final Model<T> model;
    final Rows<T> rows;
    final List<ModelField> columns;
    final Optional<FormPlan> addForm;
    final Optional<FormPlan> changeForm;
    final QuerySpec spec;
    final List<QueryParameter> filters;
    private final Function<? super T, String> label;
    private final Resource<T> resource;

    Registered(Resource<T> resource, ModelAdmin<T> options) {
        this.model = resource.model();
        this.resource = resource;
        this.rows = resource.rows();
        this.slug = model.table().replace('_', '-');
        String simple = model.type().getSimpleName();
        this.name = options.name != null ? options.name : Labels.words(simple);
        this.plural = options.plural != null ? options.plural : model.table().replace('_', ' ');
        this.addForm = resource.createInput().map(FormPlan::new);
        this.changeForm = resource.updateInput().map(FormPlan::new);
        this.columns = columns(options);
        this.spec = resource.querySpec(q -> q.pagination(Pagination.pageNumber(PAGE_SIZE, PAGE_SIZE)));
        this.filters = spec.parameters().stream()
                .filter(p -> !NOT_FILTERS.contains(p.name()))
                .toList();
        this.label = options.labelFunction().orElseGet(this::defaultLabel);
    }

    private List<ModelField> columns(ModelAdmin<T> options) {
        List<String> names = new ArrayList<>(options.columns);
        if (names.isEmpty()) {
            changeForm
                    .or(() -> addForm)
                    .ifPresent(f -> f.fields().stream().limit(4).forEach(x -> names.add(x.name())));
        }
        List<ModelField> out = new ArrayList<>();
        for (String n : names) {
            out.add(model.field(n)
                    .orElseThrow(() -> new IllegalArgumentException("admin: "
                            + model.type().getSimpleName() + " has no component \"" + n
                            + "\" for a column; name one of "
                            + model.fields().stream().map(ModelField::name).toList())));
        }
        return List.copyOf(out);
    }

    /** What the list's {@code ?ordering=} calls a column: its wire name, as the API's list does. */
    String wireName(ModelField field) {
        return resource.wireName(field);
    }

    /** The first text component clients write, else "post 3". */
    private Function<T, String> defaultLabel() {
        Optional<ModelField> text = model.fields().stream()
                .filter(f -> f.type() == String.class && !model.managed(f))
                .findFirst();
        return row -> text.map(f -> model.value(row, f)).map(String::valueOf).orElseGet(() -> name + " " + key(row));
    }

    String label(T row) {
        String text = label.apply(row);
        return text == null || text.isBlank() ? name + " " + key(row) : text;
    }

    String key(T row) {
        return String.valueOf(model.value(row, model.key()));
    }

    long version(T row) {
        return model.version().map(v -> (Long) model.value(row, v)).orElse(0L);
    }

    /** The key in a URL as the model's key type: a number for ids; empty when it cannot be one. */
    Optional<Object> parseKey(String text) {
        if (model.key().type() == String.class) {
            return Optional.of(text);
        }
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A value as a cell or a form's text shows it. */
    static String show(Object value) {
        return switch (value) {
            case null -> "";
            case Instant i -> SHOWN.format(i);
            case BigDecimal d -> d.toPlainString();
            case Boolean b -> b ? "Yes" : "No";
            default -> String.valueOf(value);
        };
    }

    /** A value as an input's {@code value} attribute holds it (dates as {@code yyyy-mm-dd}). */
    static String text(Object value) {
        return switch (value) {
            case null -> "";
            case BigDecimal d -> d.toPlainString();
            default -> String.valueOf(value);
        };
    }
}
