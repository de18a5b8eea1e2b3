package dev.portico.auth.browsable;

import dev.portico.metadata.FieldInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of one HTML form, flattened for the template: an input per single value, a fieldset around a nested
 * record or a list of records, with dotted names as the form decoder reads them ({@code author.name},
 * {@code tags.0.name}; a list of single values repeats its name). Each input has its label, help text, constraints,
 * current value and the errors the last answer gave under its name, linked with {@code aria-describedby}.
 */
final class FormFields {
    private final String formId;
    private final FormValues values;
    private final Map<String, List<String>> errors;
    private final List<Map<String, Object>> entries = new ArrayList<>();

    private FormFields(String formId, FormValues values, Map<String, List<String>> errors) {
        this.formId = formId;
        this.values = values;
        this.errors = errors;
    }

    /** The entries of a form of {@code fields}; the template opens and closes a fieldset where they say so. */
    static List<Map<String, Object>> of(
            String formId, List<FieldInfo> fields, FormValues values, Map<String, List<String>> errors) {
        FormFields form = new FormFields(formId, values, errors);
        fields.stream().filter(f -> !f.readOnly()).forEach(f -> form.add(f, f.name(), f.label()));
        return form.entries;
    }

    private void add(FieldInfo field, String path, String label) {
        switch (field.type()) {
            case "nested object" -> nested(field, path, label);
            case "list" -> list(field, path, label);
            default -> entries.add(Map.of("field", input(field, path, label)));
        }
    }

    private void nested(FieldInfo field, String path, String label) {
        if (field.children().isEmpty()) {
            entries.add(Map.of("field", note(field, path, label, "Send this field in the raw data tab.")));
            return;
        }
        open(path, label);
        field.children().stream().filter(c -> !c.readOnly()).forEach(c -> add(c, path + "." + c.name(), c.label()));
        entries.add(Map.of("end", true));
    }

    private void list(FieldInfo field, String path, String label) {
        FieldInfo item = field.child().orElseThrow();
        int count = Math.max(1, values.items(path));
        if (!item.type().equals("nested object")) {
            int sent = values.all(path).size();
            count = Math.max(sent, 0) + 1; // what was sent, and one more to add an item
            open(path, label);
            for (int i = 0; i < count; i++) {
                Map<String, Object> input = input(item, path, label + " " + (i + 1));
                input.put("id", id(path) + "-" + i);
                input.put("value", i < sent ? values.all(path).get(i) : "");
                input.put("optional", true);
                input.remove("required");
                if (input.remove("textarea") != null) {
                    input.put("text", true); // one line per item: the list is the several lines
                }
                entries.add(Map.of("field", input));
            }
            entries.add(Map.of("end", true));
            return;
        }
        open(path, label);
        for (int i = 0; i < count; i++) {
            add(item, path + "." + i, item.label() + " " + (i + 1));
        }
        entries.add(Map.of("end", true));
    }

    private void open(String path, String label) {
        Map<String, Object> set = new HashMap<>();
        set.put("legend", label);
        set.put("errors", errors.getOrDefault(path, List.of()));
        set.put("hasErrors", errors.containsKey(path));
        set.put("id", id(path));
        entries.add(Map.of("fieldset", set));
    }

    private Map<String, Object> note(FieldInfo field, String path, String label, String note) {
        Map<String, Object> input = base(field, path, label);
        input.put("note", note);
        return input;
    }

    private Map<String, Object> input(FieldInfo field, String path, String label) {
        Map<String, Object> input = base(field, path, label);
        Optional<String> value = values.first(path);
        input.put("value", value.orElse(""));
        switch (field.type()) {
            case "boolean" -> {
                input.put("checkbox", true);
                input.put(
                        "checked",
                        value.map(v -> v.equals("true") || v.equals("on")).orElse(false));
            }
            case "choice" -> {
                input.put("isSelect", true);
                input.put("options", options(field, value.orElse("")));
            }
            case "integer", "float", "decimal" -> {
                input.put("number", true);
                input.put("step", field.type().equals("integer") ? "1" : "any");
            }
            case "date" -> input.put("date", true);
            case "file upload" -> input.put("file", true);
            case "email" -> input.put("email", true);
            case "string" -> input.put(field.limits().maxLength().isPresent() ? "text" : "textarea", true);
            default -> input.put("text", true);
        }
        field.limits().maxLength().ifPresent(m -> input.put("maxlength", m));
        field.limits().minValue().ifPresent(m -> input.put("min", m));
        field.limits().maxValue().ifPresent(m -> input.put("max", m));
        if (field.type().equals("datetime")) {
            input.put("placeholder", "2026-01-31T09:30:00Z");
        }
        return input;
    }

    private Map<String, Object> base(FieldInfo field, String path, String label) {
        Map<String, Object> input = new HashMap<>();
        String id = id(path);
        List<String> messages = errors.getOrDefault(path, List.of());
        input.put("id", id);
        input.put("name", path);
        input.put("label", label);
        if (field.required()) {
            input.put("required", true);
        } else {
            input.put("optional", true);
        }
        String help = help(field);
        List<String> described = new ArrayList<>();
        if (!help.isEmpty()) {
            input.put("help", help);
            described.add(id + "-help");
        }
        if (!messages.isEmpty()) {
            input.put("errors", messages);
            input.put("invalid", true);
            described.add(id + "-errors");
        }
        input.put("describedBy", String.join(" ", described));
        return input;
    }

    /** The help text, then the constraints in words: "At most 50 characters." */
    static String help(FieldInfo field) {
        List<String> parts = new ArrayList<>();
        field.helpText().ifPresent(parts::add);
        field.limits().minLength().ifPresent(m -> parts.add("At least " + m + " characters."));
        field.limits().maxLength().ifPresent(m -> parts.add("At most " + m + " characters."));
        field.limits().minValue().ifPresent(m -> parts.add("At least " + m + "."));
        field.limits().maxValue().ifPresent(m -> parts.add("At most " + m + "."));
        switch (field.type()) {
            case "date" -> parts.add("A date, such as 2026-01-31.");
            case "datetime" -> parts.add("A date and time in ISO 8601, or seconds since the epoch.");
            case "field" -> parts.add("An id.");
            default -> {}
        }
        return String.join(" ", parts);
    }

    private static List<Map<String, Object>> options(FieldInfo field, String selected) {
        List<Map<String, Object>> options = new ArrayList<>();
        if (!field.required()) {
            options.add(Map.of("value", "", "label", "---------", "selected", selected.isEmpty()));
        }
        for (FieldInfo.Choice choice : field.choices()) {
            options.add(Map.of(
                    "value",
                    choice.value(),
                    "label",
                    choice.displayName(),
                    "selected",
                    choice.value().equals(selected)));
        }
        return options;
    }

    private String id(String path) {
        return formId + "-" + path.replace('.', '-');
    }
}
