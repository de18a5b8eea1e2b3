package ${package};

import dev.portico.annotation.Nullable;
import dev.portico.auth.Permission;
import dev.portico.data.Database;
import dev.portico.data.model.Column;
import dev.portico.data.model.Model;
import dev.portico.data.query.BaseUrl;
import dev.portico.data.query.Lookup;
import dev.portico.data.query.Pagination;
import dev.portico.data.resource.Resource;
import dev.portico.http.Principal;
import dev.portico.http.Request;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Notes in the {@code notes} table ({@code db/migration/V1__notes.sql}), served as one resource at
 * {@code /api/notes/}: list (filters, search, ordering, pages), create, retrieve, replace, patch and delete. Each
 * user has their own notes: another user's are not listed, and are 404 when asked for by id.
 */
public final class Notes {

    private Notes() {}

    /** A stored note. The server sets its id, timestamps, version (the ETag) and owner. */
    public record Note(
            long id,
            String title,
            String body,
            boolean done,
            Instant createdAt,
            Instant updatedAt,
            long version,
            @Column("owner_id") @Nullable Long owner) {}

    /** What a client sends to create or replace a note; a new note is not done unless it says so. */
    public record NoteInput(
            @NotBlank @Size(max = 100) String title,
            @NotNull String body,
            Optional<Boolean> done) {}

    /** What a client sends to patch a note: only the fields sent change, and those are checked. */
    public record NotePatch(
            Optional<@NotBlank @Size(max = 100) String> title, Optional<String> body, Optional<Boolean> done) {}

    /** The resource on {@code db}, for callers the app's authenticators recognise; declaring it needs no connection. */
    public static Resource<Note> resource(Database db, Set<String> allowedHosts) {
        return Resource.of(Model.of(Note.class), db, "/api/notes/")
                .create(NoteInput.class)
                .partialUpdate(NotePatch.class)
                .list(q -> q.filters("title", Lookup.EXACT, Lookup.ICONTAINS)
                        .filters("done", Lookup.EXACT)
                        .filters("createdAt", Lookup.GTE, Lookup.LT)
                        .search("title", "body")
                        .ordering("id", "title", "createdAt")
                        .defaultOrdering("-createdAt")
                        .pagination(Pagination.pageNumber(10, 100)))
                .baseUrl(r -> BaseUrl.fromHost(r, "http", allowedHosts))
                .onCreate("owner", Notes::callerId)
                .scope("owner", Notes::callerId)
                .endpoints(e -> e.tags("notes").permissions(Permission.authenticated()))
                .build();
    }

    /** The caller's user id, which the {@code owner_id} column holds. */
    static Long callerId(Request request) {
        return request.principal().map(Principal::id).map(Long::valueOf).orElse(null);
    }
}
