package dev.portico.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.annotation.ReadOnly;
import dev.portico.annotation.WriteOnly;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** JSON honours @ReadOnly and @WriteOnly the way the schema documents them. */
class FieldAccessTest {
    private final ObjectMapper mapper = Json.mapper();

    record Account(
            @ReadOnly long id,
            String name,
            @WriteOnly String password,
            @ReadOnly Instant createdAt) {}

    @Test
    void writeOnlyFieldsAreNeverWritten() throws Exception {
        String json = mapper.writeValueAsString(new Account(7, "ada", "secret", Instant.EPOCH));
        assertThat(json).isEqualTo("{\"id\":7,\"name\":\"ada\",\"createdAt\":\"1970-01-01T00:00:00Z\"}");
    }

    @Test
    void writeOnlyFieldsAreRead() throws Exception {
        Account account = mapper.readValue("{\"name\":\"ada\",\"password\":\"secret\"}", Account.class);
        assertThat(account.password()).isEqualTo("secret");
        assertThat(account.id()).isZero();
        assertThat(account.createdAt()).isNull();
    }

    @Test
    void aReadOnlyFieldInTheBodyIsRefusedUnderItsName() {
        JsonProcessingException e = catchThrowableOfType(
                JsonProcessingException.class,
                () -> mapper.readValue("{\"id\":5,\"name\":\"ada\",\"password\":\"x\"}", Account.class));
        dev.portico.error.ApiException failed = JsonErrors.translate(e);
        assertThat(failed.errors()).containsEntry("id", java.util.List.of("This field is read-only."));
    }

    @Test
    void durationsAreIsoStrings() throws Exception {
        assertThat(mapper.writeValueAsString(Duration.ofSeconds(90))).isEqualTo("\"PT1M30S\"");
    }
}
