package dev.portico.data.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a model derives from its record, and the records it refuses at startup. */
class ModelTest {
    record BlogPost(long id, String title, Instant createdAt, Instant updatedAt, long version) {}

    record Category(Long id, String name) {}

    @Table("entries")
    record Entry(long id, @Column("heading") String title, String userID) {}

    record NoId(String title) {}

    record BadVersion(long id, int version) {}

    @Table("posts; drop table x")
    record Evil(long id) {}

    record Twice(long id, @Column("id") String other) {}

    @Test
    void tableAndColumnsAreSnakeCaseUnlessOverridden() {
        Model<BlogPost> m = Model.of(BlogPost.class);
        assertThat(m.table()).isEqualTo("blog_posts");
        assertThat(m.columnList()).isEqualTo("id, title, created_at, updated_at, version");
        assertThat(m.select()).isEqualTo("SELECT id, title, created_at, updated_at, version FROM blog_posts");
        assertThat(m.createdAt()).isPresent();
        assertThat(m.version().map(ModelField::type)).contains(Long.class);
        assertThat(m.managed(m.field("title").orElseThrow())).isFalse();
        assertThat(m.managed(m.id().orElseThrow())).isTrue();

        assertThat(Model.of(Category.class).table()).isEqualTo("categories");
        assertThat(Model.of(Category.class).version()).isEmpty();
        Model<Entry> e = Model.of(Entry.class);
        assertThat(e.table()).isEqualTo("entries");
        assertThat(e.columnList()).isEqualTo("id, heading, user_id");
    }

    @Test
    void valuesAreReadThroughTheAccessors() {
        Model<Category> m = Model.of(Category.class);
        assertThat(m.value(new Category(3L, "tea"), m.field("name").orElseThrow()))
                .isEqualTo("tea");
    }

    @Test
    void recordsThatCannotBeMappedFailAtStartupNamingTheFix() {
        assertThatThrownBy(() -> Model.of(NoId.class)).hasMessageContaining("needs a `long id` component");
        assertThatThrownBy(() -> Model.of(BadVersion.class))
                .hasMessageContaining("BadVersion.version is Integer")
                .hasMessageContaining("change its type");
        assertThatThrownBy(() -> Model.of(Evil.class)).hasMessageContaining("is not a plain SQL identifier");
        assertThatThrownBy(() -> Model.of(Twice.class)).hasMessageContaining("two components to column \"id\"");
    }

    @Test
    void namesFollowEnglishAndJavaConventions() {
        assertThat(Names.snake("HTTPRequest")).isEqualTo("http_request");
        assertThat(Names.plural("box")).isEqualTo("boxes");
        assertThat(Names.plural("day")).isEqualTo("days");
    }
}
