package dev.portico.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** A decimal with an absurd exponent is refused when read, before a validator or a database overflows on it. */
class BoundedDecimalsTest {
    record Pay(BigDecimal salary) {}

    private final ObjectMapper mapper = Json.mapper();

    @Test
    void ordinaryDecimalsReadAsBefore() throws Exception {
        assertThat(mapper.readValue("{\"salary\": 1234.50}", Pay.class).salary())
                .isEqualByComparingTo("1234.50");
        assertThat(mapper.readValue("{\"salary\": 1e3}", Pay.class).salary()).isEqualByComparingTo("1000");
        assertThat(mapper.readValue("{\"salary\": 1e-1000}", Pay.class).salary().scale())
                .isEqualTo(1000);
    }

    @Test
    void anExponentPastAThousandIsAnInvalidNumber() {
        for (String number : new String[] {"1e2147483647", "1e-2147483647", "1e1001"}) {
            assertThatThrownBy(() -> mapper.readValue("{\"salary\": " + number + "}", Pay.class))
                    .isInstanceOf(InvalidFormatException.class);
            assertThat(JsonErrors.translate(catching(number)).errors()).containsKey("salary");
        }
    }

    @Test
    void asStringsDecimalsAreWrittenAsDrfWritesThemAndReadFromStringsOrNumbers() throws Exception {
        ObjectMapper drf = Json.mapper(new Json.Limits(64, 1 << 20, 1000, true, true));
        assertThat(drf.writeValueAsString(new Pay(new BigDecimal("5000.00")))).isEqualTo("{\"salary\":\"5000.00\"}");
        assertThat(drf.readValue("{\"salary\": \"7000.00\"}", Pay.class).salary())
                .isEqualTo(new BigDecimal("7000.00"));
        assertThat(drf.readValue("{\"salary\": 7000.5}", Pay.class).salary()).isEqualByComparingTo("7000.5");
        for (String bad : new String[] {"\"\"", "\"abc\"", "\"1e2000\""}) {
            assertThatThrownBy(() -> drf.readValue("{\"salary\": " + bad + "}", Pay.class))
                    .isInstanceOf(InvalidFormatException.class);
        }
    }

    @Test
    void byDefaultDecimalsAreNumbersAndAStringIsRefused() throws Exception {
        assertThat(mapper.writeValueAsString(new Pay(new BigDecimal("5000.00"))))
                .isEqualTo("{\"salary\":5000.00}");
        assertThatThrownBy(() -> mapper.readValue("{\"salary\": \"7000.00\"}", Pay.class))
                .isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class);
    }

    private InvalidFormatException catching(String number) {
        try {
            mapper.readValue("{\"salary\": " + number + "}", Pay.class);
            throw new AssertionError("read " + number);
        } catch (InvalidFormatException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
