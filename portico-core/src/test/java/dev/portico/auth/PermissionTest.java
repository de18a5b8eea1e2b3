package dev.portico.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.endpoint.Endpoint;
import dev.portico.http.HttpMethod;
import dev.portico.http.Principal;
import dev.portico.testing.TestCaller;
import dev.portico.testing.TestRequest;
import org.junit.jupiter.api.Test;

/** Each permission's one question, its composition, and what it tells the document about anonymous callers. */
class PermissionTest {

    /** The status of {@code method /x/} by {@code caller} (null for anonymous) under {@code permission}. */
    private static int status(Permission permission, String method, String caller) {
        Portico app = Portico.builder()
                .config(PorticoConfig.defaults())
                .shutdownHook(false)
                .authenticators(TestCaller.bearer())
                .permissions(permission)
                .get("/x/", String.class, r -> "ok")
                .endpoint(Endpoint.builder(HttpMethod.POST, "/x/")
                        .output(String.class)
                        .handle(r -> "ok")
                        .build())
                .delete("/x/", r -> null)
                .build();
        TestRequest request = TestRequest.of(method, "/x/");
        if (caller != null) {
            request.header("Authorization", "Bearer " + caller);
        }
        return app.handle(request).status();
    }

    @Test
    void allowAnyLetsEveryoneThrough() {
        assertThat(status(Permission.allowAny(), "POST", null)).isEqualTo(200);
        assertThat(Permission.allowAny().admitsAnonymous()).isTrue();
    }

    @Test
    void authenticatedNeedsACaller() {
        assertThat(status(Permission.authenticated(), "GET", null)).isEqualTo(401);
        assertThat(status(Permission.authenticated(), "GET", "alice")).isEqualTo(200);
        assertThat(Permission.authenticated().admitsAnonymous()).isFalse();
    }

    @Test
    void authenticatedOrReadOnlyOpensGetHeadAndOptionsOnly() {
        Permission p = Permission.authenticatedOrReadOnly();
        assertThat(status(p, "GET", null)).isEqualTo(200);
        assertThat(status(p, "HEAD", null)).isEqualTo(200);
        assertThat(status(p, "OPTIONS", null)).isEqualTo(200); // the metadata, after the GET endpoint's policies
        assertThat(status(p, "POST", null)).isEqualTo(401);
        assertThat(status(p, "DELETE", null)).isEqualTo(401);
        assertThat(status(p, "DELETE", "alice")).isEqualTo(204);
        assertThat(p.admitsAnonymous(HttpMethod.GET)).isTrue();
        assertThat(p.admitsAnonymous(HttpMethod.HEAD)).isTrue();
        assertThat(p.admitsAnonymous(HttpMethod.OPTIONS)).isTrue();
        for (HttpMethod write :
                new HttpMethod[] {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE}) {
            assertThat(p.admitsAnonymous(write)).as(write.name()).isFalse();
        }
        assertThat(p.admitsAnonymous()).isFalse(); // not for every method
    }

    @Test
    void isAdminReadsThePrincipalsAdminFlag() {
        assertThat(status(Permission.isAdmin(), "GET", "alice")).isEqualTo(403);
        assertThat(status(Permission.isAdmin(), "GET", "root;admin")).isEqualTo(200);
        assertThat(status(Permission.isAdmin(), "GET", null)).isEqualTo(401);
        assertThat(Permission.isAdmin().admitsAnonymous()).isFalse();
    }

    @Test
    void hasRoleAndHasScopeReadThePrincipalsSets() {
        assertThat(status(Permission.hasRole("editor"), "GET", "alice;role=editor"))
                .isEqualTo(200);
        assertThat(status(Permission.hasRole("editor"), "GET", "alice;scope=editor"))
                .isEqualTo(403);
        assertThat(status(Permission.hasScope("posts:write"), "GET", "alice;scope=posts:write"))
                .isEqualTo(200);
        assertThat(status(Permission.hasScope("posts:write"), "GET", "alice;role=posts:write"))
                .isEqualTo(403);
        assertThat(Permission.hasRole("editor").admitsAnonymous()).isFalse();
        assertThat(Permission.hasScope("posts:write").admitsAnonymous()).isFalse();
    }

    @Test
    void simplePrincipalsHaveNoRolesAndAreNotAdmins() {
        Principal simple = Principal.of("7", java.util.Set.of("a"));
        assertThat(simple.roles()).isEmpty();
        assertThat(simple.admin()).isFalse();
        assertThat(simple.name()).isEqualTo("7");
    }

    @Test
    void permissionsComposeWithAndOrNot() {
        Permission editorOrAdmin = Permission.hasRole("editor").or(Permission.isAdmin());
        assertThat(status(editorOrAdmin, "GET", "root;admin")).isEqualTo(200);
        assertThat(status(editorOrAdmin, "GET", "bob;role=editor")).isEqualTo(200);
        assertThat(status(editorOrAdmin, "GET", "carol")).isEqualTo(403);
        Permission both = Permission.authenticated().and(Permission.hasScope("x"));
        assertThat(status(both, "GET", "carol;scope=x")).isEqualTo(200);
        assertThat(status(both, "GET", "carol")).isEqualTo(403);
        assertThat(status(Permission.isAdmin().not(), "GET", "root;admin")).isEqualTo(403);
        assertThat(status(Permission.isAdmin().not(), "GET", "carol")).isEqualTo(200);
    }

    @Test
    void aCustomLambdaIsAPermissionThatAdmitsAnonymousCallers() {
        Permission internal = request -> request.header("X-Internal").isPresent();
        assertThat(status(internal, "GET", "alice")).isEqualTo(403);
        assertThat(internal.admitsAnonymous()).isTrue();
        assertThat(Permission.of(request -> true, method -> false).admitsAnonymous())
                .isFalse();
    }

    @Test
    void admitsAnonymousCombinesThroughAndOrAndIsConservativeForNot() {
        Permission open = Permission.allowAny();
        Permission closed = Permission.authenticated();
        assertThat(open.and(closed).admitsAnonymous()).isFalse();
        assertThat(open.and(open).admitsAnonymous()).isTrue();
        assertThat(closed.or(open).admitsAnonymous()).isTrue();
        assertThat(closed.or(Permission.isAdmin()).admitsAnonymous()).isFalse();
        assertThat(closed.not().admitsAnonymous()).isTrue();
        Permission readOnlyAndStaff = Permission.authenticatedOrReadOnly().or(Permission.isAdmin());
        assertThat(readOnlyAndStaff.admitsAnonymous(HttpMethod.GET)).isTrue();
        assertThat(readOnlyAndStaff.admitsAnonymous(HttpMethod.POST)).isFalse();
    }
}
