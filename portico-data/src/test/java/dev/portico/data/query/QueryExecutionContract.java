package dev.portico.data.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.portico.error.ApiException;
import dev.portico.pagination.Page;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The same behaviours run on each database: every lookup, ordering, search, pagination and the injection corpus. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QueryExecutionContract {
    static final QuerySpec PAGED =
            Posts.spec().pagination(Pagination.pageNumber(10, 20)).build();
    static final QuerySpec LIMITED =
            Posts.spec().pagination(Pagination.limitOffset(10, 20)).build();
    static final QuerySpec CURSOR =
            Posts.spec().pagination(Pagination.cursor(4, 20)).build();

    Connection connection;

    /** A connection to an empty schema of this class's own. */
    abstract Connection open() throws SQLException;

    /** Drops what {@link #open()} made. */
    abstract void close() throws SQLException;

    @BeforeAll
    void setUp() throws SQLException {
        connection = open();
        Posts.create(connection);
    }

    @AfterAll
    void tearDown() throws SQLException {
        if (connection != null) {
            close();
        }
    }

    Page<Long> page(QuerySpec spec, String target) throws SQLException {
        return Pager.page(connection, spec.parse(QueryInput.parse(target)), rs -> rs.getLong("id"), Posts.BASE);
    }

    CursorPage<Long> cursor(String target) throws SQLException {
        return Pager.cursorPage(connection, CURSOR.parse(QueryInput.parse(target)), rs -> rs.getLong("id"), Posts.BASE);
    }

    List<Long> ids(String query) throws SQLException {
        return page(PAGED, "/posts?page_size=20&ordering=id&" + query).results();
    }

    @Test
    void everyLookupSelectsTheRowsItSays() throws SQLException {
        assertThat(ids("title=Hello%20World")).containsExactly(1L);
        assertThat(ids("title__icontains=HELLO")).containsExactly(1L);
        assertThat(ids("title__in=Post%206,Post%207,nothing")).containsExactly(6L, 7L);
        assertThat(ids("salary=300")).containsExactly(3L);
        assertThat(ids("salary__gt=2300")).containsExactly(24L, 25L);
        assertThat(ids("salary__gte=2300")).containsExactly(23L, 24L, 25L);
        assertThat(ids("salary__lt=200.5")).containsExactly(1L, 2L);
        assertThat(ids("salary__lte=200")).containsExactly(1L, 2L);
        assertThat(ids("views__in=0&salary__lte=1500")).containsExactly(5L, 10L, 15L);
        assertThat(ids("views__gt=3&salary__lte=1000")).containsExactly(4L, 9L);
        assertThat(ids("published=true&salary__lte=600")).containsExactly(2L, 4L, 6L);
        assertThat(ids("created_on__gte=2024-01-10")).containsExactly(9L, 19L);
        assertThat(ids("created_on__lt=2024-01-02")).containsExactly(10L, 20L);
        assertThat(ids("author__isnull=true&salary__lte=1000")).containsExactly(3L, 6L, 9L);
        assertThat(ids("author__isnull=false&author=alice&salary__lte=1000")).containsExactly(2L, 4L, 8L, 10L);
    }

    @Test
    void icontainsTreatsLikeCharactersLiterally() throws SQLException {
        assertThat(ids("title__icontains=%25")).containsExactly(2L);
        assertThat(ids("title__icontains=_")).containsExactly(3L);
        assertThat(ids("title__icontains=%5C")).containsExactly(4L);
        assertThat(ids("title__icontains='")).containsExactly(5L);
    }

    @Test
    void orderingUsesDeclaredFieldsWithTheIdAsTiebreaker() throws SQLException {
        assertThat(page(PAGED, "/posts?page_size=4").results()).containsExactly(9L, 19L, 8L, 18L);
        assertThat(page(PAGED, "/posts?page_size=4&ordering=created_on,-salary").results())
                .containsExactly(20L, 10L, 21L, 11L);
        assertThat(page(PAGED, "/posts?page_size=3&ordering=-title").results()).containsExactly(3L, 4L, 9L);
    }

    @Test
    void searchNeedsEveryWordInSomeTextField() throws SQLException {
        assertThat(ids("search=JAVA%20content%202")).containsExactly(2L, 12L, 20L, 22L, 24L);
        assertThat(ids("search=hello,world")).containsExactly(1L);
        assertThat(ids("search=tea%20java")).isEmpty();
    }

    @Test
    void pageNumbersCountClampAndLinkWithTheOtherParametersKept() throws SQLException {
        Page<Long> first = page(PAGED, "/posts?ordering=id&published=false");
        assertThat(first.count()).isEqualTo(13);
        assertThat(first.results()).hasSize(10).startsWith(1L, 3L);
        assertThat(first.previous()).isNull();
        assertThat(first.next()).isEqualTo("https://api.example.com/posts?ordering=id&published=false&page=2");
        Page<Long> last = page(PAGED, "/posts?ordering=id&published=false&page=last");
        assertThat(last.results()).containsExactly(21L, 23L, 25L);
        assertThat(last.next()).isNull();
        assertThat(last.previous()).isEqualTo("https://api.example.com/posts?ordering=id&published=false");
        assertThat(page(PAGED, "/posts?page_size=1000").results()).hasSize(20);
        ApiException e = catchThrowableOfType(ApiException.class, () -> page(PAGED, "/posts?page=4"));
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.detail()).isEqualTo("Invalid page.");
        assertThat(page(PAGED, "/posts?title=none").results()).isEmpty();
    }

    @Test
    void limitOffsetPagesCountAndClamp() throws SQLException {
        Page<Long> p = page(LIMITED, "/posts?ordering=id&limit=5&offset=20");
        assertThat(p.count()).isEqualTo(25);
        assertThat(p.results()).containsExactly(21L, 22L, 23L, 24L, 25L);
        assertThat(p.next()).isNull();
        assertThat(p.previous()).isEqualTo("https://api.example.com/posts?ordering=id&limit=5&offset=15");
        assertThat(page(LIMITED, "/posts?limit=500").results()).hasSize(20);
        assertThat(page(LIMITED, "/posts?offset=500").results()).isEmpty();
    }

    @Test
    void cursorsWalkForwardAndBackOverEveryRowOnce() throws SQLException {
        List<Long> seen = new ArrayList<>();
        List<String> pages = new ArrayList<>();
        String url = "/posts?ordering=-created_on&author__isnull=false";
        CursorPage<Long> p = cursor(url);
        assertThat(p.previous()).isNull();
        while (true) {
            seen.addAll(p.results());
            pages.add(url);
            if (p.next() == null) {
                break;
            }
            url = p.next().substring("https://api.example.com".length());
            assertThat(url).contains("author__isnull=false");
            p = cursor(url);
        }
        List<Long> expected = page(PAGED, "/posts?page_size=20&ordering=-created_on&author__isnull=false")
                .results();
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).hasSize(5);
        assertThat(p.results()).containsExactly(expected.get(16));
        List<List<Long>> backwards = new ArrayList<>();
        CursorPage<Long> back = p;
        while (back.previous() != null) {
            back = cursor(back.previous().substring("https://api.example.com".length()));
            assertThat(back.next()).isNotNull();
            backwards.add(0, back.results());
        }
        assertThat(backwards)
                .containsExactly(
                        expected.subList(0, 4),
                        expected.subList(4, 8),
                        expected.subList(8, 12),
                        expected.subList(12, 16));
        assertThat(cursor(back.next().substring(23)).results()).containsExactlyElementsOf(expected.subList(4, 8));
        ApiException e = catchThrowableOfType(ApiException.class, () -> cursor("/posts?cursor=AAAAAA"));
        assertThat(e.detail()).isEqualTo("Invalid cursor.");
    }

    @Test
    void injectionThroughEveryParameterIsA4xxOrMatchesNothing() throws SQLException {
        List<String> corpus = List.of(
                "' OR 1=1--",
                "'; DROP TABLE posts;--",
                "1 OR 1=1",
                "-(select 1)",
                "(select 1)",
                "id; DROP TABLE posts",
                "title) OR (1=1",
                "\" OR \"\"=\"",
                "1' UNION SELECT password FROM posts--",
                "password",
                "-password",
                "created_on desc",
                "title,(CASE WHEN 1=1 THEN id END)",
                "1/0",
                "id--");
        List<String> parameters = new ArrayList<>(
                PAGED.parameters().stream().map(QueryParameter::name).toList());
        parameters.add("password");
        parameters.add("' OR 1=1--");
        for (String payload : corpus) {
            for (String parameter : parameters) {
                String target = "/posts?" + enc(parameter) + "=" + enc(payload);
                try {
                    Query q = PAGED.parse(QueryInput.parse(target));
                    assertThat(q.count().text()).doesNotContain(payload);
                    Page<Long> p = Pager.page(connection, q, rs -> rs.getLong("id"), Posts.BASE);
                    if (!parameter.equals("page_size")) {
                        assertThat(p.results()).as(target).isEmpty();
                    }
                } catch (ApiException e) {
                    assertThat(e.status()).as(target).isIn(400, 404);
                }
            }
            ApiException e = catchThrowableOfType(ApiException.class, () -> cursor("/posts?cursor=" + enc(payload)));
            assertThat(e.status()).isEqualTo(404);
        }
        assertThat(page(PAGED, "/posts").count()).isEqualTo(Posts.ROWS);
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM posts")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(Posts.ROWS);
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
