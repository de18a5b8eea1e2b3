package dev.portico.openapi.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RelativeUrlTest {

    @Test
    void parentDirectory() {
        assertThat(RelativeUrl.from("/api/schema/swagger-ui/", "/api/schema/")).isEqualTo("../");
    }

    @Test
    void queryIsKept() {
        assertThat(RelativeUrl.from("/api/schema/redoc/", "/api/schema/?format=json"))
                .isEqualTo("../?format=json");
    }

    @Test
    void siblingBranches() {
        assertThat(RelativeUrl.from("/docs/swagger/", "/api/openapi.json")).isEqualTo("../../api/openapi.json");
    }

    @Test
    void samePageDirectory() {
        assertThat(RelativeUrl.from("/docs/", "/docs/")).isEqualTo("./");
        assertThat(RelativeUrl.from("/docs/", "/docs/schema.json")).isEqualTo("./schema.json");
    }

    @Test
    void firstSegmentCannotBeReadAsAScheme() {
        assertThat(RelativeUrl.from("/docs/", "/docs/v1:schema/")).isEqualTo("./v1:schema/");
    }

    @Test
    void belowThePage() {
        assertThat(RelativeUrl.from("/", "/api/schema/")).isEqualTo("./api/schema/");
    }
}
