package dev.portico.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which URLs are a database inside this process, where a module may use development defaults (a JWT secret file). */
class DatabaseInProcessTest {

    @Test
    void h2InMemoryOrInAFileIsInProcess() {
        assertThat(Database.inProcess(DatabaseSettings.EMBEDDED_URL)).isTrue();
        assertThat(Database.inProcess("jdbc:h2:mem:blog")).isTrue();
        assertThat(Database.inProcess("jdbc:h2:file:/var/lib/blog/db;MODE=PostgreSQL"))
                .isTrue();
        assertThat(Database.inProcess("jdbc:h2:./data/portico")).isTrue();
        assertThat(Database.inProcess("jdbc:h2:~/blog")).isTrue();
    }

    @Test
    void aServerIsNot() {
        assertThat(Database.inProcess("jdbc:h2:tcp://db.example.com:9092/blog"))
                .as("an H2 server")
                .isFalse();
        assertThat(Database.inProcess("jdbc:h2:tcp://localhost/~/blog;INIT=RUNSCRIPT FROM 'x'"))
                .isFalse();
        assertThat(Database.inProcess("jdbc:h2:ssl://db.example.com/blog")).isFalse();
        assertThat(Database.inProcess("jdbc:postgresql://localhost:5432/blog")).isFalse();
    }
}
