package dev.portico.docs.permissions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.auth.Authenticator;
import dev.portico.auth.ObjectPermission;
import dev.portico.auth.Permission;
import dev.portico.auth.Principal;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.docs.Http;
import dev.portico.error.NotFound;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/permissions.md: each rule of the page, with the status each caller gets. */
class PermissionsSamplesTest {
    private static Portico app;
    private static Http http;

    record Report(long id, String owner, String title) {
    }

    record Status(String status) {
    }

    static final Map<Long, Report> REPORTS = Map.of(1L, new Report(1, "ada", "Q1"), 2L, new Report(2, "bob", "Q2"));

    // region authenticator
    /** Callers known by a token in X-Token: a tiny authenticator of your own (real apps use portico-auth's). */
    static final Map<String, Principal> TOKENS = Map.of(
            "t-ada", Principal.of("ada", Set.of("reports:read")),
            "t-bob", Principal.of("bob", Set.of()));

    static final Authenticator X_TOKEN = request -> request.header("X-Token").map(TOKENS::get);
    // endregion authenticator

    // region object
    static final ObjectPermission<Report> OWNER = ObjectPermission.isOwner(Report::owner);
    // endregion object

    @BeforeAll
    static void start() {
        PorticoConfig config = PorticoConfig.builder().set(Settings.SERVER_PORT, 0).build();
        // region rules
        app = Portico.builder().config(config)
                .authenticators(X_TOKEN)
                .permissions(Permission.authenticated())                // every endpoint, unless it says otherwise
                .get("/api/status/", Status.class, request -> new Status("ok"),
                        e -> e.permissions(Permission.allowAny()))        // anyone, even anonymous
                .get("/api/reports/{id:long}/", Report.class, request -> {
                    Report report = Optional.ofNullable(REPORTS.get(request.pathParam("id", Long.class)))
                            .orElseThrow(NotFound::new);
                    OWNER.check(request, report);                         // 403 unless the caller owns it
                    return report;
                }, e -> e.permissions(Permission.authenticated().and(Permission.hasScope("reports:read"))))
                .get("/api/admin/", Status.class, request -> new Status("admin"),
                        e -> e.permissions(Permission.isAdmin()))
                .get("/api/internal/", Status.class, request -> new Status("internal"),
                        e -> e.permissions(request -> request.header("X-Internal").isPresent()))
                .build().start();
        // endregion rules
        http = new Http(app.port());
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void eachCallerGetsItsStatus() {
        assertThat(http.get("/api/status/").statusCode()).isEqualTo(200);
        var anonymous = http.get("/api/reports/1/");
        System.out.println("anon: " + anonymous.statusCode() + " " + anonymous.headers().allValues("WWW-Authenticate")
                + " " + anonymous.body());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(http.get("/api/reports/1/", "X-Token", "t-ada").statusCode()).isEqualTo(200);
        var other = http.get("/api/reports/2/", "X-Token", "t-ada");
        System.out.println("not owner: " + other.statusCode() + " " + other.body());
        assertThat(other.statusCode()).isEqualTo(403);
        var noScope = http.get("/api/reports/2/", "X-Token", "t-bob");
        System.out.println("no scope: " + noScope.statusCode() + " " + noScope.body());
        assertThat(noScope.statusCode()).isEqualTo(403);
        assertThat(http.get("/api/reports/9/", "X-Token", "t-ada").statusCode()).isEqualTo(404);
        assertThat(http.get("/api/admin/", "X-Token", "t-ada").statusCode()).isEqualTo(403);
        assertThat(http.get("/api/internal/", "X-Token", "t-bob").statusCode()).isEqualTo(403);
        assertThat(http.get("/api/internal/", "X-Token", "t-bob", "X-Internal", "1").statusCode()).isEqualTo(200);
        var unknownToken = http.get("/api/reports/1/", "X-Token", "t-eve");
        System.out.println("unknown token: " + unknownToken.statusCode() + " " + unknownToken.body());
    }
}
