package dev.portico.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OmittableTest {

    @Test
    void threeStatesEachAnsweringItsOwnQuestions() {
        Omittable<String> absent = Omittable.absent();
        Omittable<String> none = Omittable.ofNull();
        Omittable<String> value = Omittable.of("a");
        assertThat(absent.isAbsent()).isTrue();
        assertThat(absent.isSent() || absent.isNull() || absent.isPresent()).isFalse();
        assertThat(none.isSent() && none.isNull()).isTrue();
        assertThat(none.isAbsent() || none.isPresent()).isFalse();
        assertThat(value.isSent() && value.isPresent()).isTrue();
        assertThat(value.isAbsent() || value.isNull()).isFalse();
        assertThat(value.get()).isEqualTo("a");
        assertThat(value.value()).contains("a");
        assertThat(none.value()).isEqualTo(Optional.empty());
        assertThat(none.orElse("b")).isEqualTo("b");
    }

    @Test
    void getFailsWithoutAValueAndOfRefusesNull() {
        assertThatThrownBy(() -> Omittable.absent().get())
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("not sent");
        assertThatThrownBy(() -> Omittable.ofNull().get())
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("null");
        assertThatThrownBy(() -> Omittable.of(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("ofNull");
        assertThat(Omittable.ofNullable(null)).isEqualTo(Omittable.ofNull());
    }

    @Test
    void equalityIsByStateAndValue() {
        assertThat(Omittable.of("a")).isEqualTo(Omittable.of("a")).hasSameHashCodeAs(Omittable.of("a"));
        assertThat(Omittable.absent()).isNotEqualTo(Omittable.ofNull()).doesNotHaveSameHashCodeAs(Omittable.ofNull());
        assertThat(Omittable.of("a")).isNotEqualTo(Omittable.of("b"));
        assertThat(Omittable.absent()).hasToString("Omittable.absent");
        assertThat(Omittable.ofNull()).hasToString("Omittable.null");
        assertThat(Omittable.of(3)).hasToString("Omittable[3]");
    }
}
