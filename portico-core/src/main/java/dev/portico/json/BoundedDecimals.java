package dev.portico.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Refuses a decimal whose exponent is out of all proportion ({@code 1e2147483647}): it is only a dozen characters, so
 * the number-length limit lets it through, but its scale overflows the checks that meet it next (Hibernate
 * Validator's {@code @Digits} computes {@code precision - scale} in an {@code int} and lets it pass), and the database
 * then fails with a 500. Past {@link #MAX_SCALE} in either direction it is 400 "A valid number is required.".
 */
final class BoundedDecimals extends SimpleModule {
    /** Far beyond any column (PostgreSQL's numeric keeps 16,383 digits after the point, most apps a handful). */
    static final int MAX_SCALE = 1000;

    BoundedDecimals() {
        super("portico-bounded-decimals");
        addDeserializer(BigDecimal.class, new Deserializer());
    }

    /** Whether {@code value}'s exponent is within {@link #MAX_SCALE}. */
    static boolean bounded(BigDecimal value) {
        return Math.abs((long) value.scale()) <= MAX_SCALE;
    }

    private static final class Deserializer extends StdScalarDeserializer<BigDecimal> {
        Deserializer() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            BigDecimal value = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(p, ctxt);
            if (value != null && !bounded(value)) {
                throw InvalidFormatException.from(p, "number out of range", p.getText(), BigDecimal.class);
            }
            return value;
        }
    }
}
