package dev.portico.validation;

import dev.portico.input.Omittable;
import jakarta.validation.valueextraction.ExtractedValue;
import jakarta.validation.valueextraction.UnwrapByDefault;
import jakarta.validation.valueextraction.ValueExtractor;

/**
 * Lets constraints on an {@link Omittable}'s type argument ({@code Omittable<@Size(max = 50) String>}) check what
 * was sent: an absent one gives nothing to check, a null one gives {@code null} (which every constraint but
 * {@code @NotNull} accepts, so {@code Omittable<@NotNull String>} is "may be left out, never null") and a value
 * gives the value.
 */
@UnwrapByDefault
final class SentValue implements ValueExtractor<Omittable<@ExtractedValue ?>> {

    @Override
    public void extractValues(Omittable<?> original, ValueReceiver receiver) {
        if (original != null && original.isSent()) {
            receiver.value(null, original.orElse(null));
        }
    }
}
