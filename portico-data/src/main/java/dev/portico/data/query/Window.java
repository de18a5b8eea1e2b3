package dev.portico.data.query;

/**
 * The rows of one page-number or limit/offset page, known once the total count is.
 *
 * @param number the 1-based page number (0 for limit/offset)
 * @param limit the most rows to return
 * @param offset the rows to skip
 * @param count the total count of matching rows
 */
public record Window(long number, int limit, long offset, long count) {}
