package dev.portico;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.auth.Authenticator;
import dev.portico.auth.Permission;
import dev.portico.config.PorticoConfig;
import dev.portico.http.Principal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every verb takes the {@code e -> ...} options, and a permission that needs a caller on an endpoint with no
 * authenticator fails the build naming the fix, instead of refusing every request while the schema says public.
 */
class VerbOptionsTest {
    record Item(String name) {}

    @Test
    void putPatchAndDeleteTakeOptionsAsGetAndPostDo() {
        Portico app = Portico.builder()
                .config(PorticoConfig.defaults())
                .put("/items/{id}/", Item.class, Item.class, (r, item) -> item, e -> e.operationId("replaceItem"))
                .patch("/items/{id}/", Item.class, Item.class, (r, item) -> item, e -> e.operationId("changeItem"))
                .delete("/items/{id}/", r -> null, e -> e.operationId("removeItem"))
                .build();
        assertThat(app.endpoints())
                .extracting(e -> e.docs().operationId().orElse(""))
                .containsSubsequence("replaceItem", "changeItem", "removeItem");
    }

    @Test
    void aPermissionThatNeedsACallerWithNoAuthenticatorFailsTheBuild() {
        Portico.Builder app = Portico.builder()
                .config(PorticoConfig.defaults())
                .get("/api/me/", Item.class, r -> new Item("me"), e -> e.permissions(Permission.authenticated()));
        assertThatThrownBy(app::build)
                .hasMessageContaining("GET /api/me/")
                .hasMessageContaining("permissions that need a caller but no authenticators")
                .hasMessageContaining("Portico.builder().authenticators(...)");
    }

    @Test
    void theSameEndpointBuildsWithAnAuthenticatorOrAPermissionThatAdmitsAnyone() {
        Authenticator nobody = request -> Optional.<Principal>empty();
        Portico.builder()
                .config(PorticoConfig.defaults())
                .authenticators(nobody)
                .get("/api/me/", Item.class, r -> new Item("me"), e -> e.permissions(Permission.authenticated()))
                .build();
        Portico.builder()
                .config(PorticoConfig.defaults())
                .get(
                        "/api/items/",
                        Item.class,
                        r -> new Item("x"),
                        e -> e.permissions(Permission.authenticatedOrReadOnly()))
                .build();
    }
}
