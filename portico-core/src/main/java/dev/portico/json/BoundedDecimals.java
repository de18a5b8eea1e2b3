package dev.portico.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
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

    /**
     * @param asStrings DRF's {@code COERCE_DECIMAL_TO_STRING}: write decimals as strings ({@code "5000.00"}, exact
     *     for every client, which a JSON number is not in JavaScript) and read them from strings as well as numbers,
     *     so a client can send back what it read
     */
    BoundedDecimals(boolean asStrings) {
        super("portico-bounded-decimals");
        addDeserializer(BigDecimal.class, new Deserializer(asStrings));
        if (asStrings) {
            addSerializer(BigDecimal.class, new StdSerializer<>(BigDecimal.class) {
                @Override
                public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider)
                        throws IOException {
                    gen.writeString(value.toPlainString());
                }
            });
        }
    }

    /** Whether {@code value}'s exponent is within {@link #MAX_SCALE}. */
    static boolean bounded(BigDecimal value) {
        return Math.abs((long) value.scale()) <= MAX_SCALE;
    }

    private static final class Deserializer extends StdScalarDeserializer<BigDecimal> {
        private final boolean fromStrings;

        Deserializer(boolean fromStrings) {
            super(BigDecimal.class);
            this.fromStrings = fromStrings;
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            BigDecimal value = fromStrings && p.currentToken() == JsonToken.VALUE_STRING
                    ? parse(p)
                    : NumberDeserializers.BigDecimalDeserializer.instance.deserialize(p, ctxt);
            if (value != null && !bounded(value)) {
                throw InvalidFormatException.from(p, "number out of range", p.getText(), BigDecimal.class);
            }
            return value;
        }

        /** DRF's DecimalField reads {@code "7000.00"}; blank or other text is not a number. */
        private static BigDecimal parse(JsonParser p) throws IOException {
            String text = p.getText().strip();
            if (text.length() <= 1000 && !text.isEmpty()) {
                try {
                    return new BigDecimal(text);
                } catch (NumberFormatException e) {
                    // refused below
                }
            }
            throw InvalidFormatException.from(p, "not a number", p.getText(), BigDecimal.class);
        }
    }
}
