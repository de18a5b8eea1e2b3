package dev.portico.data.query;

import dev.portico.input.Scalars;

/**
 * One declared field: its public name (what clients write in filters and {@code ordering}: a model component's
 * wire name under {@code json.naming}), Java type, SQL column and the converter of its values.
 */
record FieldDef(String name, Class<?> type, String column, Scalars.Converter converter) {

    FieldDef(String name, Class<?> type, String column) {
        this(name, type, column, Scalars.converter(type));
    }

    /** The last segment of the column, which is how a result set labels it. */
    String label() {
        int dot = column.lastIndexOf('.');
        return dot < 0 ? column : column.substring(dot + 1);
    }
}
