package dev.portico.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.error.ApiException;
import dev.portico.error.BoundedErrors;
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
 * stops at the first missing or mistyped field, so the object is parsed again, its unknown fields reported and
 * skipped as they stream by (at most {@code limits.error-entries} named, the rest counted), then read one
 * property at a time, with the
 * record deserializer's own properties (their JSON names, naming strategy included, their required and null
 * rules, their contextual deserializers). What reads goes into a {@link PartlyRead.Partial} for the validation
 * stage to check. Runs only after a read failed; each record type's properties are looked up once, then kept.
 */
public final class FieldByField {
    private static final String REQUIRED = "This field is required.";
    private static final String UNKNOWN = "Unknown field.";

    private final ObjectMapper mapper;
    private final ObjectReader values; // one value amid an object's: the tokens after it are the object's own
    private final JsonFactory parsers; // the mapper's limits, without interning: unknown names are not kept
    private final int maxErrors;
    private final Map<JsonDeserializer<?>, Shape> shapes = new ConcurrentHashMap<>();

    /**
     * Re-reads with {@code mapper}, the one that failed, naming at most {@code maxErrors} fields
     * ({@code limits.error-entries}); past them problems are only counted.
     */
    public FieldByField(ObjectMapper mapper, int maxErrors) {
        this.mapper = mapper;
        this.values = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.parsers = mapper.getFactory().copy().disable(JsonFactory.Feature.INTERN_FIELD_NAMES);
        this.maxErrors = maxErrors;
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
        try (JsonParser parser = parsers.createParser(body)) {
            // the first read found a problem already; remembering every name to spot a repeat would cost a set of
            // 800,000 names where the unknown ones are only counted
            parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            Shape shape = parser.nextToken() == JsonToken.START_OBJECT ? shape(rootDeserializer(type)) : null;
            if (shape == null) {
                return JsonErrors.translate(e);
            }
            BoundedErrors errors = new BoundedErrors(maxErrors);
            ObjectNode tree = prune(parser, shape, "", errors);
            if (parser.nextToken() != null) {
                return JsonErrors.translate(e); // trailing tokens after the object
            }
            PartlyRead.Partial partial = read(shape, tree, "", errors);
            // no field failed on its own: the record as a whole did (its constructor), as first reported
            return errors.isEmpty() ? JsonErrors.translate(e) : new PartlyRead(errors, partial);
        } catch (IOException | RuntimeException again) {
            return JsonErrors.translate(e); // re-reading must never turn a 400 into a 500
        }
    }

    /**
     * The object at {@code parser} as a tree of the properties {@code shape} reads, records in them pruned alike: an
     * unknown field is reported (only counted once {@code errors} is full) and skipped unread, never held, so a body
     * of 800,000 unknown fields is parsed once and costs a count, not a tree.
     */
    private ObjectNode prune(JsonParser parser, Shape shape, String prefix, BoundedErrors errors) throws IOException {
        ObjectNode object = mapper.getNodeFactory().objectNode();
        int unnamed = 0;
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            parser.nextToken();
            Property property = shape.named().get(name);
            if (property != null) {
                object.set(name, value(parser, property, join(prefix, property.json()), errors));
            } else {
                if (shape.failOnUnknown() && !shape.ignored().contains(name)) {
                    if (errors.full()) {
                        unnamed++; // no path built, nothing kept
                    } else {
                        errors.add(join(prefix, name), UNKNOWN);
                    }
                }
                parser.skipChildren();
            }
        }
        errors.omit(unnamed);
        return object;
    }

    /** A known property's value at {@code parser}: a record in it pruned, anything else read whole. */
    private JsonNode value(JsonParser parser, Property property, String path, BoundedErrors errors) throws IOException {
        Shape nested = property.nested() != null
                ? shape(property.nested())
                : property.content() != null ? shape(rootDeserializer(property.content())) : null;
        JsonToken token = parser.currentToken();
        if (nested != null && token == JsonToken.START_OBJECT && !property.items()) {
            return prune(parser, nested, path, errors);
        }
        if (nested != null && token == JsonToken.START_ARRAY && property.items()) {
            ArrayNode array = mapper.getNodeFactory().arrayNode();
            for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                String at = join(path, Integer.toString(array.size()));
                array.add(item == JsonToken.START_OBJECT ? prune(parser, nested, at, errors) : values.readTree(parser));
            }
            return array;
        }
        return values.readTree(parser);
    }

    private JsonDeserializer<Object> rootDeserializer(JavaType type) throws JsonMappingException {
        return context(null).findRootValueDeserializer(type);
    }

    private DefaultDeserializationContext context(JsonParser parser) {
        DefaultDeserializationContext blueprint = (DefaultDeserializationContext) mapper.getDeserializationContext();
        return blueprint.createInstance(mapper.getDeserializationConfig(), parser, mapper.getInjectableValues());
    }

    /** Reads each property of {@code object}, adding each problem under {@code prefix}; what read is returned. */
    private PartlyRead.Partial read(Shape shape, ObjectNode object, String prefix, BoundedErrors errors)
            throws JsonMappingException {
        Map<String, Object> read = new LinkedHashMap<>();
        for (Property property : shape.properties()) {
            String path = join(prefix, property.json());
            JsonNode node = property.find(object);
            if (node == null) {
                if (property.bean().isRequired()) {
                    errors.add(path, REQUIRED);
                }
                continue;
            }
            int before = errors.count();
            Object value = property(property, node, path, errors);
            if (errors.count() == before || partly(value)) {
                read.put(property.java(), value);
            }
        }
        return new PartlyRead.Partial(shape.type(), read); // unknown fields were reported while pruning
    }

    /**
     * One property's value. A record in it (itself, in an {@code Optional} or {@code Omittable}, or the items of a
     * list) is read field by field too, and what partly read is returned ({@link PartlyRead.Partial},
     * {@link PartlyRead.PartialItems}) when something in it failed.
     */
    private Object property(Property property, JsonNode node, String path, BoundedErrors errors)
            throws JsonMappingException {
        int before = errors.count();
        Shape nested = property.nested() != null
                ? shape(property.nested())
                : property.content() != null ? shape(rootDeserializer(property.content())) : null;
        if (nested != null && node instanceof ObjectNode object && !property.items()) {
            PartlyRead.Partial partial = read(nested, object, path, errors);
            if (errors.count() > before) {
                return partial;
            }
        } else if (nested != null && node instanceof ArrayNode array && property.items()) {
            PartlyRead.PartialItems items = items(nested, property.content(), array, path, errors);
            if (errors.count() > before) {
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
    private PartlyRead.PartialItems items(
            Shape shape, JavaType item, ArrayNode array, String path, BoundedErrors errors)
            throws JsonMappingException {
        JsonDeserializer<Object> deserializer = rootDeserializer(item);
        Map<Integer, Object> read = new LinkedHashMap<>();
        for (int i = 0; i < array.size(); i++) {
            String at = join(path, Integer.toString(i));
            int before = errors.count();
            Object value = array.get(i) instanceof ObjectNode object ? read(shape, object, at, errors) : null;
            if (errors.count() == before) {
                value = convert(array.get(i), at, errors, deserializer::deserialize);
            }
            if (errors.count() == before || value instanceof PartlyRead.Partial) {
                read.put(i, value);
            }
        }
        return new PartlyRead.PartialItems(read);
    }

    /** Reads one value with {@code reader}; null with the problem added under {@code path} when it fails. */
    private Object convert(JsonNode node, String path, BoundedErrors errors, Reader reader) {
        try (JsonParser parser = mapper.treeAsTokens(node)) {
            parser.nextToken();
            return reader.read(parser, context(parser));
        } catch (JsonMappingException e) {
            errors.add(JsonErrors.path(e, path), JsonErrors.message(e));
        } catch (IOException | RuntimeException e) {
            errors.add(path, "Invalid value.");
        }
        return null;
    }

    @FunctionalInterface
    private interface Reader {
        Object read(JsonParser parser, DefaultDeserializationContext context) throws IOException;
    }

    private Shape shape(JsonDeserializer<?> deserializer) {
        if (!(deserializer instanceof BeanDeserializerBase bean)
                || !bean.handledType().isRecord()) {
            return null;
        }
        return shapes.computeIfAbsent(bean, d -> Shape.of(mapper.getDeserializationConfig(), bean));
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    /** A record's properties as its deserializer reads them, and what it does with names it does not know. */
    private record Shape(
            Class<?> type,
            List<Property> properties,
            Map<String, Property> named,
            Set<String> ignored,
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
            Map<String, Property> named = new HashMap<>();
            for (Property property : properties.values()) {
                property.aliases().forEach(alias -> named.put(alias, property));
            }
            for (Property property : properties.values()) {
                named.put(property.json(), property); // a name wins over another property's alias
            }
            JsonIgnoreProperties.Value ignorals = config.getDefaultPropertyIgnorals(type, description.getClassInfo());
            Set<String> ignored = new HashSet<>(ignorals.findIgnoredForDeserialization());
            ignored.addAll(description.getIgnoredPropertyNames());
            boolean failOnUnknown =
                    config.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) && !ignorals.getIgnoreUnknown();
            return new Shape(
                    type, List.copyOf(properties.values()), Map.copyOf(named), Set.copyOf(ignored), failOnUnknown);
        }

        private static void add(
                DeserializationConfig config,
                Map<String, Property> properties,
                SettableBeanProperty bean,
                Map<String, String> javaNames) {
            if (properties.containsKey(bean.getName())) {
                return;
            }
            JsonDeserializer<Object> value = bean.getValueDeserializer();
            JsonDeserializer<?> nested =
                    value instanceof BeanDeserializerBase b && b.handledType().isRecord() ? b : null;
            JavaType type = bean.getType();
            boolean items = type.isCollectionLikeType();
            JavaType content = nested == null
                            && (items || type.isReferenceType())
                            && type.getContentType().getRawClass().isRecord()
                    ? type.getContentType()
                    : null;
            List<String> aliases = new ArrayList<>();
            for (PropertyName alias : bean.findAliases(config)) {
                aliases.add(alias.getSimpleName());
            }
            properties.put(
                    bean.getName(),
                    new Property(
                            bean.getName(),
                            List.copyOf(aliases),
                            javaNames.getOrDefault(bean.getName(), bean.getName()),
                            bean,
                            nested,
                            content,
                            content != null && items));
        }
    }

    /**
     * One property: its JSON name and aliases ({@code @JsonAlias}), its Java component name, how it is read, and a
     * record's deserializer if it is one, or the record type it holds ({@code Optional<Author>}) or lists
     * ({@code items}: {@code List<Comment>}).
     */
    private record Property(
            String json,
            List<String> aliases,
            String java,
            SettableBeanProperty bean,
            JsonDeserializer<?> nested,
            JavaType content,
            boolean items) {

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
