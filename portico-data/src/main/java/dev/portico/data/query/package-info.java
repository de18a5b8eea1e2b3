/**
 * The query language of list endpoints, as DRF and django-filter speak it: filters declared per resource
 * ({@code title__icontains=x}, {@code salary__gte=100}), {@code ordering}, {@code search} and three styles of
 * pagination (page number, limit/offset, cursor).
 *
 * <p>A {@link dev.portico.data.query.QuerySpec} is declared once per resource at startup; it parses each
 * request into a {@link dev.portico.data.query.Query} plan, reporting every bad parameter at once, and the
 * plan renders to SQL in which every value the client sent is a bound parameter. Column names come only from
 * the declaration, and are checked against an identifier allow-list when it is built, so no client text is
 * ever spliced into SQL. {@link dev.portico.data.query.Pager} runs the plan on a JDBC connection and shapes
 * the answer as {@link dev.portico.pagination.Page} or {@link dev.portico.data.query.CursorPage}.
 */
package dev.portico.data.query;
