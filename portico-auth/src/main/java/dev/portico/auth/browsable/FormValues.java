package dev.portico.auth.browsable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.http.FormData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a form shows in its fields: the fields just submitted (a form sent back with its errors), the resource as the
 * GET answer shows it (PUT's current values), or nothing. Read by dotted name, as the form decoder reads them.
 */
interface FormValues {
    /** No values: an empty form. */
    FormValues NONE = new FormValues() {
        @Override
        public List<String> all(String path) {
            return List.of();
        }

        @Override
        public int items(String path) {
            return 0;
        }
    };

    /** Every value sent or held under {@code path}; a single value is a list of one. */
    List<String> all(String path);

    /** How many list items are under {@code path} ({@code path.0}, {@code path.1}...). */
    int items(String path);

    /** The first value under {@code path}. */
    default Optional<String> first(String path) {
        List<String> all = all(path);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** The fields a browser sent. */
    static FormValues of(FormData form) {
        return new FormValues() {
            @Override
            public List<String> all(String path) {
                return form.all(path);
            }

            @Override
            public int items(String path) {
                int n = 0;
                while (true) {
                    String prefix = path + "." + n;
                    if (form.fields().keySet().stream()
                            .noneMatch(k -> k.equals(prefix) || k.startsWith(prefix + "."))) {
                        return n;
                    }
                    n++;
                }
            }
        };
    }

    /** The values of a JSON object, such as the resource a GET answered. */
    static FormValues of(JsonNode json) {
        return new FormValues() {
            @Override
            public List<String> all(String path) {
                JsonNode node = at(path);
                List<String> values = new ArrayList<>();
                if (node == null || node.isNull() || node.isObject()) {
                    return values;
                }
                if (node.isArray()) {
                    node.forEach(item -> values.add(item.isValueNode() ? item.asText() : item.toString()));
                } else {
                    values.add(node.asText());
                }
                return values;
            }

            @Override
            public int items(String path) {
                JsonNode node = at(path);
                return node != null && node.isArray() ? node.size() : 0;
            }

            private JsonNode at(String path) {
                JsonNode node = json;
                for (String part : path.split("\\.")) {
                    if (node == null) {
                        return null;
                    }
                    node = node.isArray() && part.chars().allMatch(Character::isDigit)
                            ? node.get(Integer.parseInt(part))
                            : node.get(part);
                }
                return node;
            }
        };
    }
}
