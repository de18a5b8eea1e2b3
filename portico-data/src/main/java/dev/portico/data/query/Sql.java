package dev.portico.data.query;

import java.util.List;

/**
 * One SQL statement with {@code ?} placeholders and the values to bind to them, in order. The text holds only
 * declared identifiers and fixed keywords; every value that came from a client is in {@code binds}.
 *
 * @param text the statement
 * @param binds the values of its placeholders, in order
 */
public record Sql(String text, List<Object> binds) {

    /** A statement; {@code binds} is copied (it may hold no nulls). */
    public Sql {
        binds = List.copyOf(binds);
    }
}
