package dev.portico.openapi;

import dev.portico.endpoint.Input;
import dev.portico.http.FileUpload;
import dev.portico.http.MediaType;
import dev.portico.input.Scalars;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Encoding;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The request body of an API method ({@link Input.Arguments}), in the two spellings the one decoder reads:
 * <ul>
 *   <li>form fields ({@code application/x-www-form-urlencoded}, or {@code multipart/form-data} when a file may be
 *   sent): one property per concrete dotted name, flattened as the decoder reads them ({@code filter.name_gt}), a
 *   list of single values as one repeated name ({@code encoding: explode}), and {@code x-portico-form: dotted-names}
 *   saying so. A list of records and a map have no concrete names ({@code people.0.name}, {@code scores.alice}
 *   depend on the value), and generators take a templated name such as {@code people.{n}.name} literally, so they
 *   are one property of JSON text under the bare name ({@code people=[{"name":"ada"}]}, which the decoder reads as
 *   the dotted names): a string with {@code contentMediaType: application/json} and, in 3.1, the
 *   {@code contentSchema} of the value; every generator can send a string;</li>
 *   <li>a JSON object with one property per argument.</li>
 * </ul>
 * A model sent by public id is a string in both. The constraints of the arguments and of the records' components
 * are stated as for bodies and parameters ({@code @Size(max = 50)} is {@code maxLength: 50}). Both are derived from the same {@code Input.Arguments} the
 * binder plans, so the document cannot drift from what is decoded.
 */
final class ArgumentSchemas {
    static final String FORM_EXTENSION = "x-portico-form";
    private static final String DESCRIPTION = "The arguments, by name: as form fields with seed 002's dotted names "
            + "(records `filter.name_gt`, lists `tags.0` or the name repeated, maps `scores.alice`, `name.` with an "
            + "empty value for an empty record, list or map), or as one JSON object. The query string may carry them "
            + "too, but it ends up in logs: send them in the body.";
    private static final String JSON_TEXT = " A list of records or a map has no fixed field names: send it as one "
            + "field of JSON text under its bare name (`people=[{\"name\":\"ada\"}]`, `scores={\"alice\":3}`), "
            + "which is read as the dotted names it stands for.";
    private static final int DEEPEST = 6;

    private final Schemas schemas;
    private final TypeSchemas types;

    ArgumentSchemas(Schemas schemas, TypeSchemas types) {
        this.schemas = schemas;
        this.types = types;
    }

    RequestBody requestBody(Input.Arguments arguments) {
        Content content = new Content();
        // the one decoder reads both form encodings whatever the arguments: both are documented (a file needs
        // multipart)
        io.swagger.v3.oas.models.media.MediaType form = form(arguments, false);
        content.addMediaType(MediaType.MULTIPART_FORM_DATA, form);
        content.addMediaType(MediaType.FORM_URLENCODED, form(arguments, true));
        boolean requiredFile =
                arguments.arguments().stream().anyMatch(a -> a.required() && Types.raw(a.type()) == FileUpload.class);
        if (!requiredFile) {
            content.addMediaType(
                    MediaType.APPLICATION_JSON, new io.swagger.v3.oas.models.media.MediaType().schema(json(arguments)));
        }
        boolean required = arguments.arguments().stream().anyMatch(Input.Argument::required);
        boolean jsonText = form.getEncoding() != null
                && form.getEncoding().values().stream()
                        .anyMatch(e -> MediaType.APPLICATION_JSON.equals(e.getContentType()));
        return new RequestBody()
                .required(required)
                .description(jsonText ? DESCRIPTION + JSON_TEXT : DESCRIPTION)
                .content(content);
    }

    private Schema<Object> json(Input.Arguments arguments) {
        Schema<Object> object = schemas.typed("object");
        for (Input.Argument argument : arguments.arguments()) {
            if (Types.raw(Types.unwrapOptional(argument.type())) == FileUpload.class) {
                continue; // a file comes in a multipart part only
            }
            Schema<Object> schema = constrained(argument.type(), argument.annotations(), arguments);
            if (!argument.required() && !Types.isOptional(Types.raw(argument.type()))) {
                schema = schemas.nullable(schema); // a @Nullable argument takes null, as a record's component does
            }
            object.addProperty(argument.name(), schema);
            if (argument.required()) {
                object.addRequiredItem(argument.name());
            }
        }
        object.additionalProperties(false);
        return object;
    }

    /** The JSON schema of an argument or a component, stating its constraints ({@code @Size} and the like). */
    private Schema<Object> constrained(Type type, List<Annotation> annotations, Input.Arguments arguments) {
        if (Types.isOptional(Types.raw(type))) {
            return schemas.nullable(constrained(Types.argument(type, 0), annotations, arguments));
        }
        Schema<Object> schema = value(type, arguments);
        Constraints.apply(schemas, schema, annotations);
        return schema;
    }

    /** The JSON schema of a value, with models as their public id. */
    private Schema<Object> value(Type type, Input.Arguments arguments) {
        Class<?> raw = Types.raw(type);
        if (Types.isOptional(raw)) {
            return schemas.nullable(value(Types.argument(type, 0), arguments));
        }
        if (arguments.resolver(raw).isPresent()) {
            return model(raw);
        }
        if (List.class.isAssignableFrom(raw)) {
            return schemas.typed("array").items(value(Types.argument(type, 0), arguments));
        }
        if (Map.class.isAssignableFrom(raw)) {
            return schemas.typed("object").additionalProperties(value(Types.argument(type, 1), arguments));
        }
        return types.schema(type, TypeSchemas.Usage.REQUEST);
    }

    private Schema<Object> model(Class<?> type) {
        Schema<Object> id = schemas.typed("string").description("The public id of a " + type.getSimpleName() + ".");
        id.addExtension("x-portico-model", type.getSimpleName());
        return id;
    }

    /**
     * The form of a record body (a resource's), field for field as an API method's arguments: the same decoder reads
     * both, so their spellings (dotted names, {@code on}, epoch seconds, blank) are documented the same way.
     */
    io.swagger.v3.oas.models.media.MediaType recordForm(Class<?> record, String mediaType) {
        List<Input.Argument> fields = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            if (!dev.portico.input.Fields.readOnly(component)) {
                fields.add(new Input.Argument(
                        schemas.name(component),
                        component.getGenericType(),
                        dev.portico.input.Fields.required(component),
                        Constraints.of(component)));
            }
        }
        return form(new Input.Arguments(fields, List.of()), mediaType.equals(MediaType.FORM_URLENCODED));
    }

    /**
     * The form fields; {@code urlencoded} also spells an optional field blank: an emptied HTML field comes that way,
     * while a blank spelling in multipart would turn the field into a union that OpenAPI Generator's clients send as a
     * JSON part (the decoder still reads a blank part as not given).
     */
    private io.swagger.v3.oas.models.media.MediaType form(Input.Arguments arguments, boolean urlencoded) {
        Fields fields = new Fields(urlencoded);
        for (Input.Argument argument : arguments.arguments()) {
            fields.walk(
                    argument.name(),
                    argument.type(),
                    argument.required(),
                    argument.annotations(),
                    arguments,
                    new HashSet<>(),
                    0);
        }
        Schema<Object> object = schemas.typed("object");
        fields.properties.forEach(object::addProperty);
        fields.required.forEach(object::addRequiredItem);
        io.swagger.v3.oas.models.media.MediaType media = new io.swagger.v3.oas.models.media.MediaType().schema(object);
        fields.repeated.forEach(name -> media.addEncoding(
                name, new Encoding().style(Encoding.StyleEnum.FORM).explode(true)));
        fields.json.forEach(name -> media.addEncoding(name, new Encoding().contentType(MediaType.APPLICATION_JSON)));
        media.addExtension(FORM_EXTENSION, "dotted-names");
        return media;
    }

    /** The flattened form fields of the arguments, in order. */
    private final class Fields {
        final Map<String, Schema<Object>> properties = new LinkedHashMap<>();
        final List<String> required = new ArrayList<>();
        final List<String> repeated = new ArrayList<>();
        final List<String> json = new ArrayList<>();
        private final boolean blank;

        Fields(boolean blank) {
            this.blank = blank;
        }

        void walk(
                String name,
                Type type,
                boolean mandatory,
                List<Annotation> annotations,
                Input.Arguments arguments,
                Set<Class<?>> seen,
                int depth) {
            Class<?> raw = Types.raw(type);
            if (Types.isOptional(raw)) {
                walk(name, Types.argument(type, 0), false, annotations, arguments, seen, depth);
            } else if (single(raw, arguments)) {
                leaf(
                        name,
                        FormSpellings.of(schemas, raw, constrained(type, annotations, arguments), blank && !mandatory),
                        mandatory);
            } else if (List.class.isAssignableFrom(raw)) {
                Type item = Types.argument(type, 0);
                if (single(Types.raw(item), arguments)) {
                    Schema<Object> list = schemas.typed("array").items(value(item, arguments));
                    Constraints.apply(schemas, list, annotations);
                    leaf(name, list, false);
                    repeated.add(name);
                } else {
                    jsonText(
                            name,
                            type,
                            mandatory,
                            annotations,
                            arguments,
                            "a JSON array of items (" + name + ".0 and on as dotted names)");
                }
            } else if (Map.class.isAssignableFrom(raw)) {
                jsonText(
                        name,
                        type,
                        mandatory,
                        annotations,
                        arguments,
                        "a JSON object by key (" + name + ".<key> as dotted names)");
            } else if (raw.isRecord() && seen.add(raw) && depth < DEEPEST) {
                record(name, raw, mandatory, arguments, seen, depth);
                seen.remove(raw);
            } else {
                // a record inside itself: its fields have no end, so it is JSON text too
                jsonText(name, type, mandatory, annotations, arguments, "a JSON object");
            }
        }

        private void record(
                String name,
                Class<?> raw,
                boolean mandatory,
                Input.Arguments arguments,
                Set<Class<?>> seen,
                int depth) {
            List<RecordComponent> writable = new ArrayList<>();
            for (RecordComponent component : raw.getRecordComponents()) {
                if (!dev.portico.input.Fields.readOnly(component)) {
                    writable.add(component);
                }
            }
            if (writable.isEmpty() || writable.stream().noneMatch(dev.portico.input.Fields::required)) {
                Schema<Object> marker = schemas.typed("string")
                        .maxLength(0)
                        .description("The blank marker: sends " + "the " + raw.getSimpleName()
                                + " when none of its fields is.");
                leaf(name + ".", marker, mandatory && writable.isEmpty());
            }
            for (RecordComponent component : writable) {
                walk(
                        name + "." + schemas.name(component),
                        component.getGenericType(),
                        mandatory && dev.portico.input.Fields.required(component),
                        Constraints.of(component),
                        arguments,
                        seen,
                        depth + 1);
            }
        }

        /** A value without concrete dotted names, sent as one field of JSON text that the decoder expands. */
        private void jsonText(
                String name,
                Type type,
                boolean mandatory,
                List<Annotation> annotations,
                Input.Arguments arguments,
                String what) {
            Schema<Object> text = schemas.typed("string")
                    .contentMediaType(MediaType.APPLICATION_JSON)
                    .description("JSON text: " + what + ".");
            if (schemas.v31()) {
                text.contentSchema(constrained(type, annotations, arguments));
            }
            leaf(name, text, mandatory);
            json.add(name);
        }

        private void leaf(String name, Schema<Object> schema, boolean mandatory) {
            properties.put(name, schema);
            if (mandatory) {
                required.add(name);
            }
        }

        private boolean single(Class<?> raw, Input.Arguments arguments) {
            return Scalars.isSingleValue(raw)
                    || raw == FileUpload.class
                    || arguments.resolver(raw).isPresent();
        }
    }
}
