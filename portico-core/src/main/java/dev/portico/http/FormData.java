package dev.portico.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of an HTML form body or query string, in order, each name with all its values, plus the files
 * of a {@code multipart/form-data} body. Bound as a body type as it is; {@link FormDecoder} turns it into a
 * typed value.
 */
public final class FormData {
    private final Map<String, List<String>> fields;
    private final Map<String, List<FileUpload>> files;

    private FormData(Map<String, List<String>> fields, Map<String, List<FileUpload>> files) {
        this.fields = fields;
        this.files = files;
    }

    /** A form from an ordered map of names to values. */
    public static FormData of(Map<String, List<String>> fields) {
        return of(fields, Map.of());
    }

    /** A form from ordered maps of names to values and names to uploaded files. */
    public static FormData of(Map<String, List<String>> fields, Map<String, List<FileUpload>> files) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        fields.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        Map<String, List<FileUpload>> fileCopy = new LinkedHashMap<>();
        files.forEach((name, uploads) -> fileCopy.put(name, List.copyOf(uploads)));
        return new FormData(Collections.unmodifiableMap(copy), Collections.unmodifiableMap(fileCopy));
    }

    /** Fields a parser collected, taken over without a copy: the parser must not touch the lists afterwards. */
    public static FormData build(LinkedHashMap<String, ArrayList<String>> fields) {
        return build(fields, new LinkedHashMap<>());
    }

    /** Fields and files a parser collected, taken over without a copy, as {@link #build(LinkedHashMap)}. */
    public static FormData build(
            LinkedHashMap<String, ArrayList<String>> fields, LinkedHashMap<String, ArrayList<FileUpload>> files) {
        Map<String, List<String>> view = new LinkedHashMap<>();
        fields.forEach((name, values) -> view.put(name, Collections.unmodifiableList(values)));
        Map<String, List<FileUpload>> fileView = new LinkedHashMap<>();
        files.forEach((name, uploads) -> fileView.put(name, Collections.unmodifiableList(uploads)));
        return new FormData(Collections.unmodifiableMap(view), Collections.unmodifiableMap(fileView));
    }

    /** This form less the fields named (a copy only when one of them is there): what is left for the endpoint. */
    public FormData without(java.util.Set<String> names) {
        boolean any = false;
        for (String name : names) {
            any |= fields.containsKey(name) || files.containsKey(name);
        }
        if (!any) {
            return this;
        }
        Map<String, List<String>> keptFields = new LinkedHashMap<>(fields);
        Map<String, List<FileUpload>> keptFiles = new LinkedHashMap<>(files);
        keptFields.keySet().removeAll(names);
        keptFiles.keySet().removeAll(names);
        return new FormData(Collections.unmodifiableMap(keptFields), Collections.unmodifiableMap(keptFiles));
    }

    /**
     * This form and {@code other} as one: the values of a name sent in both are this form's, then the other's
     * (the query string and the body of one call, say), so a single value sent in both is "sent more than once".
     */
    public FormData merge(FormData other) {
        if (other.fields.isEmpty() && other.files.isEmpty()) {
            return this;
        }
        if (fields.isEmpty() && files.isEmpty()) {
            return other;
        }
        Map<String, List<String>> mergedFields = new LinkedHashMap<>(fields);
        other.fields.forEach((name, values) -> mergedFields.merge(name, values, FormData::concat));
        Map<String, List<FileUpload>> mergedFiles = new LinkedHashMap<>(files);
        other.files.forEach((name, uploads) -> mergedFiles.merge(name, uploads, FormData::concat));
        return new FormData(Collections.unmodifiableMap(mergedFields), Collections.unmodifiableMap(mergedFiles));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return Collections.unmodifiableList(all);
    }

    /** The first value of a field. */
    public Optional<String> first(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every value of a field, in order; empty when absent. */
    public List<String> all(String name) {
        return fields.getOrDefault(name, List.of());
    }

    /** Every field, in order of first appearance. */
    public Map<String, List<String>> fields() {
        return fields;
    }

    /** The first file uploaded under a name. */
    public Optional<FileUpload> file(String name) {
        List<FileUpload> uploads = files.get(name);
        return uploads == null || uploads.isEmpty() ? Optional.empty() : Optional.of(uploads.get(0));
    }

    /** Every uploaded file, by field name, in order of first appearance; empty unless the body was multipart. */
    public Map<String, List<FileUpload>> files() {
        return files;
    }

    @Override
    public String toString() {
        return "FormData" + fields.keySet() + (files.isEmpty() ? "" : " files" + files.keySet());
    }
}
