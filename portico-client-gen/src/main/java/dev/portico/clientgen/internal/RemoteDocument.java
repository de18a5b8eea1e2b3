package dev.portico.clientgen.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An OpenAPI document read over http(s) by the JDK's client, for the commands that take a URL. The commands fetch it
 * themselves rather than hand the URL to a library, whose logs would repeat it, user information and all.
 */
public final class RemoteDocument {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private RemoteDocument() {}

    /** Whether {@code location} is an http or https URL rather than a file. */
    public static boolean isUrl(String location) {
        return location.startsWith("http://") || location.startsWith("https://");
    }

    /** The text a {@code GET} of {@code url} answered with 200; {@link NotOk} for another status. */
    public static String fetch(String url) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(TIMEOUT)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new NotOk(UserInfo.redacted(url) + " answered " + response.statusCode());
            }
            return response.body();
        }
    }

    /** The server answered, with a status other than 200; the message names the URL (without user information). */
    public static final class NotOk extends IOException {
        private static final long serialVersionUID = 1L;

        NotOk(String message) {
            super(message);
        }
    }
}
