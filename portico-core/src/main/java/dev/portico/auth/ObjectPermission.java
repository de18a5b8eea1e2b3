package dev.portico.auth;

import dev.portico.http.Request;
import java.util.function.Function;

/**
 * Answers one question about one object: may this caller act on it? DRF's {@code has_object_permission},
 * checked once the object is loaded (a resource's retrieve, update, partial update and destroy), where a
 * {@link Permission} is checked before anything is read. It does not hide objects: a resource's
 * {@code scope(...)} makes the rows a caller may not see 404; an object permission makes the rows they may
 * see but not touch 401 or 403 ({@link Refusal}).
 *
 * <pre>{@code
 * ObjectPermission<Post> mine = ObjectPermission.isOwner(Post::owner);
 * ObjectPermission<Post> rule = mine.or(ObjectPermission.of(Permission.isAdmin()));
 * }</pre>
 *
 * @param <T> the type of the object
 */
@FunctionalInterface
public interface ObjectPermission<T> {

    /** Whether the request may act on {@code object}; {@link Request#principal()} is set. */
    boolean allows(Request request, T object);

    /** Callers whose {@link Principal#id()} is the object's owner id; anonymous callers and null owners never. */
    static <T> ObjectPermission<T> isOwner(Function<? super T, String> ownerId) {
        return (request, object) -> request.principal()
                .map(p -> p.id().equals(ownerId.apply(object)))
                .orElse(false);
    }

    /** A request-level permission used on objects: {@code ObjectPermission.of(Permission.isAdmin())}. */
    static <T> ObjectPermission<T> of(Permission permission) {
        return (request, object) -> permission.allows(request);
    }

    /** Both this and {@code other}. */
    default ObjectPermission<T> and(ObjectPermission<? super T> other) {
        return (request, object) -> allows(request, object) && other.allows(request, object);
    }

    /** This or {@code other}. */
    default ObjectPermission<T> or(ObjectPermission<? super T> other) {
        return (request, object) -> allows(request, object) || other.allows(request, object);
    }

    /** The opposite of this. */
    default ObjectPermission<T> not() {
        return (request, object) -> !allows(request, object);
    }

    /**
     * Throws the refusal of {@code request} unless this allows {@code object}, by {@link Refusal}'s rule: 403 for a
     * known caller or where nothing authenticates, 401 with the endpoint's challenge for an anonymous one (403 when
     * no authenticator has a challenge).
     */
    default void check(Request request, T object) {
        if (!allows(request, object)) {
            throw Refusal.of(request);
        }
    }
}
