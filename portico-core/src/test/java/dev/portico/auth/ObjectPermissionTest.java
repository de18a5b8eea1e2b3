package dev.portico.auth;

import static dev.portico.testing.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.http.Response;
import dev.portico.testing.TestCaller;
import dev.portico.testing.TestRequest;
import org.junit.jupiter.api.Test;

/** Object permissions: the owner rule, composition, and the 401/403 of a refusal. */
class ObjectPermissionTest {
    record Note(String owner) {}

    private static final Note ALICES = new Note("alice");

    private static Response send(ObjectPermission<Note> permission, String caller) {
        Portico app = Portico.builder()
                .config(PorticoConfig.defaults())
                .shutdownHook(false)
                .authenticators(TestCaller.bearer())
                .get("/note/", Note.class, r -> {
                    permission.check(r, ALICES);
                    return ALICES;
                })
                .build();
        TestRequest request = TestRequest.get("/note/");
        if (caller != null) {
            request.header("Authorization", "Bearer " + caller);
        }
        return app.handle(request);
    }

    @Test
    void isOwnerComparesTheOwnerIdWithTheCallersId() {
        ObjectPermission<Note> owner = ObjectPermission.isOwner(Note::owner);
        assertThat(send(owner, "alice").status()).isEqualTo(200);
        Response other = send(owner, "bob");
        assertThat(other.status()).isEqualTo(403);
        assertThat(json(other).get("detail").asText()).isEqualTo("You do not have permission to perform this action.");
    }

    @Test
    void anAnonymousRefusalIs401WithTheChallenge() {
        Response anonymous = send(ObjectPermission.isOwner(Note::owner), null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.headerValue("WWW-Authenticate")).contains("Bearer realm=\"api\"");
        assertThat(json(anonymous).get("code").asText()).isEqualTo("not_authenticated");
    }

    @Test
    void aNullOwnerMatchesNobody() {
        assertThat(send(ObjectPermission.isOwner(n -> null), "alice").status()).isEqualTo(403);
    }

    @Test
    void objectPermissionsComposeWithEachOtherAndWithRequestPermissions() {
        ObjectPermission<Note> ownerOrAdmin =
                ObjectPermission.isOwner(Note::owner).or(ObjectPermission.of(Permission.isAdmin()));
        assertThat(send(ownerOrAdmin, "root;admin").status()).isEqualTo(200);
        assertThat(send(ownerOrAdmin, "bob").status()).isEqualTo(403);
        ObjectPermission<Note> ownerAndEditor =
                ObjectPermission.<Note>isOwner(Note::owner).and(ObjectPermission.of(Permission.hasRole("editor")));
        assertThat(send(ownerAndEditor, "alice").status()).isEqualTo(403);
        assertThat(send(ownerAndEditor, "alice;role=editor").status()).isEqualTo(200);
        assertThat(send(ObjectPermission.isOwner(Note::owner).not(), "bob").status())
                .isEqualTo(200);
    }
}
