package dev.portico.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.auth.accounts.User;
import dev.portico.data.DatabaseTest;
import dev.portico.data.TestDatabase;
import dev.portico.http.Response;
import dev.portico.testing.Bodies;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit entry and the change it records are one transaction, on H2 and PostgreSQL: with the log's table out of
 * reach (renamed), every admin write fails and leaves the data as it was (add, change, delete, bulk delete and the
 * accounts' pages), where before a change could land with no entry.
 */
class AuditTransactionTest {
    private static final Pattern ID = Pattern.compile("/admin/articles/(\\d+)/change/");

    private static void breakLog(AdminTestApp t, boolean broken) {
        String from = broken ? "admin_log_entries" : "admin_log_entries_off";
        String to = broken ? "admin_log_entries_off" : "admin_log_entries";
        t.db.jdbi().useHandle(h -> h.execute("alter table " + from + " rename to " + to));
    }

    private static long articles(AdminTestApp t) {
        return t.db.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from articles")
                        .mapTo(Long.class)
                        .one());
    }

    private static String title(AdminTestApp t, long id) {
        return t.db.jdbi()
                .withHandle(h -> h.createQuery("select title from articles where id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .one());
    }

    private static long add(WebClient web, String title) {
        web.get("/admin/articles/add/");
        Response r = web.post("/admin/articles/add/", "csrf_token", web.lastToken, "title", title, "body", "x");
        assertThat(r.status()).as(Bodies.text(r)).isEqualTo(303);
        Matcher m = ID.matcher(Bodies.text(web.get("/admin/articles/?search=" + title)));
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static WebClient signIn(AdminTestApp t) {
        t.superuser("root");
        WebClient web = new WebClient(t);
        assertThat(web.adminLogin("root").status()).isEqualTo(303);
        return web;
    }

    @DatabaseTest
    void addChangeAndDeleteAreRolledBackWhenTheirEntryCannotBeWritten(TestDatabase db) {
        try (AdminTestApp t = AdminTestApp.create(db)) {
            WebClient web = signIn(t);
            long kept = add(web, "Kept");
            long other = add(web, "Other");
            web.get("/admin/articles/" + kept + "/change/");
            String token = web.lastToken;
            breakLog(t, true);
            Response added = web.post("/admin/articles/add/", "csrf_token", token, "title", "Lost", "body", "x");
            assertThat(added.status()).isEqualTo(500);
            assertThat(articles(t)).isEqualTo(2);
            Response changed = web.post(
                    "/admin/articles/" + kept + "/change/",
                    "csrf_token",
                    token,
                    "version",
                    "1",
                    "title",
                    "Renamed",
                    "body",
                    "x");
            assertThat(changed.status()).isEqualTo(500);
            assertThat(title(t, kept)).isEqualTo("Kept");
            Response deleted = web.post("/admin/articles/" + kept + "/delete/", "csrf_token", token, "version", "1");
            assertThat(deleted.status()).isEqualTo(500);
            Response bulk = web.post(
                    "/admin/articles/",
                    "csrf_token",
                    token,
                    "action",
                    "delete",
                    "confirm",
                    "yes",
                    "selected",
                    String.valueOf(kept),
                    "selected",
                    String.valueOf(other),
                    "version",
                    "1",
                    "version",
                    "1");
            assertThat(bulk.status()).isEqualTo(500);
            assertThat(articles(t)).isEqualTo(2);
            breakLog(t, false);
            Response saved = web.post(
                    "/admin/articles/" + kept + "/change/",
                    "csrf_token",
                    token,
                    "version",
                    "1",
                    "title",
                    "Renamed",
                    "body",
                    "x");
            assertThat(saved.status())
                    .as("the version did not move: nothing was written")
                    .isEqualTo(303);
        }
    }

    @DatabaseTest
    void theAccountsPagesChangesAreRolledBackWhenTheirEntryCannotBeWritten(TestDatabase db) {
        try (AdminTestApp t = AdminTestApp.create(db)) {
            t.accounts.roles().define("editor", Set.of("posts:write"));
            User ada = t.user("ada", false);
            WebClient web = signIn(t);
            String page = "/admin/users/" + ada.id() + "/";
            web.get(page);
            String token = web.lastToken;
            breakLog(t, true);
            assertThat(web.post(page, "csrf_token", token, "staff", "on", "roles", "editor")
                            .status())
                    .isEqualTo(500);
            assertThat(web.post(
                                    page + "password/",
                                    "csrf_token",
                                    token,
                                    "password1",
                                    "a much newer secret 42",
                                    "password2",
                                    "a much newer secret 42")
                            .status())
                    .isEqualTo(500);
            assertThat(web.post(page + "keys/", "csrf_token", token, "name", "laptop")
                            .status())
                    .isEqualTo(500);
            assertThat(web.post("/admin/roles/", "csrf_token", token, "name", "viewer", "scopes", "posts:read")
                            .status())
                    .isEqualTo(500);
            User after = t.accounts.users().find(ada.id()).orElseThrow();
            assertThat(after.active()).isTrue();
            assertThat(after.staff()).isFalse();
            assertThat(after.roles()).isEmpty();
            assertThat(t.accounts.users().authenticate("ada", AdminTestApp.PASSWORD))
                    .isPresent();
            assertThat(t.accounts.roles().find("viewer")).isEmpty();
            long keys = t.db.jdbi()
                    .withHandle(h -> h.createQuery("select count(*) from auth_api_keys")
                            .mapTo(Long.class)
                            .one());
            assertThat(keys).isZero();
        }
    }
}
