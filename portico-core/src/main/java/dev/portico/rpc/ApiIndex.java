package dev.portico.rpc;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable index of an {@link Api}, served at {@code GET /api/_index} for dynamic clients: every module,
 * its methods, their arguments and result, each type described by {@link ApiIndexType}; records and enums are
 * described once, in {@link #records()} and {@link #enums()}, and referred to by name.
 *
 * @param prefix the path the methods are under ({@code /api/})
 * @param modules the modules, by name
 * @param records each record type by its name: its fields, in order
 * @param enums each enum type by its name: its constants, in order
 */
public record ApiIndex(
        String prefix,
        List<ApiIndexModule> modules,
        Map<String, List<ApiIndexField>> records,
        Map<String, List<String>> enums) {

    /**
     * One module.
     *
     * @param name its name ({@code home})
     * @param methods its methods, by name
     */
    public record ApiIndexModule(String name, List<ApiIndexMethod> methods) {}

    /**
     * One method.
     *
     * @param name its name in the module ({@code describe_user})
     * @param path where it is served ({@code /api/home/describe_user})
     * @param operationId its OpenAPI operationId, named so whatever {@code json.naming} says: portico-client reads it
     * @param caller whether it needs a caller: {@code required}, {@code optional} or {@code none}
     * @param arguments its arguments, in order
     * @param result the type of its JSON answer ({@code void} for none)
     */
    public record ApiIndexMethod(
            String name,
            String path,

            @com.fasterxml.jackson.annotation.JsonProperty("operationId")
            String operationId,

            String caller,
            List<ApiIndexField> arguments,
            ApiIndexType result) {}

    /**
     * A named, typed slot: an argument, or a record's field.
     *
     * @param name the name it is sent under
     * @param required whether it must be sent
     * @param type its type
     */
    public record ApiIndexField(String name, boolean required, ApiIndexType type) {}

    /**
     * A type: {@code kind} is one of {@code str}, {@code int}, {@code float}, {@code decimal}, {@code bool},
     * {@code bytes} (base64), {@code datetime} (epoch seconds in a form), {@code date}, {@code time},
     * {@code duration}, {@code uuid}, {@code enum}, {@code model} (by public id), {@code file}, {@code record},
     * {@code list}, {@code map}, {@code optional}, {@code any} or {@code void}.
     *
     * @param kind the kind
     * @param name the record, enum or model's name, when it is one
     * @param items the item type of a list, the value of an optional
     * @param key the key type of a map
     * @param value the value type of a map
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApiIndexType(String kind, String name, ApiIndexType items, ApiIndexType key, ApiIndexType value) {

        static ApiIndexType of(String kind) {
            return new ApiIndexType(kind, null, null, null, null);
        }

        static ApiIndexType named(String kind, String name) {
            return new ApiIndexType(kind, name, null, null, null);
        }
    }
}
