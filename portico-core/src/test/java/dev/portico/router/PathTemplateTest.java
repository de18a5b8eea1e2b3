package dev.portico.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PathTemplateTest {

    @Test
    void parsesLiteralsAndTypedParameters() {
        PathTemplate t = PathTemplate.parse("/api/posts/{id:long}/comments/{slug:slug}/");
        assertThat(t.paramNames()).containsExactly("id", "slug");
        assertThat(t.paramType("id")).contains(ParamType.LONG);
        assertThat(t.trailingSlash()).isTrue();
        assertThat(t.openApiPath()).isEqualTo("/api/posts/{id}/comments/{slug}/");
        assertThat(t.shape()).isEqualTo("/api/posts/{LONG}/comments/{SLUG}/");
    }

    @Test
    void untypedParametersTakeTheGivenTypeOrString() {
        PathTemplate t = PathTemplate.parse("/a/{id}/{name}").withTypes(Map.of("id", ParamType.INT));
        assertThat(t.paramType("id")).contains(ParamType.INT);
        assertThat(t.paramType("name")).contains(ParamType.STRING);
        assertThat(t.trailingSlash()).isFalse();
    }

    @Test
    void templateAndMethodMustAgreeOnAType() {
        assertThatThrownBy(() -> PathTemplate.parse("/a/{id:uuid}/").withTypes(Map.of("id", ParamType.LONG)))
                .hasMessageContaining("declared uuid in the template but long by the method");
    }

    @Test
    void rootIsItsOwnTemplate() {
        PathTemplate root = PathTemplate.parse("/");
        assertThat(root.segments()).isEmpty();
        assertThat(root.openApiPath()).isEqualTo("/");
    }

    @Test
    void malformedTemplatesFailWithTheFix() {
        assertThatThrownBy(() -> PathTemplate.parse("api/posts/")).hasMessageContaining("must start with '/'");
        assertThatThrownBy(() -> PathTemplate.parse("/a//b/")).hasMessageContaining("'//'");
        assertThatThrownBy(() -> PathTemplate.parse("/posts/id-{id}/")).hasMessageContaining("whole segment");
        assertThatThrownBy(() -> PathTemplate.parse("/a/{id}/{id}/")).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> PathTemplate.parse("/a/{1x}/")).hasMessageContaining("bad parameter name");
    }
}
