package dev.portico.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.error.ApiException;
import dev.portico.input.PartlyRead;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The 400 of a JSON object that failed to read as a record, naming every field's problem, as DRF does: Jackson
 * stops at the first missing or mistyped field, so the object is read again, one property at a time, with the
 * record deserializer's own properties (their JSON names, naming strategy included, their required and null
 * rules, their contextual deserializers). What reads goes into a {@link PartlyRead.Partial} for the validation
 * stage to check. Runs only after a read failed; each record type's properties are looked up once, then kept.
 */
public final class FieldByField {
    private static final String REQUIRED = "This field is required.";
    private static final String UNKNOWN = "Unknown field.";

    private final ObjectMapper mapper;
    private final Map<JsonDeserializer<?>, Shape> shapes = new ConcurrentHashMap<>();

    /** Re-reads with {@code mapper}, the one that failed. */
    public FieldByField(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Whether a body of {@code type} is re-read on failure: a record, whose fields are independent. */
    public static boolean applies(JavaType type) {
        return type.getRawClass().isRecord();
    }

    /**
     * The answer for {@code body}, which failed to read as {@code type} with {@code e}: every field's problem and
     * the fields that read, when it is a JSON object; otherwise (malformed JSON, a parser limit, not an object)
     * what {@link JsonErrors#translate} answers.
     */
    public ApiException translate(JavaType type, byte[] body, JsonProcessingException e) {
        if (!(e instanceof JsonMappingException) || JsonErrors.constraint(e)) {
            return JsonErrors.translate(e);
        }
        try {
            JsonNode tree = mapper.readTree(body);
            Shape shape = tree instanceof ObjectNode ? shape(rootDeserializer(type)) : null;
            if (shape == null) {
                return JsonErrors.translate(e);
            }
            Map<String, List<String>> errors = new LinkedHashMap<>();
            PartlyRead.Partial partial = read(shape, (ObjectNode) tree, "", errors);
            // no field failed on its own: the record as a whole did (its constructor), as first reported
            return errors.isEmpty() ? JsonErrors.translate(e) : new PartlyRead(errors, partial);
        } catch (IOException | RuntimeException again) {
            return JsonErrors.translate(e); // re-reading must never turn a 400 into a 500
        }
    }

    private JsonDeserializer<Object> rootDeserializer(JavaType type) throws JsonMappingException {
        return context(null).findRootValueDeserializer(type);
    }

    private DefaultDeserializationContext context(JsonParser parser) {
        DefaultDeserializationContext blueprint = (DefaultDeserializationContext) mapper.getDeserializationContext();
        return blueprint.createInstance(mapper.getDeserializationConfig(), parser, mapper.getInjectableValues());
    }

    /** Reads each property of {@code object}, adding each problem under {@code prefix}; what read is returned. */
    private PartlyRead.Partial read(Shape shape, ObjectNode object, String prefix, Map<String, List<String>> errors)
            throws JsonMappingException {
        Map<String, Object> read = new LinkedHashMap<>();
        for (Property property : shape.properties()) {
            String path = join(prefix, property.json());
            JsonNode node = property.find(object);
            if (node == null) {
                if (property.bean().isRequired()) {
                    add(errors, path, REQUIRED);
                }
                continue;
            }
            int before = errors.size();
            Object value = property(property, node, path, errors);
            if (errors.size() == before || partly(value)) {
                read.put(property.java(), value);
            }
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (shape.failOnUnknown() && !shape.known().contains(name) && !shape.ignored().contains(name)) {
                add(errors, join(prefix, name), UNKNOWN);
            }
        }
        return new PartlyRead.Partial(shape.type(), read);
    }

    /**
     * One property's value. A record in it (itself, in an {@code Optional} or {@code Omittable}, or the items of a
     * list) is read field by field too, and what partly read is returned ({@link PartlyRead.Partial},
     * {@link PartlyRead.PartialItems}) when something in it failed.
     */
    private Object property(Property property, JsonNode node, String path, Map<String, List<String>> errors)
            throws JsonMappingException {
        int before = errors.size();
        Shape nested = property.nested() != null ? shape(property.nested())
                : property.content() != null ? shape(rootDeserializer(property.content())) : null;
        if (nested != null && node instanceof ObjectNode object && !property.items()) {
            PartlyRead.Partial partial = read(nested, object, path, errors);
            if (errors.size() > before) {
                return partial;
            }
        } else if (nested != null && node instanceof ArrayNode array && property.items()) {
            PartlyRead.PartialItems items = items(nested, property.content(), array, path, errors);
            if (errors.size() > before) {
                return items;
            }
        }
        return convert(node, path, errors, (parser, context) -> property.bean().deserialize(parser, context));
    }

    /** Whether {@code value} is what partly read of a record or list of records, kept though it failed. */
    private static boolean partly(Object value) {
        return value instanceof PartlyRead.Partial || value instanceof PartlyRead.PartialItems;
    }

    /** Each item of a list of records, read field by field when it is an object. */
    private PartlyRead.PartialItems items(Shape shape, JavaType item, ArrayNode array, String path,
                                          Map<String, List<String>> errors) throws JsonMappingException {
        JsonDeserializer<Object> deserializer = rootDeserializer(item);
        Map<Integer, Object> read = new LinkedHashMap<>();
        for (int i = 0; i < array.size(); i++) {
            String at = join(path, Integer.toString(i));
            int before = errors.size();
            Object value = array.get(i) instanceof ObjectNode object ? read(shape, object, at, errors) : null;
            if (errors.size() == before) {
                value = convert(array.get(i), at, errors, deserializer::deserialize);
            }
            if (errors.size() == before || value instanceof PartlyRead.Partial) {
                read.put(i, value);
            }
        }
        return new PartlyRead.PartialItems(read);
    }

    /** Reads one value with {@code reader}; null with the problem added under {@code path} when it fails. */
    private Object convert(JsonNode node, String path, Map<String, List<String>> errors, Reader reader) {
        try (JsonParser parser = mapper.treeAsTokens(node)) {
            parser.nextToken();
            return reader.read(parser, context(parser));
        } catch (JsonMappingException e) {
            add(errors, JsonErrors.path(e, path), JsonErrors.message(e));
        } catch (IOException | RuntimeException e) {
            add(errors, path, "Invalid value.");
        }
        return null;
    }

    @FunctionalInterface
    private interface Reader {
        Object read(JsonParser parser, DefaultDeserializationContext context) throws IOException;
    }

    private Shape shape(JsonDeserializer<?> deserializer) {
        if (!(deserializer instanceof BeanDeserializerBase bean) || !bean.handledType().isRecord()) {
            return null;
        }
        return shapes.computeIfAbsent(bean, d -> Shape.of(mapper.getDeserializationConfig(), bean));
    }

    private static void add(Map<String, List<String>> errors, String path, String message) {
        errors.computeIfAbsent(path, k -> new ArrayList<>(1)).add(message);
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    /** A record's properties as its deserializer reads them, and what it does with names it does not know. */
    private record Shape(Class<?> type, List<Property> properties, Set<String> known, Set<String> ignored,
                         boolean failOnUnknown) {

        static Shape of(DeserializationConfig config, BeanDeserializerBase bean) {
            Class<?> type = bean.handledType();
            BeanDescription description = config.introspect(config.constructType(type));
            Map<String, String> javaNames = new HashMap<>();
            for (BeanPropertyDefinition definition : description.findProperties()) {
                javaNames.put(definition.getName(), definition.getInternalName());
            }
            Map<String, Property> properties = new LinkedHashMap<>();
            for (Iterator<SettableBeanProperty> it = bean.creatorProperties(); it.hasNext(); ) {
                add(config, properties, it.next(), javaNames);
            }
            for (Iterator<SettableBeanProperty> it = bean.properties(); it.hasNext(); ) {
                add(config, properties, it.next(), javaNames);
            }
            Set<String> known = new HashSet<>();
            for (Property property : properties.values()) {
                known.add(property.json());
                known.addAll(property.aliases());
            }
            JsonIgnoreProperties.Value ignorals = config.getDefaultPropertyIgnorals(type, description.getClassInfo());
            Set<String> ignored = new HashSet<>(ignorals.findIgnoredForDeserialization());
            ignored.addAll(description.getIgnoredPropertyNames());
            boolean failOnUnknown = config.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    && !ignorals.getIgnoreUnknown();
            return new Shape(type, List.copyOf(properties.values()), Set.copyOf(known),
                    Set.copyOf(ignored), failOnUnknown);
        }

        private static void add(DeserializationConfig config, Map<String, Property> properties,
                                SettableBeanProperty bean, Map<String, String> javaNames) {
            if (properties.containsKey(bean.getName())) {
                return;
            }
            JsonDeserializer<Object> value = bean.getValueDeserializer();
            JsonDeserializer<?> nested = value instanceof BeanDeserializerBase b && b.handledType().isRecord()
                    ? b : null;
            JavaType type = bean.getType();
            boolean items = type.isCollectionLikeType();
            JavaType content = nested == null && (items || type.isReferenceType())
                    && type.getContentType().getRawClass().isRecord() ? type.getContentType() : null;
            List<String> aliases = new ArrayList<>();
            for (PropertyName alias : bean.findAliases(config)) {
                aliases.add(alias.getSimpleName());
            }
            properties.put(bean.getName(), new Property(bean.getName(), List.copyOf(aliases),
                    javaNames.getOrDefault(bean.getName(), bean.getName()), bean, nested, content,
                    content != null && items));
        }
    }

    /**
     * One property: its JSON name and aliases ({@code @JsonAlias}), its Java component name, how it is read, and a
     * record's deserializer if it is one, or the record type it holds ({@code Optional<Author>}) or lists
     * ({@code items}: {@code List<Comment>}).
     */
    private record Property(String json, List<String> aliases, String java, SettableBeanProperty bean,
                            JsonDeserializer<?> nested, JavaType content, boolean items) {

        /** Its value in {@code object}, under its name or an alias; null when not sent. */
        JsonNode find(ObjectNode object) {
            JsonNode node = object.get(json);
            for (int i = 0; node == null && i < aliases.size(); i++) {
                node = object.get(aliases.get(i));
            }
            return node;
        }
    }
}
