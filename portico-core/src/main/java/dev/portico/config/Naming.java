package dev.portico.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.PropertyNamingStrategy;
import java.lang.reflect.RecordComponent;

/**
 * The one rule that turns a Java name ({@code createdAt}) into the name clients send and read
 * ({@code created_at}), set once per application by the {@code json.naming} setting. JSON (through the mapper's
 * naming strategy), forms, query parameters, filters, ordering, the OpenAPI document, the OPTIONS metadata and the
 * browsable and admin forms all ask here, so the wire speaks one scheme and no record needs {@code @JsonProperty}.
 * An explicit {@code @JsonProperty("name")} still wins, everywhere.
 * <pre>{@code
 * Naming.SNAKE_CASE.wireName("publishDate");   // "publish_date", as DRF writes it
 * Naming.CAMEL_CASE.wireName("publishDate");   // "publishDate", the Java name as it is
 * }</pre>
 * The translation is Jackson's own ({@link PropertyNamingStrategies#SNAKE_CASE}), so a name the mapper writes is
 * the name every other part of Portico derives.
 */
public enum Naming {
    /** {@code created_at}: what DRF users write and read, and what the archetype's projects use. */
    SNAKE_CASE((PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE),
    /** {@code createdAt}: the Java name unchanged; the default, so existing applications keep their wire format. */
    CAMEL_CASE(null);

    private final PropertyNamingStrategies.NamingBase strategy; // null: names unchanged

    Naming(PropertyNamingStrategies.NamingBase strategy) {
        this.strategy = strategy;
    }

    /** The wire name of a Java name that carries no {@code @JsonProperty}. */
    public String wireName(String javaName) {
        return strategy == null ? javaName : strategy.translate(javaName);
    }

    /**
     * The wire name of a record component: its {@code @JsonProperty} name when it has one (Java puts that
     * annotation on the accessor and the field of a record), else its own name under this rule.
     */
    public String wireName(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : wireName(component.getName());
    }

    /** Jackson's strategy for this rule, which the mapper is built with (explicit names are left alone). */
    public PropertyNamingStrategy strategy() {
        return strategy;
    }

    /**
     * The rule a mapper was built with: the mapper carries the application's naming to the parts that read with it
     * (body readers, forms, validation), so they cannot disagree with what it writes.
     */
    public static Naming of(ObjectMapper mapper) {
        PropertyNamingStrategy used = mapper.getPropertyNamingStrategy();
        for (Naming naming : values()) {
            if (naming.strategy == used) {
                return naming;
            }
        }
        throw new IllegalArgumentException(
                "the mapper names properties with " + used.getClass().getName()
                        + ", which no json.naming describes; build it with Json.mapper(limits, naming)");
    }
}
