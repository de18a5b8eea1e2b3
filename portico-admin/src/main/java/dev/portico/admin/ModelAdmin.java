package dev.portico.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How one registered model is shown (Django's {@code ModelAdmin}): its list's columns and the text that names a row.
 * Every option has a default, so {@code admin.register(resource)} alone is enough.
 * <pre>{@code
 * admin.register(posts, m -> m.columns("title", "draft", "publishDate").label(Post::title));
 * }</pre>
 *
 * @param <T> the model record
 */
public final class ModelAdmin<T extends Record> {
    final List<String> columns = new ArrayList<>();
    Function<? super T, String> label;
    String name;
    String plural;

    ModelAdmin() {}

    /** The list's columns, by component name, in order; by default the first four fields clients write. */
    public ModelAdmin<T> columns(String... components) {
        columns.clear();
        columns.addAll(List.of(components));
        return this;
    }

    /** The text that names a row in titles, links and the audit log (Django's {@code __str__}). */
    public ModelAdmin<T> label(Function<? super T, String> label) {
        this.label = label;
        return this;
    }

    /** The model's name in headings, singular and plural ({@code "post", "posts"}); by default from the record. */
    public ModelAdmin<T> names(String singular, String plural) {
        this.name = singular;
        this.plural = plural;
        return this;
    }

    Optional<Function<? super T, String>> labelFunction() {
        return Optional.ofNullable(label);
    }
}
