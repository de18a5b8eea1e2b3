package dev.portico.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.http.Response;
import dev.portico.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reading response bodies in tests. */
public final class Bodies {

    private Bodies() {}

    public static JsonNode json(Response response) {
        return json(response.body());
    }

    public static JsonNode json(byte[] body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String body) {
        return json(body.getBytes(StandardCharsets.UTF_8));
    }

    public static String text(Response response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
