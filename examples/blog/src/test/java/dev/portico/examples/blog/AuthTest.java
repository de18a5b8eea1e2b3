package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.data.DatabaseSettings;
import org.junit.jupiter.api.Test;

/** Where the example makes its own JWT secret: an embedded H2 database (a developer's machine) only. */
class AuthTest {

    @Test
    void onlyAnEmbeddedH2DatabaseGetsTheDevelopmentSecret() {
        assertThat(Auth.embedded(DatabaseSettings.EMBEDDED_URL)).isTrue();
        assertThat(Auth.embedded("jdbc:h2:mem:blog")).isTrue();
        assertThat(Auth.embedded("jdbc:h2:file:/var/lib/blog/db;MODE=PostgreSQL")).isTrue();
        assertThat(Auth.embedded("jdbc:h2:./data/portico")).isTrue();
        assertThat(Auth.embedded("jdbc:h2:~/blog")).isTrue();
        assertThat(Auth.embedded("jdbc:h2:tcp://db.example.com:9092/blog")).as("an H2 server").isFalse();
        assertThat(Auth.embedded("jdbc:h2:tcp://localhost/~/blog;INIT=RUNSCRIPT FROM 'x'")).isFalse();
        assertThat(Auth.embedded("jdbc:h2:ssl://db.example.com/blog")).isFalse();
        assertThat(Auth.embedded("jdbc:postgresql://localhost:5432/blog")).isFalse();
    }
}
