package dev.portico.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ParamTypeTest {

    @Test
    void intAcceptsDigitsThatFit() {
        assertThat(ParamType.INT.convert("42")).isEqualTo(42);
        assertThat(ParamType.INT.convert("2147483647")).isEqualTo(Integer.MAX_VALUE);
        assertThat(ParamType.INT.convert("2147483648")).isNull();
        assertThat(ParamType.INT.convert("-1")).isNull();
        assertThat(ParamType.INT.convert("1a")).isNull();
        assertThat(ParamType.INT.convert("")).isNull();
    }

    @Test
    void longAcceptsDigitsThatFit() {
        assertThat(ParamType.LONG.convert("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(ParamType.LONG.convert("9223372036854775808")).isNull();
        assertThat(ParamType.LONG.convert("99999999999999999999")).isNull();
    }

    @Test
    void uuidNeedsTheCanonicalForm() {
        UUID id = UUID.randomUUID();
        assertThat(ParamType.UUID.convert(id.toString())).isEqualTo(id);
        assertThat(ParamType.UUID.convert(id.toString().replace("-", ""))).isNull();
        assertThat(ParamType.UUID.convert("zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz"))
                .isNull();
    }

    @Test
    void slugIsLettersDigitsHyphensUnderscores() {
        assertThat(ParamType.SLUG.convert("hello-world_2")).isEqualTo("hello-world_2");
        assertThat(ParamType.SLUG.convert("hello world")).isNull();
        assertThat(ParamType.SLUG.convert("héllo")).isNull();
    }

    @Test
    void stringIsAnyNonEmptySegment() {
        assertThat(ParamType.STRING.convert("a b")).isEqualTo("a b");
        assertThat(ParamType.STRING.convert("")).isNull();
    }

    @Test
    void overlapsAsTheirValuesDo() {
        assertThat(ParamType.INT.overlaps(ParamType.UUID)).isFalse();
        assertThat(ParamType.LONG.overlaps(ParamType.UUID)).isFalse();
        assertThat(ParamType.INT.overlaps(ParamType.LONG)).isTrue();
        assertThat(ParamType.SLUG.overlaps(ParamType.INT)).isTrue();
        assertThat(ParamType.STRING.overlaps(ParamType.UUID)).isTrue();
    }

    @Test
    void unknownTypeNameSaysWhichExist() {
        assertThatThrownBy(() -> ParamType.named("float"))
                .hasMessageContaining("use one of int, long, uuid, slug, string");
    }
}
