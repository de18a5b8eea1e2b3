package dev.portico.data.query;

/**
 * One key of the ordering: {@code -created_at} is {@code (created_at, created_at, true)}.
 *
 * @param field the public field name
 * @param column its declared SQL column
 * @param descending whether the order is descending
 */
public record Order(String field, String column, boolean descending) {

    /** The same key in the opposite direction (walking a cursor backwards). */
    Order reversed() {
        return new Order(field, column, !descending);
    }
}
