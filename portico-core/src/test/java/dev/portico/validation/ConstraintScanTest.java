package dev.portico.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The scan that spares the validator's metadata for records with nothing to check: it must never say "nothing"
 * where Hibernate Validator finds a constraint, whatever place the constraint is declared in.
 */
class ConstraintScanTest {

    record Plain(
            String title,
            int count,

            @com.fasterxml.jackson.annotation.JsonProperty("x")
            List<String> tags) {}

    record OnComponent(@NotBlank String title) {}

    record InTypeArgument(Map<String, List<@NotBlank String>> tags) {}

    record InArray(@Size(max = 2) String @Size(max = 3) [] names) {}

    record Cascaded(@Valid Plain plain) {}

    record Repeated(
            @NotBlank.List({@NotBlank(message = "a"), @NotBlank(message = "b")})
            String title) {}

    record OnMethod(String a, String b) {
        @AssertTrue
        boolean isDifferent() {
            return !a.equals(b);
        }
    }

    interface Titled {
        @NotBlank
        String getTitle();
    }

    record FromInterface(String title) implements Titled {
        @Override
        public String getTitle() {
            return title;
        }
    }

    record InOptional(Optional<@NotBlank String> title) {}

    @Test
    void aRecordWithNoConstraintAnywhereNeedsNoMetadata() {
        assertThat(ConstraintScan.mayConstrain(Plain.class)).isFalse();
        assertThat(Validators.validator().getConstraintsForClass(Plain.class).isBeanConstrained())
                .isFalse();
    }

    @Test
    void everyPlaceAConstraintCanBeDeclaredIsFound() {
        for (Class<?> type : List.of(
                OnComponent.class,
                InTypeArgument.class,
                InArray.class,
                Cascaded.class,
                Repeated.class,
                OnMethod.class,
                FromInterface.class,
                InOptional.class)) {
            assertThat(ConstraintScan.mayConstrain(type))
                    .as(type.getSimpleName())
                    .isTrue();
        }
    }
}
