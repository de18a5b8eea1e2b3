package dev.portico.endpoint;

import dev.portico.form.FormDecoder;
import dev.portico.http.FileUpload;
import dev.portico.http.FormData;
import dev.portico.http.MediaType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The media types a body is read from when its declaration names none, as DRF's default parsers: JSON,
 * urlencoded and multipart forms for a record, List or Map the form decoder can read; multipart only when
 * the type holds a {@link FileUpload}; both forms for {@link FormData}; JSON for anything else.
 */
final class BodyMediaTypes {
    private static final List<String> ALL =
            List.of(MediaType.APPLICATION_JSON, MediaType.FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA);
    private static final List<String> FORMS = List.of(MediaType.FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA);

    private BodyMediaTypes() {}

    static List<String> defaults(Type type) {
        if (type == FormData.class) {
            return FORMS;
        }
        if (holdsFile(type, new HashSet<>())) {
            return List.of(MediaType.MULTIPART_FORM_DATA);
        }
        return FormDecoder.supports(type) ? ALL : List.of(MediaType.APPLICATION_JSON);
    }

    /** Whether a value of {@code type} may hold an uploaded file anywhere inside it. */
    static boolean holdsFile(Type type) {
        return holdsFile(type, new HashSet<>());
    }

    private static boolean holdsFile(Type type, Set<Type> seen) {
        if (!seen.add(type)) {
            return false;
        }
        if (type == FileUpload.class) {
            return true;
        }
        if (type instanceof ParameterizedType p) {
            for (Type argument : p.getActualTypeArguments()) {
                if (holdsFile(argument, seen)) {
                    return true;
                }
            }
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            for (RecordComponent component : c.getRecordComponents()) {
                if (holdsFile(component.getGenericType(), seen)) {
                    return true;
                }
            }
        }
        return false;
    }
}
