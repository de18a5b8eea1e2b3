package dev.portico.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.auth.accounts.User;
import dev.portico.data.DatabaseTest;
import dev.portico.data.TestDatabase;
import dev.portico.http.Response;
import dev.portico.testing.Bodies;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The accounts' pages in-process, on H2 and PostgreSQL: only superusers reach them; a user is deactivated, made staff,
 * given and refused roles, given a new password and signed out everywhere; an API key is made (its secret shown in
 * that answer only) and revoked; a role is defined; every action is in the user's history.
 */
class AccountViewsTest {
    private static final Pattern SECRET = Pattern.compile("id=\"new-key\" readonly value=\"([^\"]+)\"");

    private static WebClient superuser(AdminTestApp t) {
        t.superuser("root");
        WebClient web = new WebClient(t);
        assertThat(web.adminLogin("root").status()).isEqualTo(303);
        return web;
    }

    @DatabaseTest
    void staffWhoAreNotSuperusersCannotManageAccounts(TestDatabase db) {
        try (AdminTestApp t = AdminTestApp.create(db)) {
            User ada = t.user("ada", false);
            t.user("grace", true);
            WebClient web = new WebClient(t);
            web.adminLogin("grace");
            for (String path : new String[] {"/admin/users/", "/admin/users/" + ada.id() + "/", "/admin/roles/"}) {
                Response r = web.get(path);
                assertThat(r.status()).as(path).isEqualTo(403);
                assertThat(Bodies.text(r)).contains("Only superusers");
            }
            web.get("/admin/");
            Response post = web.post(
                    "/admin/users/" + ada.id() + "/", "csrf_token", web.lastToken, "active", "on", "staff", "on");
            assertThat(post.status()).isEqualTo(403);
            assertThat(t.accounts.users().find(ada.id()).orElseThrow().staff()).isFalse();
            assertThat(Bodies.text(web.get("/admin/"))).doesNotContain("/admin/users/");
        }
    }

    /** More users than a page: the search and the pages are SQL's, and "_" or "%" match only themselves. */
    @DatabaseTest
    void theUserListSearchesAndPagesInSql(TestDatabase db) {
        try (AdminTestApp t = AdminTestApp.create(db)) {
            for (int i = 0; i < Registered.PAGE_SIZE + 5; i++) {
                t.user(String.format("reader%02d", i), false);
            }
            t.user("under_score", false);
            WebClient web = superuser(t);
            String first = Bodies.text(web.get("/admin/users/?search=READER"));
            assertThat(first)
                    .contains("Users, 30 in all", ">reader00</a>", ">reader24</a>")
                    .doesNotContain(">reader25</a>", ">root</a>", "under_score")
                    .contains("href=\"/admin/users/?search&#61;READER&amp;page&#61;2\"");
            String second = Bodies.text(web.get("/admin/users/?search=READER&page=2"));
            assertThat(second)
                    .contains(">reader25</a>", ">reader29</a>")
                    .doesNotContain(">reader24</a>")
                    .contains("<span aria-current=\"page\" class=\"current\">2</span>");
            assertThat(Bodies.text(web.get("/admin/users/?search=r_"))).contains("Users, 1 in all", ">under_score</a>");
            assertThat(Bodies.text(web.get("/admin/users/?search=%25"))).contains("Users, 0 in all");
            assertThat(t.accounts.users().search("", 0, 10)).hasSize(10);
            assertThat(t.accounts.users().count("")).isEqualTo(32);
        }
    }

    @DatabaseTest
    void aSuperuserChangesAUserAndEveryChangeIsLogged(TestDatabase db) {
        try (AdminTestApp t = AdminTestApp.create(db)) {
            t.accounts.roles().define("editor", Set.of("posts:write"));
            User ada = t.user("ada", false);
            WebClient web = superuser(t);
            String page = "/admin/users/" + ada.id() + "/";
            assertThat(Bodies.text(web.get("/admin/users/?search=ad")))
                    .contains(">ada</a>")
                    .doesNotContain(">root</a>");
            web.get(page);
            Response saved = web.post(page, "csrf_token", web.lastToken, "staff", "on", "roles", "editor");
            assertThat(saved.status()).isEqualTo(303);
            User changed = t.accounts.users().find(ada.id()).orElseThrow();
            assertThat(changed.active()).isFalse();
            assertThat(changed.staff()).isTrue();
            assertThat(changed.roles()).containsExactly("editor");
            web.get(page);
            Response mismatch = web.post(
                    page + "password/",
                    "csrf_token",
                    web.lastToken,
                    "password1",
                    "a long new " + "passphrase",
                    "password2",
                    "something else");
            assertThat(mismatch.status()).isEqualTo(400);
            assertThat(Bodies.text(mismatch)).contains("The two password fields didn’t match.");
            Response weak =
                    web.post(page + "password/", "csrf_token", web.lastToken, "password1", "123", "password2", "123");
            assertThat(weak.status()).isEqualTo(400);
            assertThat(Bodies.text(weak)).contains("id_password1_error");
            Response set = web.post(
                    page + "password/",
                    "csrf_token",
                    web.lastToken,
                    "password1",
                    "a long new passphrase",
                    "password2",
                    "a long new passphrase");
            assertThat(set.status()).isEqualTo(303);
            assertThat(t.accounts.users().checkPassword(ada.id(), "a long new passphrase"))
                    .isTrue();
            web.get(page);
            long epoch = t.accounts.users().find(ada.id()).orElseThrow().authEpoch();
            assertThat(web.post(page + "sessions/", "csrf_token", web.lastToken).status())
                    .isEqualTo(303);
            assertThat(t.accounts.users().find(ada.id()).orElseThrow().authEpoch())
                    .isGreaterThan(epoch);
            String history = Bodies.text(web.get(page + "history/"));
            assertThat(history)
                    .contains(
                            "Deactivated, made staff, given role editor.",
                            "Changed password.",
                            "Ended every session.",
                            "root");
        }
    }

    @DatabaseTest
    void anApiKeysSecretIsShownOnceThenTheKeyIsRevoked(TestDatabase db) {
        try (AdminTestApp t = AdminTestApp.create(db)) {
            User ada = t.user("ada", false);
            WebClient web = superuser(t);
            String page = "/admin/users/" + ada.id() + "/";
            web.get(page);
            Response bad = web.post(page + "keys/", "csrf_token", web.lastToken, "name", "ci", "expires_on", "soon");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(Bodies.text(bad)).contains("id_expires_on_error", "Enter a valid date.");
            Response made = web.post(
                    page + "keys/", "csrf_token", web.lastToken, "name", "<b>ci</b>", "expires_on", "2099-01-01");
            assertThat(made.status()).isEqualTo(201);
            Matcher m = SECRET.matcher(Bodies.text(made));
            assertThat(m.find()).isTrue();
            String credential = m.group(1);
            String keyId = credential.substring(0, credential.indexOf(':'));
            String secret = credential.substring(credential.indexOf(':') + 1);
            assertThat(Bodies.text(made)).contains("&lt;b&gt;ci&lt;/b&gt;").doesNotContain("<b>ci</b>");
            Response later = web.get(page);
            assertThat(Bodies.text(later)).contains(keyId, "2099-01-01").doesNotContain(secret);
            assertThat(Bodies.text(web.get(page + "history/"))).contains(keyId).doesNotContain(secret);
            assertThat(web.post(page + "keys/" + keyId + "/revoke/", "csrf_token", web.lastToken)
                            .status())
                    .isEqualTo(303);
            assertThat(ApiKeysProbe.revoked(t, keyId)).isTrue();
        }
    }

    @DatabaseTest
    void aRoleIsDefinedWithItsScopes(TestDatabase db) {
        try (AdminTestApp t = AdminTestApp.create(db)) {
            WebClient web = superuser(t);
            web.get("/admin/roles/");
            Response bad =
                    web.post("/admin/roles/", "csrf_token", web.lastToken, "name", "no spaces please", "scopes", "a");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(Bodies.text(bad)).contains("id_name_error");
            Response ok = web.post(
                    "/admin/roles/", "csrf_token", web.lastToken, "name", "editor", "scopes", "posts:read posts:write");
            assertThat(ok.status()).isEqualTo(303);
            assertThat(t.accounts.roles().find("editor").map(r -> r.scopes()))
                    .isEqualTo(Optional.of(Set.of("posts:read", "posts:write")));
            assertThat(Bodies.text(web.get("/admin/roles/"))).contains("posts:read posts:write");
        }
    }

    /** Reads a key's state through portico-auth's own API. */
    static final class ApiKeysProbe {
        private ApiKeysProbe() {}

        static boolean revoked(AdminTestApp t, String keyId) {
            return dev.portico.auth.keys.ApiKeys.create(t.accounts)
                    .find(keyId)
                    .orElseThrow()
                    .revoked();
        }
    }
}
