package dev.portico.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** Queries and mapping through {@link Database#jdbi()}, the same on both databases. */
class JdbiTest {

    /** A row of the test migrations' {@code note} table. */
    public record Note(long id, String title, OffsetDateTime createdAt) {}

    @DatabaseTest
    void insertsAndReadsRecordsWithBoundParameters(TestDatabase test) {
        try (Database db = Database.create(
                test.config(b -> b.set(DatabaseSettings.MIGRATE_ON_START, DatabaseSettings.MigrateOnStart.TRUE)))) {
            long id = db.jdbi()
                    .withHandle(h -> h.createUpdate("insert into note (title) values (:title)")
                            .bind("title", "O'Brien; drop table note --")
                            .executeAndReturnGeneratedKeys("id")
                            .mapTo(Long.class)
                            .one());
            List<Note> notes = db.jdbi()
                    .withHandle(h -> h.registerRowMapper(ConstructorMapper.factory(Note.class))
                            .createQuery("select id, title, created_at from note order by id")
                            .mapTo(Note.class)
                            .list());
            assertThat(notes).extracting(Note::title).containsExactly("first", "O'Brien; drop table note --");
            assertThat(notes.get(1).id()).isEqualTo(id);
            assertThat(notes.get(1).createdAt()).isNotNull();
        }
    }
}
