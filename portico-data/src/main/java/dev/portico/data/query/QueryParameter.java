package dev.portico.data.query;

/**
 * One query parameter a list endpoint understands, for its documentation (the OpenAPI generator lists them).
 *
 * @param name the parameter name, such as {@code salary__gte} or {@code page}
 * @param type the Java type of its value ({@code String} for comma-separated lists and free text)
 * @param description one sentence for the reader of the documentation
 */
public record QueryParameter(String name, Class<?> type, String description) {}
