package dev.portico.form;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a model travels in a form, as seed 002's "Passing in models" has it: by its public id ({@code u-12346789}).
 * Given to the decoder at startup ({@link FormDecoder#of(java.lang.reflect.Type, java.util.List)}), it makes
 * {@code type} a single value wherever it appears (an argument, a record's component, a list's item); per request
 * the decoder calls {@link #resolve} once for each id sent, and an id that finds nothing is a 400 naming its path.
 * <pre>{@code
 * IdResolver<User> users = IdResolver.of(User.class, accounts.users()::findByPublicId, User::publicId);
 * }</pre>
 *
 * @param <T> the model type
 */
public interface IdResolver<T> {

    /** The model type this resolver reads. */
    Class<T> type();

    /** The row whose public id is {@code id}; empty when none is (a 400 for the client). */
    Optional<T> resolve(String id);

    /** The public id of {@code value}: the inverse of {@link #resolve}, for {@link FormEncoder}. */
    String publicId(T value);

    /** A resolver from two functions. */
    static <T> IdResolver<T> of(Class<T> type, Function<String, Optional<T>> resolve, Function<T, String> publicId) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(resolve, "resolve");
        Objects.requireNonNull(publicId, "publicId");
        return new IdResolver<>() {
            @Override
            public Class<T> type() {
                return type;
            }

            @Override
            public Optional<T> resolve(String id) {
                return resolve.apply(id);
            }

            @Override
            public String publicId(T value) {
                return publicId.apply(value);
            }

            @Override
            public String toString() {
                return "IdResolver[" + type.getSimpleName() + "]";
            }
        };
    }
}
