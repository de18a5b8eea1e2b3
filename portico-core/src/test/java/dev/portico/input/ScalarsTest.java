package dev.portico.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Single values from text: numbers are read as clients write them, not as Java source spells them. */
class ScalarsTest {

    @Test
    void plainDecimalsAreNumbers() {
        Scalars.Converter number = Scalars.converter(double.class);
        assertThat(number.convert("-12")).isEqualTo(-12.0);
        assertThat(number.convert("3.5")).isEqualTo(3.5);
        assertThat(number.convert(".5")).isEqualTo(0.5);
        assertThat(number.convert("1e-3")).isEqualTo(0.001);
        assertThat(Scalars.converter(float.class).convert("+2.25")).isEqualTo(2.25f);
    }

    @Test
    void javaOnlySpellingsAreRefused() {
        Scalars.Converter number = Scalars.converter(double.class);
        for (String text : new String[] {"1d", "2f", "0x1p3", "NaN", "Infinity", "1e", ".", "-", "1.2.3", "١"}) {
            assertThatThrownBy(() -> number.convert(text))
                    .as(text)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("A valid number is required.");
        }
    }

    @Test
    void enumsAreTakenByTheirExactName() {
        Scalars.Converter color = Scalars.converter(java.time.DayOfWeek.class);
        assertThat(color.convert("MONDAY")).isEqualTo(java.time.DayOfWeek.MONDAY);
        assertThatThrownBy(() -> color.convert("monday")).hasMessage("\"monday\" is not a valid choice.");
    }
}
