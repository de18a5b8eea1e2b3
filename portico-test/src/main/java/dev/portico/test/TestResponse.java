package dev.portico.test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AssertProvider;

/**
 * A whole answer: status, headers (in order, a name may repeat) and body, the same whether it came in-process or over
 * the wire. {@code assertThat(response)} (AssertJ's own, through {@link AssertProvider}) gives a {@link ResponseAssert}.
 * <pre>{@code
 * TestResponse created = client.post("/api/posts/").json(new NewPost("Hi", "...")).send();
 * assertThat(created).hasStatus(201).hasJsonPath("$.title", "Hi");
 * Post post = created.json(Post.class);
 * }</pre>
 */
public final class TestResponse implements AssertProvider<ResponseAssert> {
    private final int status;
    private final List<String[]> headers;
    private final byte[] body;
    private final ObjectMapper mapper;
    private JsonNode tree;
    private Instant received;

    TestResponse(int status, List<String[]> headers, byte[] body, ObjectMapper mapper) {
        this.status = status;
        this.headers = List.copyOf(headers);
        this.body = body;
        this.mapper = mapper;
    }

    /** Marks when the client received it, on the client's clock (the app's, in-process), for cookie expiries. */
    TestResponse receivedAt(Instant instant) {
        this.received = instant;
        return this;
    }

    /** When the client received it: its clock's time then, or now for a response made by hand. */
    Instant received() {
        return received != null ? received : Instant.now();
    }

    /** The status code. */
    public int status() {
        return status;
    }

    /** The first value of header {@code name} (case-insensitive). */
    public Optional<String> header(String name) {
        return headers.stream()
                .filter(h -> h[0].equalsIgnoreCase(name))
                .map(h -> h[1])
                .findFirst();
    }

    /** Every value of header {@code name} (case-insensitive), in order. */
    public List<String> headers(String name) {
        return headers.stream()
                .filter(h -> h[0].equalsIgnoreCase(name))
                .map(h -> h[1])
                .toList();
    }

    /** Every header name, as received, once each. */
    public List<String> headerNames() {
        return headers.stream().map(h -> h[0]).distinct().toList();
    }

    /** The body's bytes. */
    public byte[] body() {
        return body.clone();
    }

    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as a JSON tree. */
    public JsonNode json() {
        if (tree == null) {
            tree = read(() -> mapper.readTree(body));
        }
        return tree;
    }

    /** The body read as {@code type} with the application's mapper (its naming, modules and rules). */
    public <T> T json(Class<T> type) {
        return read(() -> mapper.readValue(body, type));
    }

    /** The body read as a generic type: {@code json(new TypeReference<Page<Post>>() {})}. */
    public <T> T json(TypeReference<T> type) {
        return read(() -> mapper.readValue(body, type));
    }

    private interface Reading<T> {
        T read() throws IOException;
    }

    private <T> T read(Reading<T> reading) {
        try {
            return reading.read();
        } catch (IOException e) {
            throw new AssertionError(
                    "the body of the " + status + " response is not the JSON expected: " + e.getMessage() + "\nbody: "
                            + abbreviated(),
                    e);
        }
    }

    /** {@code value} as a JSON tree, by the application's mapper. */
    JsonNode mapperTree(Object value) {
        return mapper.valueToTree(value);
    }

    /** The body, cut to 2,000 characters, for failure messages. */
    String abbreviated() {
        String text = text();
        return text.length() <= 2000 ? text : text.substring(0, 2000) + "... (" + body.length + " bytes)";
    }

    @Override
    public ResponseAssert assertThat() {
        return new ResponseAssert(this);
    }

    @Override
    public String toString() {
        return status + " " + header("Content-Type").orElse("") + " " + abbreviated();
    }
}
