package dev.portico.test;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Sends over a real socket with the JDK's {@link HttpClient} (HTTP/1.1, redirects not followed, as the in-process
 * sender does not follow them either).
 */
final class HttpSender implements Sender {
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final URI base;
    private final ObjectMapper mapper;

    HttpSender(URI base, ObjectMapper mapper) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.mapper = mapper;
    }

    @Override
    public TestResponse send(Outgoing request) {
        if (request.remote() != null) {
            throw new IllegalStateException(
                    "remoteAddress(" + request.remote().getHostAddress() + ") is in-process only: over the wire the"
                            + " peer is the socket's (send"
                            + " X-Forwarded-For from a trusted proxy"
                            + " instead)");
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.target()))
                .timeout(Duration.ofSeconds(60))
                .method(
                        request.method(),
                        request.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        for (String[] header : request.headers()) {
            if (RESTRICTED.contains(header[0].toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("header " + header[0] + " cannot be set over the wire: the JDK"
                        + " HttpClient sets it; send it in-process, or leave it out");
            }
            builder.header(header[0], header[1]);
        }
        try {
            HttpResponse<byte[]> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            List<String[]> headers = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : response.headers().map().entrySet()) {
                for (String value : e.getValue()) {
                    headers.add(new String[] {e.getKey(), value});
                }
            }
            return new TestResponse(response.statusCode(), headers, response.body(), mapper);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + base + request.target() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(
                    "interrupted while sending " + request.method() + " " + request.target(), e);
        }
    }

    @Override
    public String describe() {
        return base.toString();
    }
}
