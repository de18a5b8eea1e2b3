package dev.portico.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.portico.http.FileUpload;
import dev.portico.input.Fields;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Maps Java types to schemas, collecting records and enums as components. A record component is required
 * unless {@link Fields#required} says otherwise (and then it may be null); read-only and write-only
 * components are flagged, and a record whose request and response shapes differ becomes two components,
 * {@code Post} and {@code PostRequest}, as drf-spectacular's {@code COMPONENT_SPLIT_REQUEST} does.
 */
final class TypeSchemas {

    /** Which way a value travels: a request body omits read-only fields, a response write-only ones. */
    enum Usage {
        REQUEST,
        RESPONSE
    }

    private static final Map<Class<?>, String[]> SCALARS = scalars();

    private final Schemas schemas;
    private final ComponentNames names;

    @SuppressWarnings("rawtypes")
    private final Map<String, Schema> components = new TreeMap<>();

    private final Map<String, Boolean> splits = new HashMap<>();

    TypeSchemas(Schemas schemas, ComponentNames names) {
        this.schemas = schemas;
        this.names = names;
    }

    /** Every component made so far, by name. */
    @SuppressWarnings("rawtypes")
    Map<String, Schema> components() {
        return components;
    }

    /** The schema of a value of {@code type} travelling {@code usage}: inline for scalars, a reference for records. */
    Schema<Object> schema(Type type, Usage usage) {
        Class<?> raw = Types.raw(type);
        String[] scalar = SCALARS.get(raw);
        if (raw == BigDecimal.class && schemas.decimalsAsStrings()) {
            return schemas.typed("string", "decimal"); // as drf-spectacular documents COERCE_DECIMAL_TO_STRING
        }
        if (scalar != null) {
            return scalar[1] == null ? schemas.typed(scalar[0]) : schemas.typed(scalar[0], scalar[1]);
        }
        if (raw == byte[].class) {
            return schemas.base64();
        }
        if (FileUpload.class.isAssignableFrom(raw)) {
            return schemas.binary();
        }
        if (raw.isEnum()) {
            return enumeration(raw);
        }
        if (raw.isArray()) {
            Type item = type instanceof GenericArrayType g ? g.getGenericComponentType() : raw.getComponentType();
            return schemas.typed("array").items(schema(item, usage));
        }
        if (Collection.class.isAssignableFrom(raw)) {
            Schema<Object> array = schemas.typed("array").items(schema(Types.argument(type, 0), usage));
            return Set.class.isAssignableFrom(raw) ? array.uniqueItems(true) : array;
        }
        if (Map.class.isAssignableFrom(raw)) {
            return schemas.typed("object").additionalProperties(schema(Types.argument(type, 1), usage));
        }
        if (Types.isOptional(raw)) {
            return schemas.nullable(schema(Types.argument(type, 0), usage));
        }
        if (raw.isRecord()) {
            return record(type, usage);
        }
        if (raw == Object.class
                || raw.isInterface()
                || raw.getName().startsWith("dev.portico.http.")
                || raw.getName().startsWith("com.fasterxml.jackson.")) {
            return schemas.any();
        }
        return schemas.typed("object");
    }

    private Schema<Object> enumeration(Class<?> type) {
        String name = names.claim(type, false);
        if (!components.containsKey(name)) {
            Schema<Object> schema = schemas.typed("string");
            schema.setEnum(new ArrayList<>(Arrays.stream(type.getEnumConstants())
                    .map(e -> (Object) ((Enum<?>) e).name())
                    .toList()));
            components.put(name, schema);
        }
        return schemas.ref(name);
    }

    private Schema<Object> record(Type type, Usage usage) {
        boolean split = splits(type, new HashSet<>());
        boolean request = split && usage == Usage.REQUEST;
        String name = names.claim(type, request);
        if (!components.containsKey(name)) {
            Schema<Object> object = schemas.typed("object");
            components.put(name, object); // placed before the properties, so a recursive record refers to itself
            fill(object, type, split ? usage : null);
        }
        return schemas.ref(name);
    }

    /** Adds the record's components as properties; {@code usage} null means one shared component. */
    private void fill(Schema<Object> object, Type type, Usage usage) {
        Map<TypeVariable<?>, Type> bindings = Types.bindings(type);
        List<String> required = new ArrayList<>();
        for (RecordComponent component : Types.raw(type).getRecordComponents()) {
            boolean readOnly = Fields.readOnly(component);
            boolean writeOnly = Fields.writeOnly(component);
            if ((readOnly && usage == Usage.REQUEST) || (writeOnly && usage == Usage.RESPONSE)) {
                continue;
            }
            Type valueType = Types.unwrapOptional(Types.resolve(component.getGenericType(), bindings));
            Schema<Object> property = schema(valueType, usage == null ? Usage.RESPONSE : usage);
            Constraints.apply(schemas, property, Constraints.of(component));
            if (readOnly || writeOnly) {
                property = flagged(property, readOnly);
            }
            if (Fields.required(component) && !(usage != Usage.REQUEST && omitsNull(component))) {
                required.add(schemas.name(component));
            } else {
                property = schemas.nullable(property);
            }
            object.addProperty(schemas.name(component), described(property, Fields.description(component)));
        }
        if (!required.isEmpty()) {
            object.required(required);
        }
    }

    /** The property with the component's description; a {@code $ref} is wrapped, as its siblings are ignored in 3.0. */
    private static Schema<Object> described(Schema<Object> property, java.util.Optional<String> description) {
        if (description.isEmpty()) {
            return property;
        }
        Schema<Object> target = property;
        if (property.get$ref() != null) {
            target = new Schema<>();
            target.allOf(List.of(property));
        }
        return target.description(description.get());
    }

    /**
     * Whether Jackson leaves the component out of an answer when it is null ({@code @JsonInclude(NON_NULL)} and
     * stricter, on the component or its record): then it is not required there, or a client would wait for a field
     * that never comes.
     */
    private static boolean omitsNull(RecordComponent component) {
        JsonInclude include = component.getAccessor().getAnnotation(JsonInclude.class);
        if (include == null) {
            include = component.getAnnotation(JsonInclude.class);
        }
        if (include == null) {
            include = component.getDeclaringRecord().getAnnotation(JsonInclude.class);
        }
        return include != null
                && include.value() != JsonInclude.Include.ALWAYS
                && include.value() != JsonInclude.Include.USE_DEFAULTS;
    }

    private Schema<Object> flagged(Schema<Object> property, boolean readOnly) {
        Schema<Object> target = property;
        if (property.get$ref() != null) { // siblings of $ref are ignored in 3.0
            target = schemas.any();
            target.allOf(List.of(property));
        }
        return readOnly ? target.readOnly(true) : target.writeOnly(true);
    }

    /** Whether the record, or a record inside it, has read-only or write-only components. */
    private boolean splits(Type type, Set<String> visiting) {
        String key = type.getTypeName();
        Boolean known = splits.get(key);
        if (known != null) {
            return known;
        }
        if (!visiting.add(key)) {
            return false;
        }
        boolean split = false;
        Class<?> raw = Types.raw(type);
        if (raw.isRecord()) {
            Map<TypeVariable<?>, Type> bindings = Types.bindings(type);
            for (RecordComponent component : raw.getRecordComponents()) {
                split |= Fields.readOnly(component)
                        || Fields.writeOnly(component)
                        || splits(Types.resolve(component.getGenericType(), bindings), visiting);
            }
        } else if (type instanceof ParameterizedType p) {
            for (Type argument : p.getActualTypeArguments()) {
                split |= splits(argument, visiting);
            }
        } else if (raw.isArray()) {
            split = splits(
                    type instanceof GenericArrayType g ? g.getGenericComponentType() : raw.getComponentType(),
                    visiting);
        }
        splits.put(key, split);
        return split;
    }

    private static Map<Class<?>, String[]> scalars() {
        Map<Class<?>, String[]> m = new HashMap<>();
        for (Class<?> c : List.of(boolean.class, Boolean.class)) {
            m.put(c, new String[] {"boolean", null});
        }
        for (Class<?> c : List.of(
                int.class, Integer.class, short.class, Short.class, byte.class, Byte.class, OptionalInt.class)) {
            m.put(c, new String[] {"integer", "int32"});
        }
        for (Class<?> c : List.of(long.class, Long.class, OptionalLong.class)) {
            m.put(c, new String[] {"integer", "int64"});
        }
        m.put(BigInteger.class, new String[] {"integer", null});
        m.put(float.class, new String[] {"number", "float"});
        m.put(Float.class, new String[] {"number", "float"});
        for (Class<?> c : List.of(double.class, Double.class, OptionalDouble.class)) {
            m.put(c, new String[] {"number", "double"});
        }
        m.put(BigDecimal.class, new String[] {"number", null});
        for (Class<?> c : List.of(String.class, CharSequence.class, char.class, Character.class)) {
            m.put(c, new String[] {"string", null});
        }
        m.put(UUID.class, new String[] {"string", "uuid"});
        m.put(URI.class, new String[] {"string", "uri"});
        m.put(URL.class, new String[] {"string", "uri"});
        for (Class<?> c :
                List.of(Instant.class, OffsetDateTime.class, ZonedDateTime.class, LocalDateTime.class, Date.class)) {
            m.put(c, new String[] {"string", "date-time"});
        }
        m.put(LocalDate.class, new String[] {"string", "date"});
        m.put(LocalTime.class, new String[] {"string", "time"});
        m.put(OffsetTime.class, new String[] {"string", "time"});
        m.put(Duration.class, new String[] {"string", "duration"});
        return Map.copyOf(m);
    }
}
