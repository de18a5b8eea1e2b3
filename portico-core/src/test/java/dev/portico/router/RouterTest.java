package dev.portico.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.http.HttpMethod;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RouterTest {

    private static Router.Builder<String> builder(TrailingSlash policy) {
        return Router.builder(policy);
    }

    private static Router.Builder<String> add(Router.Builder<String> b, HttpMethod m, String template) {
        return b.add(
                PathTemplate.parse(template).withTypes(java.util.Map.of()), m, m + " " + template, m + " " + template);
    }

    @Test
    void findsStaticAndParameterisedRoutesWithConvertedValues() {
        Router.Builder<String> b = builder(TrailingSlash.REDIRECT);
        add(b, HttpMethod.GET, "/api/posts/");
        add(b, HttpMethod.GET, "/api/posts/{id:long}/");
        add(b, HttpMethod.GET, "/api/keys/{key:uuid}/");
        Router<String> router = b.build();

        assertThat(router.find("/api/posts/"))
                .isInstanceOfSatisfying(
                        RouteMatch.Found.class, f -> assertThat(f.values()).isEmpty());
        assertThat(router.find("/api/posts/42/"))
                .isInstanceOfSatisfying(
                        RouteMatch.Found.class, f -> assertThat(f.values()).containsExactly(42L));
        UUID key = UUID.randomUUID();
        assertThat(router.find("/api/keys/" + key + "/"))
                .isInstanceOfSatisfying(
                        RouteMatch.Found.class, f -> assertThat(f.values()).containsExactly(key));
        assertThat(router.find("/api/posts/abc/")).isInstanceOf(RouteMatch.Missing.class);
        assertThat(router.find("/nothing/")).isInstanceOf(RouteMatch.Missing.class);
    }

    @Test
    void aStaticRouteWithoutTrailingSlashMatchesItsOwnPathOnlyAndFromTheTable() {
        Router.Builder<String> b = builder(TrailingSlash.REDIRECT);
        add(b, HttpMethod.GET, "/plaintext");
        add(b, HttpMethod.GET, "/");
        Router<String> router = b.build();

        // the table of static paths answers without walking the tree: the same match each time, nothing allocated
        assertThat(router.find("/plaintext"))
                .isInstanceOf(RouteMatch.Found.class)
                .isSameAs(router.find("/plaintext"));
        assertThat(router.find("/")).isInstanceOf(RouteMatch.Found.class).isSameAs(router.find("/"));
        // a prefix of the path is another path
        assertThat(router.find("/plaintex")).isInstanceOf(RouteMatch.Missing.class);
        assertThat(router.find("/plaintext/")).isInstanceOf(RouteMatch.Redirect.class);
    }

    @Test
    void literalSegmentsWinOverParameters() {
        Router.Builder<String> b = builder(TrailingSlash.STRICT);
        add(b, HttpMethod.GET, "/posts/{slug:slug}/");
        add(b, HttpMethod.GET, "/posts/latest/");
        Router<String> router = b.build();
        RouteMatch<String> latest = router.find("/posts/latest/");
        assertThat(((RouteMatch.Found<String>) latest).route().template().template())
                .isEqualTo("/posts/latest/");
        RouteMatch<String> other = router.find("/posts/hello/");
        assertThat(((RouteMatch.Found<String>) other).values()).containsExactly("hello");
    }

    @Test
    void backtracksWhenALiteralBranchDoesNotMatch() {
        Router.Builder<String> b = builder(TrailingSlash.STRICT);
        add(b, HttpMethod.GET, "/a/{x}/b/");
        add(b, HttpMethod.GET, "/a/c/d/");
        Router<String> router = b.build();
        assertThat(((RouteMatch.Found<String>) router.find("/a/c/b/")).values()).containsExactly("c");
    }

    @Test
    void nonOverlappingParameterTypesShareAPosition() {
        Router.Builder<String> b = builder(TrailingSlash.STRICT);
        add(b, HttpMethod.GET, "/items/{id:int}/");
        add(b, HttpMethod.GET, "/items/{key:uuid}/");
        Router<String> router = b.build();
        assertThat(((RouteMatch.Found<String>) router.find("/items/7/")).values())
                .containsExactly(7);
        UUID key = UUID.randomUUID();
        assertThat(((RouteMatch.Found<String>) router.find("/items/" + key + "/")).values())
                .containsExactly(key);
    }

    @Test
    void percentEncodedSegmentsAreDecodedAfterSplitting() {
        Router.Builder<String> b = builder(TrailingSlash.STRICT);
        add(b, HttpMethod.GET, "/files/{name}/");
        Router<String> router = b.build();
        assertThat(((RouteMatch.Found<String>) router.find("/files/a%2Fb%20c/")).values())
                .containsExactly("a/b c");
        assertThat(router.find("/files/%zz/")).isInstanceOf(RouteMatch.Missing.class);
        assertThat(router.find("/files//")).isInstanceOf(RouteMatch.Missing.class);
    }

    @Test
    void trailingSlashRedirectPolicyPointsAtTheDeclaredForm() {
        Router.Builder<String> b = builder(TrailingSlash.REDIRECT);
        add(b, HttpMethod.GET, "/api/posts/{id:int}/");
        add(b, HttpMethod.GET, "/health");
        Router<String> router = b.build();
        assertThat(router.find("/api/posts/3")).isEqualTo(new RouteMatch.Redirect<String>("/api/posts/3/"));
        assertThat(router.find("/health/")).isEqualTo(new RouteMatch.Redirect<String>("/health"));
    }

    @Test
    void trailingSlashMatchAndStrictPolicies() {
        Router.Builder<String> matching = builder(TrailingSlash.MATCH);
        add(matching, HttpMethod.GET, "/api/posts/{id:int}/");
        assertThat(matching.build().find("/api/posts/3")).isInstanceOf(RouteMatch.Found.class);

        Router.Builder<String> strict = builder(TrailingSlash.STRICT);
        add(strict, HttpMethod.GET, "/api/posts/{id:int}/");
        assertThat(strict.build().find("/api/posts/3")).isInstanceOf(RouteMatch.Missing.class);
    }

    @Test
    void allowListsDeclaredMethodsWithHeadAndOptions() {
        Router.Builder<String> b = builder(TrailingSlash.REDIRECT);
        add(b, HttpMethod.GET, "/api/posts/");
        add(b, HttpMethod.POST, "/api/posts/");
        Router<String> router = b.build();
        assertThat(router.routes()).hasSize(1);
        assertThat(router.routes().get(0).allow()).isEqualTo("GET, HEAD, POST, OPTIONS");
    }

    @Test
    void sameMethodOnSamePathFailsNamingBoth() {
        Router.Builder<String> b = builder(TrailingSlash.REDIRECT);
        add(b, HttpMethod.GET, "/api/posts/{id:int}/");
        assertThatThrownBy(() -> add(b, HttpMethod.GET, "/api/posts/{id:int}/"))
                .isInstanceOf(RouteConflictException.class)
                .hasMessageContaining("GET /api/posts/{id:int}/ and GET /api/posts/{id:int}/ both answer GET");
    }

    @Test
    void overlappingParameterTypesFailNamingBoth() {
        Router.Builder<String> b = builder(TrailingSlash.REDIRECT);
        add(b, HttpMethod.GET, "/api/posts/{id:int}/");
        add(b, HttpMethod.DELETE, "/api/posts/{slug:slug}/");
        assertThatThrownBy(b::build)
                .isInstanceOf(RouteConflictException.class)
                .hasMessageContaining("GET /api/posts/{id:int}/")
                .hasMessageContaining("DELETE /api/posts/{slug:slug}/")
                .hasMessageContaining("can match the same path");
    }

    @Test
    void sameShapeWithDifferentParameterNamesFails() {
        Router.Builder<String> b = builder(TrailingSlash.REDIRECT);
        add(b, HttpMethod.GET, "/api/posts/{id:int}/");
        assertThatThrownBy(() -> add(b, HttpMethod.DELETE, "/api/posts/{pk:int}/"))
                .isInstanceOf(RouteConflictException.class)
                .hasMessageContaining("different parameter names");
    }

    @Test
    void underTheMatchPolicyBothSlashFormsConflict() {
        Router.Builder<String> b = builder(TrailingSlash.MATCH);
        add(b, HttpMethod.GET, "/a/");
        add(b, HttpMethod.GET, "/a");
        assertThatThrownBy(b::build).isInstanceOf(RouteConflictException.class);
    }
}
