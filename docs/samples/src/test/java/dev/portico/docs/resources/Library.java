package dev.portico.docs.resources;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.data.Database;
import dev.portico.data.model.Model;
import dev.portico.data.query.BaseUrl;
import dev.portico.data.query.Lookup;
import dev.portico.data.query.Pagination;
import dev.portico.data.resource.Resource;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** The books resource of docs/resources.md. */
public final class Library {
    private Library() {}

    // region model
    /** A row of the books table; id, createdAt, updatedAt and version are the framework's. */
    public record Book(
            long id, String title, String author, int pages, Instant createdAt, Instant updatedAt, long version) {}

    /** What a client sends to create (and PUT) a book: the only fields it may set. */
    public record BookInput(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 100) String author,
            @Min(1) int pages) {}

    /** What a client sends to PATCH a book: the fields not sent stay as they are. */
    public record BookPatch(
            Optional<@NotBlank @Size(max = 200) String> title,
            Optional<@NotBlank @Size(max = 100) String> author,
            Optional<@Min(1) Integer> pages) {}
    // endregion model

    // region app
    public static Portico.Builder app(PorticoConfig config) {
        Database db = Database.lazy(config); // connects (and migrates an embedded H2) on start
        Set<String> hosts = BaseUrl.hosts(config.get(Settings.SERVER_ALLOWED_HOSTS));
        Portico.Builder app = Portico.builder().config(config).install(db); // open on start, close on stop, migrate
        Resource.of(Model.of(Book.class), db, "/api/books/")
                .create(BookInput.class)
                .partialUpdate(BookPatch.class)
                .list(q -> q.filters("title", Lookup.EXACT, Lookup.ICONTAINS)
                        .filters("author", Lookup.EXACT, Lookup.IN)
                        .filters("pages", Lookup.GTE, Lookup.LTE)
                        .search("title", "author")
                        .ordering("id", "title", "pages")
                        .defaultOrdering("title")
                        .pagination(Pagination.pageNumber(10, 100)))
                .baseUrl(request -> BaseUrl.fromHost(request, "http", hosts))
                .build()
                .addTo(app);
        return app;
    }
    // endregion app
}
