package dev.portico.clientgen.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserInfoTest {
    @Test
    void everyUrlsUserInformationIsHiddenAndTheRestKept() {
        assertThat(UserInfo.redacted("http://ada:pw@site/api/schema/")).isEqualTo("http://***@site/api/schema/");
        assertThat(UserInfo.redacted("https://token@site:8443/x?a=b@c")).isEqualTo("https://***@site:8443/x?a=b@c");
        assertThat(UserInfo.redacted("cannot read http://a:p@ss@host/x (from https://u:v@other/)"))
                .isEqualTo("cannot read http://***@host/x (from https://***@other/)");
        assertThat(UserInfo.redacted("http://site/api/ mail ada@example.com"))
                .isEqualTo("http://site/api/ mail ada@example.com");
        assertThat(UserInfo.redacted("examples/blog/openapi.yaml")).isEqualTo("examples/blog/openapi.yaml");
        assertThat(UserInfo.redacted(null)).isNull();
    }
}
