package dev.portico.rpc;

import dev.portico.form.IdResolver;
import dev.portico.http.FileUpload;
import dev.portico.input.Fields;
import dev.portico.input.Omittable;
import dev.portico.rpc.ApiIndex.ApiIndexField;
import dev.portico.rpc.ApiIndex.ApiIndexType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** Describes Java types for the {@link ApiIndex}, once, at startup, collecting the records and enums met on the way. */
final class IndexTypes {
    private static final Map<Class<?>, String> KINDS = Map.ofEntries(
            Map.entry(String.class, "str"),
            Map.entry(int.class, "int"),
            Map.entry(Integer.class, "int"),
            Map.entry(long.class, "int"),
            Map.entry(Long.class, "int"),
            Map.entry(short.class, "int"),
            Map.entry(Short.class, "int"),
            Map.entry(BigInteger.class, "int"),
            Map.entry(double.class, "float"),
            Map.entry(Double.class, "float"),
            Map.entry(float.class, "float"),
            Map.entry(Float.class, "float"),
            Map.entry(BigDecimal.class, "decimal"),
            Map.entry(boolean.class, "bool"),
            Map.entry(Boolean.class, "bool"),
            Map.entry(byte[].class, "bytes"),
            Map.entry(Instant.class, "datetime"),
            Map.entry(OffsetDateTime.class, "datetime"),
            Map.entry(ZonedDateTime.class, "datetime"),
            Map.entry(LocalDateTime.class, "datetime"),
            Map.entry(LocalDate.class, "date"),
            Map.entry(LocalTime.class, "time"),
            Map.entry(Duration.class, "duration"),
            Map.entry(UUID.class, "uuid"),
            Map.entry(FileUpload.class, "file"),
            Map.entry(void.class, "void"),
            Map.entry(Void.class, "void"));

    private final List<IdResolver<?>> resolvers;
    final Map<String, List<ApiIndexField>> records = new TreeMap<>();
    final Map<String, List<String>> enums = new TreeMap<>();

    private final dev.portico.config.Naming naming;

    IndexTypes(List<IdResolver<?>> resolvers, dev.portico.config.Naming naming) {
        this.resolvers = resolvers;
        this.naming = naming;
    }

    ApiIndexType describe(Type type) {
        Class<?> raw = type instanceof ParameterizedType p
                ? (Class<?>) p.getRawType()
                : type instanceof Class<?> c ? c : Object.class;
        String kind = KINDS.get(raw);
        if (kind != null) {
            return ApiIndexType.of(kind);
        }
        if (resolvers.stream().anyMatch(r -> r.type() == raw)) {
            return ApiIndexType.named("model", raw.getSimpleName());
        }
        if (raw == Optional.class || raw == Omittable.class) {
            return new ApiIndexType("optional", null, describe(argument(type, 0)), null, null);
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return new ApiIndexType("list", null, describe(argument(type, 0)), null, null);
        }
        if (Map.class.isAssignableFrom(raw)) {
            return new ApiIndexType("map", null, null, describe(argument(type, 0)), describe(argument(type, 1)));
        }
        if (raw.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object constant : raw.getEnumConstants()) {
                names.add(((Enum<?>) constant).name());
            }
            enums.putIfAbsent(raw.getSimpleName(), List.copyOf(names));
            return ApiIndexType.named("enum", raw.getSimpleName());
        }
        if (raw.isRecord()) {
            record(raw);
            return ApiIndexType.named("record", raw.getSimpleName());
        }
        return ApiIndexType.of("any");
    }

    private void record(Class<?> raw) {
        String name = raw.getSimpleName();
        if (records.containsKey(name)) {
            return;
        }
        records.put(name, List.of()); // first, so a record inside itself ends here
        List<ApiIndexField> fields = new ArrayList<>();
        for (RecordComponent component : raw.getRecordComponents()) {
            fields.add(new ApiIndexField(
                    naming.wireName(component), Fields.required(component), describe(component.getGenericType())));
        }
        records.put(name, List.copyOf(fields));
    }

    private static Type argument(Type type, int i) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[i] : Object.class;
    }
}
