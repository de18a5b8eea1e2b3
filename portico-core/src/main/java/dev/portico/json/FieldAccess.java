package dev.portico.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.portico.annotation.ReadOnly;
import dev.portico.annotation.WriteOnly;
import java.io.IOException;

/**
 * Makes JSON honour {@link ReadOnly} and {@link WriteOnly} as the schema documents them: a read-only component
 * sent in a request body is refused under its name ("This field is read-only.", so an id or a timestamp
 * cannot be mass-assigned), and a write-only component (a password) is never written in a response.
 */
final class FieldAccess extends SimpleModule {

    FieldAccess() {
        super("portico-field-access", Version.unknownVersion());
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.insertAnnotationIntrospector(new Introspector());
    }

    /** The error for a read-only field found in a request body. */
    static final class ReadOnlyField extends JsonMappingException {
        ReadOnlyField(JsonParser parser) {
            super(parser, "This field is read-only.");
        }
    }

    private static final class Introspector extends NopAnnotationIntrospector {
        @Override
        public JsonProperty.Access findPropertyAccess(Annotated member) {
            return member.hasAnnotation(WriteOnly.class) ? JsonProperty.Access.WRITE_ONLY : null;
        }

        @Override
        public Object findDeserializer(Annotated member) {
            return member.hasAnnotation(ReadOnly.class) ? new Refusing(zero(member.getRawType())) : null;
        }
    }

    /** Java's default for a primitive type, null for the others: what an absent component gets. */
    private static Object zero(Class<?> raw) {
        if (!raw.isPrimitive()) {
            return null;
        }
        // if/else, not a chain of ?: (which would promote every boxed number to Double)
        Object zero = Integer.valueOf(0);
        if (raw == boolean.class) {
            zero = Boolean.FALSE;
        } else if (raw == long.class) {
            zero = Long.valueOf(0);
        } else if (raw == double.class) {
            zero = Double.valueOf(0);
        } else if (raw == float.class) {
            zero = Float.valueOf(0);
        } else if (raw == short.class) {
            zero = Short.valueOf((short) 0);
        } else if (raw == byte.class) {
            zero = Byte.valueOf((byte) 0);
        } else if (raw == char.class) {
            zero = Character.valueOf('\0');
        }
        return zero;
    }

    /** Fails when the value is present; when absent the component gets Java's default (null, 0, false). */
    static final class Refusing extends JsonDeserializer<Object> {
        private final Object absent;

        Refusing(Object absent) {
            this.absent = absent;
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
            throw new ReadOnlyField(parser);
        }

        @Override
        public Object getNullValue(DeserializationContext ctxt) {
            return absent;
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return absent;
        }
    }
}
