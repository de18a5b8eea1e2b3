package dev.portico.openapi;

import java.util.Arrays;

/** The OpenAPI versions Portico writes: 3.1.0 by default, 3.0.3 for tools that do not read 3.1 yet. */
public enum SpecVersion {
    /** OpenAPI 3.1.0: JSON Schema 2020-12, {@code type: [string, "null"]} for nullable values. */
    V3_1("3.1.0"),
    /** OpenAPI 3.0.3: {@code nullable: true}, boolean {@code exclusiveMinimum}. */
    V3_0("3.0.3");

    private final String number;

    SpecVersion(String number) {
        this.number = number;
    }

    /** The version as the document's {@code openapi} field writes it. */
    public String number() {
        return number;
    }

    /** The version written {@code 3.1.0} or {@code 3.0.3} (also {@code 3.1}, {@code 3.0}). */
    public static SpecVersion parse(String text) {
        String t = text.trim();
        return Arrays.stream(values())
                .filter(v -> v.number.equals(t) || v.number.startsWith(t + "."))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "OpenAPI version '" + text + "' is not supported; use 3.1.0 or 3.0.3"));
    }
}
