package dev.portico.data.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.portico.error.ApiException;
import dev.portico.error.NotFound;
import dev.portico.error.ValidationFailed;
import dev.portico.pagination.Page;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing and rendering, without a database: exact SQL and binds. */
class QueryTest {
    private static final QuerySpec PAGED =
            Posts.spec().pagination(Pagination.pageNumber(20, 100)).build();
    private static final QuerySpec CURSOR =
            Posts.spec().pagination(Pagination.cursor(10, 50)).build();

    private static Query parse(QuerySpec spec, String target) {
        return spec.parse(QueryInput.parse(target));
    }

    @Test
    void filtersRenderAsBoundConditionsAndTheOrderingEndsWithTheId() {
        Query q = parse(
                PAGED,
                "/posts?salary__gte=100.5&title__icontains=50%25_off&views__in=1,2,3"
                        + "&author__isnull=true&published=yes&created_on__lt=2024-01-05");
        Sql sql = q.select(q.window(200));
        assertThat(sql.text())
                .isEqualTo("SELECT * FROM posts WHERE salary >= ? AND LOWER(title) LIKE LOWER(?) ESCAPE '\\' AND views"
                        + " IN (?, ?, ?) AND author IS NULL AND published = ? AND created_on < ? ORDER BY"
                        + " created_on DESC NULLS FIRST, id ASC NULLS LAST LIMIT ? OFFSET ?");
        assertThat(sql.binds())
                .containsExactly(
                        new BigDecimal("100.5"), "%50\\%\\_off%", 1, 2, 3, true, LocalDate.of(2024, 1, 5), 20, 0L);
        assertThat(q.count().text())
                .isEqualTo("SELECT COUNT(*) FROM posts WHERE salary >= ?"
                        + " AND LOWER(title) LIKE LOWER(?) ESCAPE '\\' AND views IN (?, ?, ?) AND author IS NULL"
                        + " AND published = ? AND created_on < ?");
    }

    @Test
    void searchIsAnOrOverTheTextFieldsPerWordAndOrderingIsAllowListed() {
        Query q = parse(PAGED, "/posts?search=java,%20tea&ordering=title,-salary,title&page=2&page_size=5");
        Sql sql = q.select(q.window(30));
        assertThat(sql.text())
                .isEqualTo("SELECT * FROM posts WHERE (LOWER(title) LIKE LOWER(?) ESCAPE '\\' OR LOWER(content) LIKE"
                        + " LOWER(?) ESCAPE '\\') AND (LOWER(title) LIKE LOWER(?) ESCAPE '\\' OR LOWER(content)"
                        + " LIKE LOWER(?) ESCAPE '\\') ORDER BY title ASC NULLS LAST, salary DESC NULLS FIRST, id"
                        + " ASC NULLS LAST LIMIT ? OFFSET ?");
        assertThat(sql.binds()).containsExactly("%java%", "%java%", "%tea%", "%tea%", 5, 5L);
    }

    @Test
    void everyBadParameterIsReportedAtOnceUnderItsName() {
        ValidationFailed e = catchThrowableOfType(
                ValidationFailed.class,
                () -> parse(
                        PAGED,
                        "/posts?salary__gt=lots&views__in=1,x&published=maybe&created_on__gte=yesterday&titel=x"
                                + "&ordering=-(select 1)&author__isnull=perhaps"));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.errors())
                .containsExactly(
                        Map.entry("salary__gt", List.of("A valid number is required.")),
                        Map.entry("views__in", List.of("A valid integer is required.")),
                        Map.entry("published", List.of("Must be a valid boolean.")),
                        Map.entry("created_on__gte", List.of("Must be an ISO-8601 value.")),
                        Map.entry("titel", List.of("Unknown query parameter.")),
                        Map.entry("author__isnull", List.of("Must be a valid boolean.")),
                        Map.entry("ordering", List.of("\"(select 1)\" is not a field you can order by.")));
    }

    @Test
    void strictModeLetsThroughPaginationOrderingSearchAndAllowedParameters() {
        QuerySpec spec = Posts.spec().allow("format").build();
        assertThat(parse(spec, "/posts?page=1&page_size=3&ordering=title&search=a&format=json")
                        .conditions())
                .isEmpty();
        ValidationFailed e = catchThrowableOfType(ValidationFailed.class, () -> parse(spec, "/posts?limit=3&cursor=x"));
        assertThat(e.errors()).containsOnlyKeys("limit", "cursor");
        QuerySpec lenient = Posts.spec().strict(false).build();
        Query q = parse(lenient, "/posts?titel=x&ordering=password,title");
        assertThat(q.ordering()).extracting(Order::field).containsExactly("title", "id");
    }

    @Test
    void emptyValuesDoNotFilterAndInListsAreBounded() {
        assertThat(parse(PAGED, "/posts?title=&salary__gt=").conditions()).isEmpty();
        QuerySpec small = Posts.spec().maxInValues(3).maxSearchTerms(2).build();
        ValidationFailed e = catchThrowableOfType(
                ValidationFailed.class, () -> parse(small, "/posts?views__in=1,2,3,4&search=a b c"));
        assertThat(e.errors())
                .containsExactly(
                        Map.entry("views__in", List.of("Ensure this field has no more than 3 elements.")),
                        Map.entry("search", List.of("Ensure this field has no more than 2 words.")));
    }

    @Test
    void pageSizesAreClampedAndBadPagesAre404() {
        Query q = parse(PAGED, "/posts?page_size=100000");
        assertThat(q.page()).isEqualTo(new PageRequest.PageNumber(1, false, 100));
        assertThat(parse(PAGED, "/posts?page_size=abc").page()).isEqualTo(new PageRequest.PageNumber(1, false, 20));
        for (String page : List.of("0", "-1", "abc", "1.5", "99999999999")) {
            NotFound e = catchThrowableOfType(NotFound.class, () -> parse(PAGED, "/posts?page=" + page));
            assertThat(e.detail()).isEqualTo("Invalid page.");
            assertThat(e.code()).isEqualTo("not_found");
        }
        assertThat(catchThrowableOfType(
                                NotFound.class,
                                () -> parse(PAGED, "/posts?page=3").window(40))
                        .detail())
                .isEqualTo("Invalid page.");
        assertThat(parse(PAGED, "/posts").window(0)).isEqualTo(new Window(1, 20, 0, 0));
        assertThat(parse(PAGED, "/posts?page=last&page_size=7").window(15)).isEqualTo(new Window(3, 7, 14, 15));
        QuerySpec lo = Posts.spec().pagination(Pagination.limitOffset(10, 50)).build();
        assertThat(parse(lo, "/posts?limit=999&offset=-3").page()).isEqualTo(new PageRequest.LimitOffset(50, 0));
    }

    @Test
    void pageLinksReplaceThePageParameterAndKeepTheOthers() {
        Query q = parse(PAGED, "/posts?title__icontains=a%20b&page=2&page_size=5");
        Page<String> page = q.page(List.of("x"), q.window(30), Posts.BASE);
        assertThat(page.next()).isEqualTo("https://api.example.com/posts?title__icontains=a%20b&page_size=5&page=3");
        assertThat(page.previous()).isEqualTo("https://api.example.com/posts?title__icontains=a%20b&page_size=5");
        QuerySpec lo = Posts.spec().pagination(Pagination.limitOffset(10, 50)).build();
        Query l = parse(lo, "/posts?offset=15&limit=10");
        Page<String> lp = l.page(List.of(), l.window(30), Posts.BASE);
        assertThat(lp.next()).isEqualTo("https://api.example.com/posts?limit=10&offset=25");
        assertThat(lp.previous()).isEqualTo("https://api.example.com/posts?limit=10&offset=5");
    }

    @Test
    void cursorsAreKeysetConditionsAndATamperedCursorIsInvalid() {
        String cursor = CursorCodec.encode(true, "-created_on,id", List.of(LocalDate.of(2024, 1, 3), 7L));
        Query q = parse(CURSOR, "/posts?cursor=" + cursor);
        Sql sql = q.cursorSelect();
        assertThat(sql.text())
                .isEqualTo("SELECT * FROM posts WHERE ((created_on < ?) OR (created_on = ? AND id > ?))"
                        + " ORDER BY created_on DESC NULLS FIRST, id ASC NULLS LAST LIMIT ?");
        assertThat(sql.binds()).containsExactly(LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 3), 7L, 11);
        String back = CursorCodec.encode(false, "-created_on,id", List.of(LocalDate.of(2024, 1, 3), 7L));
        assertThat(parse(CURSOR, "/posts?cursor=" + back).cursorSelect().text())
                .isEqualTo("SELECT * FROM posts WHERE"
                        + " ((created_on > ?) OR (created_on = ? AND id < ?))"
                        + " ORDER BY created_on ASC NULLS LAST, id DESC NULLS FIRST LIMIT ?");
        String otherOrdering = CursorCodec.encode(true, "title,id", List.of("a", 7L));
        String badValue = CursorCodec.encode(true, "-created_on,id", List.of("not a date", 7L));
        for (String bad : List.of(
                "garbage!", "AAAA", cursor.substring(0, cursor.length() - 3), otherOrdering, badValue, cursor + "AA")) {
            ApiException e = catchThrowableOfType(ApiException.class, () -> parse(CURSOR, "/posts?cursor=" + bad));
            assertThat(e.status()).as(bad).isEqualTo(404);
            assertThat(e.detail()).isEqualTo("Invalid cursor.");
        }
    }
}
