package dev.portico.validation;

import jakarta.validation.valueextraction.ExtractedValue;
import jakarta.validation.valueextraction.UnwrapByDefault;
import jakarta.validation.valueextraction.ValueExtractor;
import java.util.Optional;

/**
 * Replaces Hibernate Validator's extractor for {@code Optional}: an empty {@code Optional} gives no value to
 * check, so {@code Optional<@NotBlank String> title} means "when a title is sent, it is not blank", which is
 * what an optional input (a PATCH field, an optional query parameter) says. The built-in extractor passes
 * {@code null} for an empty one, so the same declaration would demand a value it calls optional. Whether
 * a value must be present is decided once, by the type ({@code Optional} or not), in decoding.
 */
@UnwrapByDefault
final class AbsentOptional implements ValueExtractor<Optional<@ExtractedValue ?>> {

    @Override
    public void extractValues(Optional<?> original, ValueReceiver receiver) {
        if (original != null && original.isPresent()) {
            receiver.value(null, original.get());
        }
    }
}
