package dev.portico.examples.blog;

import static dev.portico.testing.DocsPagesScript.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.testing.NodeTools;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example's admin site, {@code /admin/}, in headless Chromium: portico-core's {@code admin.mjs} against the real
 * {@link BlogApp} on loopback with H2. An anonymous visitor is sent to sign in, a user who is not staff is refused;
 * a staff member adds a post (first with an error beside the title), searches, filters, orders, edits, reads the
 * history, loses a race between two tabs with a message, deletes one post and bulk-deletes another; a form on another
 * site posting to the admin is refused. axe-core checks every page; the screenshots are kept in
 * {@code examples/blog/target/screenshots/admin-*.png}.
 */
class AdminBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target/screenshots").toAbsolutePath();
    private static BlogServer server;
    private static JsonNode report;

    @BeforeAll
    static void useTheAdminInChromium() throws Exception {
        NodeTools.chromium();
        server = BlogServer.start(BlogDatabases.h2());
        try (var db = dev.portico.data.Database.connect(server.config, dev.portico.auth.accounts.Accounts.MIGRATIONS)) {
            dev.portico.auth.accounts.Accounts.create(db, server.config)
                    .users()
                    .create(dev.portico.auth.accounts.NewUser.of("grace", "grace@example.com", BlogUsers.PASSWORD)
                            .asSuperuser());
        }
        BlogUsers.create(server.config, "ada", false);
        report = NodeTools.browserReport(
                "admin.mjs",
                "http://127.0.0.1:" + server.port(),
                "/admin/",
                SCREENSHOTS.toString(),
                "grace",
                "ada",
                BlogUsers.PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static JsonNode step(String name) {
        return report.path("steps").path(name);
    }

    @Test
    void anonymousVisitorsSignInFirstAndUsersWhoAreNotStaffAreRefused() {
        assertThat(step("anonymous").path("url").asText()).isEqualTo("/admin/login/?next=%2Fadmin%2F");
        assertThat(step("notStaff").path("status").asInt()).isEqualTo(400);
        assertThat(step("notStaff").path("error").asText()).contains("correct username and password for a staff");
        assertThat(step("staff").path("path").asText()).isEqualTo("/admin/");
    }

    @Test
    void aPostIsAddedAfterItsErrorIsCorrected() {
        assertThat(step("invalid").path("status").asInt()).isEqualTo(400);
        assertThat(step("invalid").path("fieldError").asText()).isEqualTo("This field may not be blank.");
        assertThat(step("invalid").path("invalid").asText()).isEqualTo("true");
        assertThat(step("added").path("message").asText()).isEqualTo("The post “Hello from the admin” was added.");
    }

    @Test
    void theListSearchesFiltersAndOrders() {
        assertThat(texts(step("searched"))).containsExactly("Hello from the admin");
        assertThat(texts(step("filtered"))).containsExactly("Draft <b>notes</b>");
        assertThat(step("filterLink").path("query").asText()).isEqualTo("?draft=true");
        assertThat(step("filterLink").path("current").asText()).isEqualTo("Yes");
        assertThat(step("searchKeepsFilters").asText()).isEqualTo("?search=notes&draft=true");
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        assertThat(step("today").path("query").asText())
                .startsWith("?search=notes&draft=true&created_at__gte=" + today + "T00:00:00Z&created_at__lt=");
        assertThat(texts(step("today").path("rows"))).containsExactly("Draft <b>notes</b>");
        assertThat(texts(step("ordered").path("rows"))).containsExactly("Draft <b>notes</b>", "Hello from the admin");
        assertThat(step("ordered").path("sort").asInt()).isEqualTo(1);
    }

    @Test
    void anEditIsInTheHistory() {
        assertThat(step("edited").asText()).contains("was changed");
        assertThat(texts(step("history")))
                .hasSize(2)
                .anySatisfy(r -> assertThat(r).contains("grace", "added"))
                .anySatisfy(r -> assertThat(r).contains("changed", "Changed content."));
    }

    @Test
    void theSecondOfTwoTabsIsRefusedWithAMessage() {
        assertThat(step("secondTab").path("status").asInt()).isEqualTo(409);
        assertThat(step("secondTab").path("message").asText()).contains("was changed by grace while you were editing");
        assertThat(step("kept").asText()).isEqualTo("Hello, first tab");
    }

    @Test
    void postsAreDeletedAfterAConfirmation() {
        assertThat(step("deleted").asText()).isEqualTo("The post “Hello, first tab” was deleted.");
        assertThat(step("bulkDeleted").path("message").asText()).contains("Draft <b>notes</b>");
        assertThat(texts(step("bulkDeleted").path("rows"))).isEmpty();
    }

    @Test
    void aSuperuserSeesTheUsersAndAKeysSecretOnce() {
        assertThat(texts(step("users"))).contains("ada", "grace");
        assertThat(step("keyCreated").path("status").asInt()).isEqualTo(201);
        assertThat(step("keyCreated").path("shown").asInt()).isEqualTo(18 + 1 + 40);
        assertThat(step("keyShownAgain").asInt()).isZero();
    }

    @Test
    void aFormOnAnotherSiteCannotPostToTheAdmin() {
        assertThat(step("forged").path("status").asInt()).isEqualTo(403);
        assertThat(texts(step("forgedRows"))).isEmpty();
    }

    @Test
    void noPageHasASeriousOrCriticalAccessibilityViolation() {
        assertThat(report.path("axe").size()).isGreaterThanOrEqualTo(10);
        report.path("axe")
                .properties()
                .forEach(e -> assertThat(texts(e.getValue())).as(e.getKey()).isEmpty());
        for (String shot : List.of(
                "login",
                "index",
                "list",
                "add-errors",
                "change",
                "history",
                "conflict",
                "delete",
                "bulk-delete",
                "users",
                "user",
                "roles")) {
            assertThat(SCREENSHOTS.resolve("admin-" + shot + ".png")).isNotEmptyFile();
        }
    }

    @Test
    void nothingIsFetchedFromOutsideAndNoScriptOrPolicyErrors() {
        assertThat(texts(report.path("external"))).isEmpty();
        assertThat(texts(report.path("pageErrors"))).isEmpty();
        // Chromium logs each 4xx page it is shown (the refused sign-in, the form with errors, the conflict, the forged
        // post); anything else, a policy refusal included, is a failure
        assertThat(texts(report.path("consoleErrors")))
                .allSatisfy(e -> assertThat(e)
                        .matches("[a-z0-9]+: Failed to load resource: the server responded with a status of"
                                + " 4\\d\\d .*"));
    }
}
