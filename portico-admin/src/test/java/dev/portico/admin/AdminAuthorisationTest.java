package dev.portico.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.data.DatabaseTest;
import dev.portico.data.TestDatabase;
import dev.portico.endpoint.Endpoint;
import dev.portico.http.HttpMethod;
import dev.portico.http.Response;
import dev.portico.testing.Bodies;
import java.util.List;

/**
 * Every endpoint of the admin, asked by an anonymous caller, by a signed-in user who is not staff, and by staff
 * without a CSRF token or from another origin: each is refused on the server, whatever the pages showed, and no row
 * changes. The list of endpoints is the admin's own, so an endpoint added later is covered too.
 */
class AdminAuthorisationTest {

    /** The admin's endpoints that act for staff (all but sign-in, sign-out and the stylesheet). */
    private static List<Endpoint> staffEndpoints(AdminTestApp t) {
        return t.admin.endpoints().stream()
                .filter(e -> !e.path().toString().matches("/admin/(login|logout)/"))
                .filter(e -> !e.path().toString().endsWith(".css"))
                .toList();
    }

    private static String concrete(Endpoint e, long id) {
        return e.path().toString().replace("{id:long}", String.valueOf(id));
    }

    private static long article(AdminTestApp t) {
        return t.db.jdbi()
                .withHandle(h -> h.createUpdate("insert into articles (title, body, created_at, updated_at, "
                                + "version) values ('Kept', 'x', current_timestamp, current_timestamp, 1)")
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one());
    }

    private static long count(AdminTestApp t) {
        return t.db.jdbi()
                .withHandle(
                        h -> h.createQuery("select count(*) from articles where title = 'Kept' and " + "version = 1")
                                .mapTo(Long.class)
                                .one());
    }

    private static Response call(WebClient web, Endpoint e, long id) {
        String path = concrete(e, id);
        return e.method() == HttpMethod.GET
                ? web.get(path)
                : web.post(
                        path,
                        "csrf_token",
                        web.lastToken,
                        "title",
                        "Hacked",
                        "body",
                        "x",
                        "version",
                        "1",
                        "selected",
                        String.valueOf(id),
                        "confirm",
                        "yes");
    }

    @DatabaseTest
    void anonymousCallersAreSentToSignInOrRefused(TestDatabase db) {
        try (AdminTestApp t = AdminTestApp.create(db)) {
            long id = article(t);
            WebClient web = new WebClient(t);
            web.get("/admin/login/");
            for (Endpoint e : staffEndpoints(t)) {
                Response r = call(web, e, id);
                if (e.method() == HttpMethod.GET) {
                    assertThat(r.status()).as(e.describe()).isEqualTo(303);
                    assertThat(r.headerValue("Location").orElseThrow())
                            .as(e.describe())
                            .startsWith("/admin/login/?next=");
                } else {
                    assertThat(r.status()).as(e.describe()).isEqualTo(403);
                }
            }
            assertThat(count(t)).isEqualTo(1);
        }
    }

    @DatabaseTest
    void signedInUsersWhoAreNotStaffAreRefusedEverywhere(TestDatabase db) {
        try (AdminTestApp t = AdminTestApp.create(db)) {
            long id = article(t);
            t.user("mallory", false);
            WebClient web = new WebClient(t).apiLogin("mallory");
            for (Endpoint e : staffEndpoints(t)) {
                Response r = call(web, e, id);
                assertThat(r.status()).as(e.describe()).isEqualTo(403);
                assertThat(Bodies.text(r))
                        .as(e.describe())
                        .contains("not a staff account")
                        .doesNotContain("Kept");
            }
            assertThat(count(t)).isEqualTo(1);
            Response login = new WebClient(t).adminLogin("mallory");
            assertThat(login.status()).isEqualTo(400);
            assertThat(Bodies.text(login)).contains(SignIn.REFUSED);
        }
    }

    @DatabaseTest
    void staffPostsWithoutTheTokenOrFromAnotherSiteAreRefused(TestDatabase db) {
        try (AdminTestApp t = AdminTestApp.create(db)) {
            long id = article(t);
            t.user("grace", true);
            WebClient web = new WebClient(t);
            assertThat(web.adminLogin("grace").status()).isEqualTo(303);
            for (Endpoint e : staffEndpoints(t)) {
                if (e.method() != HttpMethod.POST) {
                    continue;
                }
                String path = concrete(e, id);
                Response noToken = web.post(
                        path,
                        "title",
                        "Hacked",
                        "body",
                        "x",
                        "version",
                        "1",
                        "selected",
                        String.valueOf(id),
                        "confirm",
                        "yes");
                assertThat(noToken.status()).as(e.describe()).isEqualTo(403);
                assertThat(Bodies.text(noToken)).contains("CSRF");
                web.get("/admin/");
                Response forged = web.send(web.form(
                                path,
                                "csrf_token",
                                web.lastToken,
                                "title",
                                "Hacked",
                                "body",
                                "x",
                                "version",
                                "1",
                                "selected",
                                String.valueOf(id),
                                "confirm",
                                "yes")
                        .header("Origin", "https://evil.example"));
                assertThat(forged.status()).as(e.describe()).isEqualTo(403);
            }
            assertThat(count(t)).isEqualTo(1);
            Response loginWithoutToken =
                    new WebClient(t).post("/admin/login/", "username", "grace", "password", AdminTestApp.PASSWORD);
            assertThat(loginWithoutToken.status()).isEqualTo(403);
        }
    }

    @DatabaseTest
    void signInGoesBackOnlyToAnAdminPage(TestDatabase db) {
        try (AdminTestApp t = AdminTestApp.create(db)) {
            t.user("grace", true);
            WebClient web = new WebClient(t);
            web.get("/admin/login/");
            Response r = web.post(
                    "/admin/login/",
                    "csrf_token",
                    web.lastToken,
                    "username",
                    "grace",
                    "password",
                    AdminTestApp.PASSWORD,
                    "next",
                    "https://evil.example/");
            assertThat(r.headerValue("Location")).contains("/admin/");
            web.get("/admin/");
            Response out = web.post("/admin/logout/", "csrf_token", web.lastToken);
            assertThat(out.status()).isEqualTo(303);
            assertThat(web.get("/admin/").status()).isEqualTo(303);
        }
    }
}
