package dev.portico.input;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * A record component a client may leave out, send as null, or send with a value: the three things a
 * {@code PATCH} can say about a nullable field ("leave it", "clear it", "set it"). {@code Optional} says only
 * two of them (an empty one is "not sent"), so a {@code PATCH} record of {@code Optional}s cannot clear a field.
 *
 * <pre>{@code
 * record PostPatch(Optional<@NotBlank String> title, Omittable<LocalDate> publishDate) { }
 *
 * {}                        publishDate is absent: nothing to write
 * {"publishDate": null}     publishDate is null: clear it
 * {"publishDate": "2024-05-01"}   a value: set it
 * }</pre>
 *
 * An {@code Omittable} component is never required and always accepts null: that is what it is for. JSON reads
 * the three states as above; a form sends null as the name with an empty value ({@code publish_date=});
 * constraints on the type argument ({@code Omittable<@Size(max = 50) String>}) check a value only, and the
 * schema documents the value's type, not required and nullable. Resources write nothing for absent and SQL
 * {@code NULL} for null.
 *
 * @param <T> the type of the value
 */
public final class Omittable<T> {
    private static final Omittable<?> ABSENT = new Omittable<>(null, false);
    private static final Omittable<?> NULL = new Omittable<>(null, true);

    private final T value;
    private final boolean sent;

    private Omittable(T value, boolean sent) {
        this.value = value;
        this.sent = sent;
    }

    /** The field was not sent. */
    @SuppressWarnings("unchecked")
    public static <T> Omittable<T> absent() {
        return (Omittable<T>) ABSENT;
    }

    /** The field was sent as null. */
    @SuppressWarnings("unchecked")
    public static <T> Omittable<T> ofNull() {
        return (Omittable<T>) NULL;
    }

    /** The field was sent with {@code value}, which must not be null (that is {@link #ofNull()}). */
    public static <T> Omittable<T> of(T value) {
        return new Omittable<>(Objects.requireNonNull(value, "value; use Omittable.ofNull() for a null"), true);
    }

    /** The field was sent: with {@code value}, or as null when {@code value} is null. */
    public static <T> Omittable<T> ofNullable(T value) {
        return value == null ? ofNull() : of(value);
    }

    /** Whether the field was left out. */
    public boolean isAbsent() {
        return !sent;
    }

    /** Whether the field was sent, as null or with a value. */
    public boolean isSent() {
        return sent;
    }

    /** Whether the field was sent as null. */
    public boolean isNull() {
        return sent && value == null;
    }

    /** Whether the field was sent with a value. */
    public boolean isPresent() {
        return value != null;
    }

    /** The value; a {@link NoSuchElementException} when absent or null. */
    public T get() {
        if (value == null) {
            throw new NoSuchElementException(sent ? "The field was sent as null" : "The field was not sent");
        }
        return value;
    }

    /** The value, or {@code other} when absent or null. */
    public T orElse(T other) {
        return value != null ? value : other;
    }

    /** The value when one was sent; empty when absent or null. */
    public Optional<T> value() {
        return Optional.ofNullable(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Omittable<?> other && sent == other.sent && Objects.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return sent ? Objects.hashCode(value) * 31 + 1 : 0;
    }

    @Override
    public String toString() {
        return !sent ? "Omittable.absent" : value == null ? "Omittable.null" : "Omittable[" + value + "]";
    }
}
