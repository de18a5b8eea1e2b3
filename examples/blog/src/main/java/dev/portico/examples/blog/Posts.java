package dev.portico.examples.blog;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.portico.annotation.Nullable;
import dev.portico.auth.Authenticator;
import dev.portico.auth.ObjectPermission;
import dev.portico.auth.Permission;
import dev.portico.data.Database;
import dev.portico.data.model.Column;
import dev.portico.data.model.Model;
import dev.portico.data.query.BaseUrl;
import dev.portico.data.query.Lookup;
import dev.portico.data.query.Pagination;
import dev.portico.data.query.Sql;
import dev.portico.data.resource.Resource;
import dev.portico.http.Principal;
import dev.portico.http.Request;
import dev.portico.input.Omittable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The blog's posts, as seed 004's Django model, stored in the {@code posts} table ({@code V1__posts.sql}) and
 * served as one {@link Resource}: list (filters, ordering, search, pages), create, retrieve, replace, patch and
 * delete, with DRF's statuses. Every signed-in caller reads every published post; a draft is seen (listed,
 * retrieved) only by its author (the {@code owner}, set from the caller on create) and staff, and is 404 to anyone
 * else. Only its author or staff may change or delete a post, others get 403. The list and retrieve
 * answers are cached per caller for {@link #CACHE_READS} ({@code X-Cache: HIT|MISS}); every write drops them.
 */
public final class Posts {
    /** How long a caller's list and retrieve answers are reused: short, and every write drops them anyway. */
    public static final java.time.Duration CACHE_READS = java.time.Duration.ofSeconds(10);
    /** What {@code draft} means, for the OpenAPI document, OPTIONS and the forms. */
    static final String DRAFT = "A draft is seen only by its author and staff.";

    private Posts() {}

    /**
     * A stored post. The server sets its id, timestamps and version (the ETag); a draft may have no publish
     * date yet ({@code @Nullable}). The app's {@code json.naming=snake_case} names fields in JSON, forms, filters and
     * ordering as seed 004's model does ({@code publishDate} is {@code publish_date}).
     */
    public record Post(
            long id,
            String title,
            String content,
            @JsonPropertyDescription(DRAFT) boolean draft,
            @Nullable LocalDate publishDate,
            Instant createdAt,
            Instant updatedAt,
            long version,
            @Column("owner_id") @Nullable Long owner) {}

    /** What a client sends to create or replace a post; a post is published (not a draft) unless it says so. */
    public record PostInput(
            @NotBlank @Size(max = 50) String title,
            @NotNull String content,
            @JsonPropertyDescription(DRAFT) Optional<Boolean> draft,
            Optional<LocalDate> publishDate) {}

    /**
     * What a client sends to patch a post: only the fields sent change, and those are checked. The publish date
     * may also be cleared: {@code {"publish_date": null}} in JSON, {@code publish_date=} in a form.
     */
    public record PostPatch(
            Optional<@NotBlank @Size(max = 50) String> title,
            Optional<String> content,
            @JsonPropertyDescription(DRAFT) Optional<Boolean> draft,
            Omittable<LocalDate> publishDate) {}

    /** The posts a caller may see: staff all of them, anyone else the published ones and their own drafts. */
    static Sql visible(Request request) {
        if (request.principal().map(Principal::admin).orElse(false)) {
            return new Sql("1 = 1", List.of());
        }
        Long caller = Owners.callerId(request);
        return caller == null
                ? new Sql("draft = ?", List.of(false))
                : new Sql("draft = ? OR owner_id = ?", List.of(false, caller));
    }

    /** The resource on {@code db}, for callers the authenticators recognise; declaring it needs no connection. */
    public static Resource<Post> resource(Database db, Set<String> allowedHosts, Authenticator... authenticators) {
        return Resource.of(Model.of(Post.class), db, "/api/posts/")
                .create(PostInput.class)
                .partialUpdate(PostPatch.class)
                .list(q -> q.filters("title", Lookup.EXACT, Lookup.ICONTAINS)
                        .filters("draft", Lookup.EXACT)
                        .filters("publishDate", Lookup.EXACT, Lookup.GTE, Lookup.LTE, Lookup.ISNULL)
                        .filters("createdAt", Lookup.GTE, Lookup.LT)
                        .search("title", "content")
                        .ordering("id", "title", "publishDate", "createdAt")
                        .defaultOrdering("-createdAt")
                        .pagination(Pagination.pageNumber(10, 100)))
                .baseUrl(r -> BaseUrl.fromHost(r, "http", allowedHosts))
                .cacheReads(CACHE_READS)
                .onCreate("owner", Owners::callerId)
                .scope(Posts::visible)
                .objectPermission(Owners.<Post>readOnly()
                        .or(ObjectPermission.isOwner(p -> String.valueOf(p.owner())))
                        .or(ObjectPermission.of(Permission.isAdmin())))
                .endpoints(e -> e.tags("posts").authenticators(authenticators).permissions(Permission.authenticated()))
                .build();
    }
}
