package dev.portico.openapi;

import dev.portico.config.Naming;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Makes schema objects for one OpenAPI version, so the rest of the generator never asks which version it
 * writes: 3.1 uses JSON Schema's type arrays and numeric {@code exclusiveMinimum}, 3.0 uses {@code nullable}
 * and boolean exclusives.
 */
final class Schemas {
    static final String COMPONENTS = "#/components/schemas/";

    private final SpecVersion version;
    private final boolean decimalsAsStrings;
    private final Naming naming;

    Schemas(SpecVersion version) {
        this(version, false, Naming.CAMEL_CASE);
    }

    /**
     * @param decimalsAsStrings {@code json.decimals-as-strings}: a BigDecimal is {@code type: string, format: decimal}
     * @param naming {@code json.naming}: the name a record component has in properties and parameters
     */
    Schemas(SpecVersion version, boolean decimalsAsStrings, Naming naming) {
        this.version = version;
        this.decimalsAsStrings = decimalsAsStrings;
        this.naming = naming;
    }

    /** The wire name of a record component, as the mapper writes it. */
    String name(java.lang.reflect.RecordComponent component) {
        return naming.wireName(component);
    }

    boolean decimalsAsStrings() {
        return decimalsAsStrings;
    }

    SpecVersion version() {
        return version;
    }

    boolean v31() {
        return version == SpecVersion.V3_1;
    }

    /** An empty schema: any value. */
    Schema<Object> any() {
        return v31() ? new JsonSchema() : new Schema<>();
    }

    /** A schema of one JSON type, such as {@code string}. */
    Schema<Object> typed(String type) {
        Schema<Object> schema = any();
        if (v31()) {
            schema.types(new LinkedHashSet<>(List.of(type)));
        } else {
            schema.type(type);
        }
        return schema;
    }

    /** A schema of one JSON type and a format. */
    Schema<Object> typed(String type, String format) {
        return typed(type).format(format);
    }

    /** A reference to a component. */
    Schema<Object> ref(String component) {
        Schema<Object> schema = any();
        schema.set$ref(COMPONENTS + component);
        return schema;
    }

    /** The JSON type of a schema made here, or null for a reference or an empty schema. */
    String type(Schema<?> schema) {
        if (v31()) {
            return schema.getTypes() == null || schema.getTypes().isEmpty()
                    ? null
                    : schema.getTypes().iterator().next();
        }
        return schema.getType();
    }

    /**
     * The schema, also admitting null: {@code type: [string, "null"]} in 3.1, {@code nullable: true} in 3.0.
     * A reference is wrapped in {@code oneOf} with null: the null type in 3.1; in 3.0, which has no null type,
     * {@code {type: string, nullable: true, enum: [null]}} (3.0.3's rule: a nullable enum lists null), since
     * {@code nullable} beside {@code allOf: [$ref]} is ignored by validators (the referenced schema still refuses
     * null) and is an error for linters without a {@code type}.
     */
    Schema<Object> nullable(Schema<Object> schema) {
        if (schema.get$ref() != null) {
            Schema<Object> wrapper = any();
            if (v31()) {
                wrapper.oneOf(List.of(schema, typed("null")));
            } else {
                Schema<Object> onlyNull = typed("string");
                onlyNull.nullable(true);
                java.util.List<Object> nullOnly = new java.util.ArrayList<>();
                nullOnly.add(null);
                onlyNull.setEnum(nullOnly);
                wrapper.oneOf(List.of(schema, onlyNull));
            }
            return wrapper;
        }
        if (v31()) {
            if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
                schema.addType("null");
            }
        } else if (schema.getType() != null) {
            schema.nullable(true);
        }
        return schema;
    }

    /** A lower bound, exclusive or not. */
    void minimum(Schema<?> schema, BigDecimal value, boolean exclusive) {
        if (!exclusive) {
            schema.minimum(value);
        } else if (v31()) {
            schema.exclusiveMinimumValue(value);
        } else {
            schema.minimum(value);
            schema.exclusiveMinimum(true);
        }
    }

    /** An upper bound, exclusive or not. */
    void maximum(Schema<?> schema, BigDecimal value, boolean exclusive) {
        if (!exclusive) {
            schema.maximum(value);
        } else if (v31()) {
            schema.exclusiveMaximumValue(value);
        } else {
            schema.maximum(value);
            schema.exclusiveMaximum(true);
        }
    }

    /** Uploaded file content: binary string; 3.1 also names the content's media type. */
    Schema<Object> binary() {
        Schema<Object> schema = typed("string", "binary");
        if (v31()) {
            schema.contentMediaType("application/octet-stream");
        }
        return schema;
    }

    /** Bytes in JSON, which Jackson writes as base64: {@code format: byte} (3.0) or {@code contentEncoding} (3.1). */
    Schema<Object> base64() {
        Schema<Object> schema = typed("string");
        if (v31()) {
            schema.contentEncoding("base64");
        } else {
            schema.format("byte");
        }
        return schema;
    }
}
