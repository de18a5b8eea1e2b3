package dev.portico.docs.permissions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.auth.Authenticator;
import dev.portico.auth.ObjectPermission;
import dev.portico.auth.Permission;
import dev.portico.config.PorticoConfig;
import dev.portico.error.NotFound;
import dev.portico.http.Principal;
import dev.portico.http.Request;
import dev.portico.test.PorticoClient;
import dev.portico.test.junit.App;
import dev.portico.test.junit.PorticoTest;
import dev.portico.test.junit.TestDatabase;
import dev.portico.test.junit.TestSetup;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** docs/permissions.md: each rule of the page, with the status each caller gets, in-process. */
@PorticoTest(database = TestDatabase.NONE)
class PermissionsSamplesTest {

    record Report(long id, String owner, String title) {}

    record Status(String status) {}

    static final Map<Long, Report> REPORTS = Map.of(1L, new Report(1, "ada", "Q1"), 2L, new Report(2, "bob", "Q2"));

    // region authenticator
    /** Callers known by a token in X-Token: a tiny authenticator of your own (real apps use portico-auth's). */
    static final Map<String, Principal> TOKENS = Map.of(
            "t-ada", Principal.of("ada", Set.of("reports:read")),
            "t-bob", Principal.of("bob", Set.of()));

    static final Authenticator X_TOKEN = new Authenticator() {
        @Override
        public Optional<Principal> authenticate(Request request) {
            return request.header("X-Token").map(TOKENS::get);
        }

        @Override
        public Optional<String> challenge() { // names the scheme on a 401; without one, a refusal is a 403
            return Optional.of("X-Token");
        }
    };
    // endregion authenticator

    // region object
    static final ObjectPermission<Report> OWNER = ObjectPermission.isOwner(Report::owner);
    // endregion object

    @App
    static Portico app(TestSetup setup) {
        PorticoConfig config = setup.config().build();
        Portico app;
        // region rules
        app = Portico.builder()
                .config(config)
                .authenticators(X_TOKEN)
                .permissions(Permission.authenticated()) // every endpoint, unless it says otherwise
                .get(
                        "/api/status/",
                        Status.class,
                        request -> new Status("ok"),
                        e -> e.permissions(Permission.allowAny())) // anyone, even anonymous
                .get(
                        "/api/reports/{id:long}/",
                        Report.class,
                        request -> {
                            Report report = Optional.ofNullable(REPORTS.get(request.pathParam("id", Long.class)))
                                    .orElseThrow(NotFound::new);
                            OWNER.check(request, report); // 403 unless the caller owns it
                            return report;
                        },
                        e -> e.permissions(Permission.authenticated().and(Permission.hasScope("reports:read"))))
                .get(
                        "/api/admin/",
                        Status.class,
                        request -> new Status("admin"),
                        e -> e.permissions(Permission.isAdmin()))
                .get(
                        "/api/internal/",
                        Status.class,
                        request -> new Status("internal"),
                        e -> e.permissions(
                                request -> request.header("X-Internal").isPresent()))
                .build();
        // endregion rules
        return app;
    }

    @Test
    void eachCallerGetsItsStatus(PorticoClient client) {
        assertThat(client.get("/api/status/").send()).hasStatus(200);
        assertThat(client.get("/api/reports/1/").send())
                .isProblem(401)
                .hasCode("not_authenticated")
                .hasDetail("Authentication credentials were not provided.");
        assertThat(client.get("/api/reports/1/").header("X-Token", "t-ada").send())
                .hasStatus(200)
                .hasJsonPath("$.title", "Q1");
        assertThat(client.get("/api/reports/2/").header("X-Token", "t-ada").send())
                .as("not the owner")
                .isProblem(403)
                .hasCode("permission_denied")
                .hasDetail("You do not have permission to perform this action.");
        assertThat(client.get("/api/reports/2/").header("X-Token", "t-bob").send())
                .as("no scope")
                .isProblem(403);
        assertThat(client.get("/api/reports/9/").header("X-Token", "t-ada").send())
                .isProblem(404);
        assertThat(client.get("/api/admin/").header("X-Token", "t-ada").send()).isProblem(403);
        assertThat(client.get("/api/internal/").header("X-Token", "t-bob").send())
                .isProblem(403);
        assertThat(client.get("/api/internal/")
                        .header("X-Token", "t-bob")
                        .header("X-Internal", "1")
                        .send())
                .hasStatus(200);
        assertThat(client.get("/api/reports/1/").header("X-Token", "t-eve").send())
                .as("an unknown token")
                .isProblem(401);
    }
}
