package dev.portico.data.model;

import java.lang.invoke.MethodHandle;

/**
 * One component of a model record and its column.
 *
 * @param name the component name ({@code createdAt})
 * @param column its column ({@code created_at})
 * @param type its type, boxed ({@code Long} for {@code long})
 * @param index its position among the record's components, from 0
 * @param accessor the record's accessor, as {@code (T) -> Object}
 */
public record ModelField(String name, String column, Class<?> type, int index, MethodHandle accessor) {}
