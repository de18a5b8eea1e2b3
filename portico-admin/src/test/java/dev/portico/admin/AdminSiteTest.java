package dev.portico.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.data.DatabaseTest;
import dev.portico.data.TestDatabase;
import dev.portico.http.Response;
import dev.portico.testing.Bodies;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The admin site in-process, on H2 and PostgreSQL: sign-in, the list's search, filters, ordering and pages, the add
 * form's errors, the change form's version check, the delete confirmation with what goes with it, the audit log, and
 * escaping. Who may do what is {@link AdminAuthorisationTest}'s.
 */
class AdminSiteTest {
    private static final Pattern ID = Pattern.compile("/admin/articles/(\\d+)/change/");

    private static String text(Response r) {
        return Bodies.text(r);
    }

    private static WebClient staff(AdminTestApp t) {
        t.user("grace", true);
        WebClient web = new WebClient(t);
        Response login = web.adminLogin("grace");
        assertThat(login.status()).as(text(login)).isEqualTo(303);
        assertThat(login.headerValue("Location")).contains("/admin/");
        return web;
    }

    private static long add(WebClient web, String title, String body, boolean published, String publishOn) {
        web.get("/admin/articles/add/");
        Response r = web.post(
                "/admin/articles/add/",
                "csrf_token",
                web.lastToken,
                "title",
                title,
                "body",
                body,
                "published",
                published ? "on" : "",
                "publishOn",
                publishOn);
        assertThat(r.status()).as(text(r)).isEqualTo(303);
        Matcher m = ID.matcher(text(web.get("/admin/articles/?search="
                + java.net.URLEncoder.encode(title, java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    @DatabaseTest
    void addShowsErrorsBesideTheFieldsThenSavesAndLogs(TestDatabase db) {
        try (AdminTestApp t = AdminTestApp.create(db)) {
            WebClient web = staff(t);
            web.get("/admin/articles/add/");
            Response bad = web.post(
                    "/admin/articles/add/",
                    "csrf_token",
                    web.lastToken,
                    "title",
                    "  ",
                    "body",
                    "x",
                    "publishOn",
                    "31/12/2026");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(text(bad))
                    .contains(
                            "<input type=\"text\" id=\"id_title\"",
                            "maxlength=\"50\"",
                            "<textarea id=\"id_body\"",
                            "id=\"id_title_error\"",
                            "This field may not be blank.",
                            "id=\"id_publishOn_error\"",
                            "aria-invalid=\"true\"",
                            "Please correct the errors below.");
            long id = add(web, "First steps", "Hello", true, "2026-12-31");
            Response list = web.get("/admin/articles/");
            assertThat(text(list)).contains("First steps", "2026-12-31", "Yes");
            Response history = web.get("/admin/articles/" + id + "/history/");
            assertThat(text(history)).contains("grace", "added");
            assertThat(t.admin.endpoints()).isNotEmpty();
        }
    }

    /** A field's help is its description (the OpenAPI property's), then its constraint, read by screen readers. */
    @DatabaseTest
    void theFormsHelpIsTheFieldsDescription(TestDatabase db) {
        try (AdminTestApp t = AdminTestApp.create(db)) {
            String form = text(staff(t).get("/admin/articles/add/"));
            assertThat(form)
                    .contains("<p class=\"help\" id=\"id_title_help\">Shown in lists and page titles. "
                            + "At most 50 characters.</p>")
                    .contains("aria-describedby=\"id_title_help\"");
        }
    }

    @DatabaseTest
    void theListSearchesFiltersOrdersAndPages(TestDatabase db) {
        try (AdminTestApp t = AdminTestApp.create(db)) {
            WebClient web = staff(t);
            for (int i = 1; i <= 27; i++) {
                add(
                        web,
                        String.format("Note %02d", i),
                        i % 2 == 0 ? "even" : "odd",
                        i % 3 == 0,
                        "2026-01-" + String.format("%02d", i));
            }
            String searched = text(web.get("/admin/articles/?search=even&title__icontains=Note+1"));
            assertThat(searched).contains("Note 10", "Note 12", "Note 14").doesNotContain("Note 11", "Note 02");
            String published = text(web.get("/admin/articles/?published=true&ordering=title"));
            assertThat(published.indexOf("Note 03")).isPositive().isLessThan(published.indexOf("Note 06"));
            assertThat(published).doesNotContain("Note 04").contains("aria-sort=\"ascending\"");
            String dated = text(web.get("/admin/articles/?publish_on__gte=2026-01-20&publish_on__lte=2026-01-21"));
            assertThat(dated).contains("Note 20", "Note 21").doesNotContain("Note 19", "Note 22");
            String first = text(web.get("/admin/articles/?ordering=id"));
            assertThat(first)
                    .contains("Note 25")
                    .doesNotContain("Note 26")
                    .contains("aria-current=\"page\" class=\"current\">1");
            String second = text(web.get("/admin/articles/?ordering=id&page=2"));
            assertThat(second).contains("Note 26", "Note 27").doesNotContain("Note 25");
            Response bad = web.get("/admin/articles/?publish_on__gte=soon");
            assertThat(bad.status()).isEqualTo(200);
            assertThat(text(bad)).contains("class=\"notice error\"", "publish_on__gte");
        }
    }

    /** The link labelled {@code label} in the group {@code group} of the sidebar, as the browser reads its URL. */
    private static Matcher link(String page, String group, String label) {
        int at = page.indexOf("id=\"filter-" + group + "\"");
        Matcher m = Pattern.compile("<a href=\"([^\"]*)\"( aria-current=\"true\")?>" + label + "</a>")
                .matcher(page);
        assertThat(m.find(at)).as(group + " " + label).isTrue();
        return m;
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&#61;", "=").replace("&#39;", "'");
    }

    /** Django's sidebar: links, "All" first, the current one marked, the other parameters kept, the page dropped. */
    @DatabaseTest
    void theFiltersAreLinksThatKeepTheOtherParameters(TestDatabase db) {
        try (AdminTestApp t = AdminTestApp.create(db)) {
            WebClient web = staff(t);
            add(web, "Note out", "x", true, "2026-01-02");
            add(web, "Note in", "x", false, "");
            String page = text(web.get("/admin/articles/?search=Note&ordering=title&published=true&page=1"));
            assertThat(page).doesNotContain("Apply filters", "<select id=\"filter-", "type=\"date\"");
            Matcher all = link(page, "published", "All");
            assertThat(unescape(all.group(1))).isEqualTo("/admin/articles/?search=Note&ordering=title");
            assertThat(all.group(2)).isNull();
            Matcher yes = link(page, "published", "Yes");
            assertThat(unescape(yes.group(1))).isEqualTo("/admin/articles/?search=Note&ordering=title&published=true");
            assertThat(yes.group(2)).isNotNull();
            assertThat(unescape(link(page, "published", "No").group(1)))
                    .isEqualTo("/admin/articles/?search=Note&ordering=title&published=false");
            assertThat(unescape(link(page, "publish_on", "This year").group(1)))
                    .startsWith("/admin/articles/?search=Note&ordering=title&published=true&publish_on__gte=");
            assertThat(link(page, "publish_on", "Any date").group(2)).isNotNull();
            assertThat(page).doesNotContain("id=\"filter-title\"");
            assertThat(unescape(page))
                    .contains(
                            "<input type=\"hidden\" name=\"ordering\" value=\"title\">",
                            "<input type=\"hidden\" name=\"published\" value=\"true\">")
                    .doesNotContain("name=\"page\"");
            String filtered =
                    text(web.get(unescape(link(page, "published", "No").group(1))));
            assertThat(filtered).contains("Note in").doesNotContain(">Note out<");
            assertThat(link(filtered, "published", "No").group(2)).isNotNull();
        }
    }

    @DatabaseTest
    void aStaleChangeIsRefusedAndNothingIsOverwritten(TestDatabase db) {
        try (AdminTestApp t = AdminTestApp.create(db)) {
            WebClient web = staff(t);
            long id = add(web, "Shared", "v1", false, "");
            String path = "/admin/articles/" + id + "/change/";
            web.get(path);
            String firstTab = web.lastToken;
            Response saved = web.post(path, "csrf_token", firstTab, "version", "1", "title", "Shared", "body", "mine");
            assertThat(saved.status()).isEqualTo(303);
            Response stale =
                    web.post(path, "csrf_token", firstTab, "version", "1", "title", "Shared", "body", "theirs");
            assertThat(stale.status()).isEqualTo(409);
            assertThat(text(stale))
                    .contains(
                            "was changed by grace while you were editing it", "theirs", "name=\"version\" value=\"2\"");
            assertThat(text(web.get(path))).contains(">mine</textarea>");
            assertThat(text(web.get("/admin/articles/" + id + "/history/"))).contains("Changed body.");
        }
    }

    @DatabaseTest
    void deleteConfirmsListingWhatGoesWithItThenLogs(TestDatabase db) {
        try (AdminTestApp t = AdminTestApp.create(db)) {
            WebClient web = staff(t);
            long id = add(web, "Doomed", "x", false, "");
            t.comment(id, "one");
            t.comment(id, "two");
            Response confirm = web.get("/admin/articles/" + id + "/delete/");
            assertThat(text(confirm)).contains("Are you sure?", "Doomed", "2 comments (deleted with it)");
            Response deleted =
                    web.post("/admin/articles/" + id + "/delete/", "csrf_token", web.lastToken, "version", "1");
            assertThat(deleted.status()).isEqualTo(303);
            assertThat(web.get("/admin/articles/" + id + "/change/").status()).isEqualTo(404);
            long comments = t.db.jdbi()
                    .withHandle(h -> h.createQuery("select count(*) from comments")
                            .mapTo(Long.class)
                            .one());
            assertThat(comments).isZero();
            List<LogEntry> log =
                    new AuditLog(t.db.jdbi(), java.time.Clock.systemUTC()).history("articles", String.valueOf(id));
            assertThat(log).extracting(LogEntry::action).containsExactly(LogEntry.ADDED, LogEntry.DELETED);
            assertThat(log).allSatisfy(e -> assertThat(e.username()).isEqualTo("grace"));
            assertThat(text(web.get("/admin/"))).contains("Doomed", "deleted");
        }
    }

    @DatabaseTest
    void bulkDeleteAsksFirstThenDeletesTheTickedRows(TestDatabase db) {
        try (AdminTestApp t = AdminTestApp.create(db)) {
            WebClient web = staff(t);
            long a = add(web, "Alpha", "x", false, "");
            long b = add(web, "Beta", "x", false, "");
            long c = add(web, "Gamma", "x", false, "");
            web.get("/admin/articles/");
            Response confirm = web.post(
                    "/admin/articles/",
                    "csrf_token",
                    web.lastToken,
                    "action",
                    "delete",
                    "selected",
                    String.valueOf(a),
                    "selected",
                    String.valueOf(b));
            assertThat(confirm.status()).isEqualTo(200);
            assertThat(text(confirm))
                    .contains("Delete 2 articles", "Alpha", "Beta")
                    .doesNotContain("Gamma");
            assertThat(text(web.get("/admin/articles/"))).contains("Alpha");
            web.get("/admin/articles/");
            Response done = web.post(
                    "/admin/articles/",
                    "csrf_token",
                    web.lastToken,
                    "action",
                    "delete",
                    "confirm",
                    "yes",
                    "selected",
                    String.valueOf(a),
                    "selected",
                    String.valueOf(b),
                    "version",
                    "1",
                    "version",
                    "1");
            assertThat(done.status()).isEqualTo(303);
            String list = text(web.get("/admin/articles/"));
            assertThat(list).contains("Gamma").doesNotContain(">Alpha<", ">Beta<");
            assertThat(c).isPositive();
        }
    }

    @DatabaseTest
    void aBulkDeleteWithOneRowChangedSinceTheConfirmationDeletesNone(TestDatabase db) {
        try (AdminTestApp t = AdminTestApp.create(db)) {
            WebClient web = staff(t);
            long a = add(web, "Alpha", "x", false, "");
            long b = add(web, "Beta", "x", false, "");
            web.get("/admin/articles/");
            // Beta's version is 1, the form says 0 (changed since it was shown): as Django's one query, all or nothing
            Response stale = web.post(
                    "/admin/articles/",
                    "csrf_token",
                    web.lastToken,
                    "action",
                    "delete",
                    "confirm",
                    "yes",
                    "selected",
                    String.valueOf(a),
                    "selected",
                    String.valueOf(b),
                    "version",
                    "1",
                    "version",
                    "0");
            assertThat(stale.status()).isEqualTo(409);
            assertThat(text(stale)).contains("none was deleted");
            assertThat(text(web.get("/admin/articles/"))).contains(">Alpha<", ">Beta<");
            assertThat(text(web.get("/admin/articles/" + a + "/history/"))).doesNotContain("Deleted.");

            web.get("/admin/articles/");
            Response done = web.post(
                    "/admin/articles/",
                    "csrf_token",
                    web.lastToken,
                    "action",
                    "delete",
                    "confirm",
                    "yes",
                    "selected",
                    String.valueOf(a),
                    "selected",
                    String.valueOf(b),
                    "version",
                    "1",
                    "version",
                    "1");
            assertThat(done.status()).isEqualTo(303);
            assertThat(java.net.URLDecoder.decode(
                            done.headerValue("Location").orElseThrow(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("Deleted 2 articles.");
            assertThat(text(web.get("/admin/articles/"))).doesNotContain(">Alpha<", ">Beta<");
        }
    }

    @DatabaseTest
    void everyValueIsEscaped(TestDatabase db) {
        try (AdminTestApp t = AdminTestApp.create(db)) {
            WebClient web = staff(t);
            String evil = "<script>x</script>\"'&";
            long id = add(web, evil, evil, false, "");
            for (String path : List.of(
                    "/admin/",
                    "/admin/articles/",
                    "/admin/articles/" + id + "/change/",
                    "/admin/articles/" + id + "/delete/",
                    "/admin/articles/" + id + "/history/",
                    "/admin/articles/?search="
                            + java.net.URLEncoder.encode(evil, java.nio.charset.StandardCharsets.UTF_8))) {
                String page = text(web.get(path));
                assertThat(page).as(path).doesNotContain("<script>").contains("&lt;script&gt;x&lt;/script&gt;");
            }
        }
    }

    @DatabaseTest
    void pagesForbidFramingScriptsAndStorage(TestDatabase db) {
        try (AdminTestApp t = AdminTestApp.create(db)) {
            WebClient web = staff(t);
            for (String path : List.of("/admin/", "/admin/login/", "/admin/articles/", "/admin/articles/add/")) {
                Response r = web.get(path);
                assertThat(r.headerValue("X-Frame-Options")).as(path).contains("DENY");
                assertThat(r.headerValue("Content-Security-Policy").orElseThrow())
                        .as(path)
                        .contains("default-src 'none'", "frame-ancestors 'none'", "form-action 'self'")
                        .doesNotContain("script-src", "unsafe-inline");
                assertThat(r.headerValue("Cache-Control")).as(path).contains("no-store");
            }
        }
    }
}
