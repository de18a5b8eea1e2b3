package dev.portico.data.query;

/**
 * One filter of a parsed query: {@code salary__gte=100} is {@code (salary__gte, salary, GTE, 100)}.
 *
 * @param parameter the query parameter it came from
 * @param column the declared SQL column it applies to
 * @param lookup the comparison
 * @param value the typed value: the field's type, a {@code List} of it for {@link Lookup#IN}, a
 *     {@code Boolean} for {@link Lookup#ISNULL}, the raw text for {@link Lookup#ICONTAINS}
 */
public record Condition(String parameter, String column, Lookup lookup, Object value) {}
