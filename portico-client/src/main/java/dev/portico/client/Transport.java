package dev.portico.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.form.FormEncoder;
import dev.portico.http.FormData;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The wire, through the JDK's {@link HttpClient}: a method call is a {@code POST} of its form fields (urlencoded, or
 * multipart when a file is among them) with the key in the {@code authorisation} field, as seed 002 sends it (in the
 * body, never the query string, so no log keeps it); the answer is JSON or the error format.
 */
final class Transport implements AutoCloseable {
    private final HttpClient http;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final ObjectMapper json;

    Transport(Duration connectTimeout, Duration requestTimeout, ObjectMapper json) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.json = json;
    }

    /** The JSON text of a successful {@code POST}; an {@link ApiClientException} otherwise. */
    String post(String url, FormData form, Optional<Credentials> credentials, Map<String, String> headers) {
        HttpRequest.Builder request = request(url, headers);
        if (form.files().isEmpty()) {
            String body = FormEncoder.urlencoded(form);
            if (credentials.isPresent()) {
                body = (body.isEmpty() ? "" : body + "&") + "authorisation="
                        + URLEncoder.encode(credentials.get().authorisation(), StandardCharsets.UTF_8);
            }
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            Multipart multipart = Multipart.of(url, form, credentials.map(Credentials::authorisation));
            request.header("Content-Type", multipart.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.body()));
        }
        return send(url, "POST", request.build());
    }

    /** The JSON text of a successful {@code GET}. */
    String get(String url, Map<String, String> headers) {
        return send(url, "GET", request(url, headers).GET().build());
    }

    private HttpRequest.Builder request(String url, Map<String, String> headers) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(url)).timeout(requestTimeout).header("Accept", "application/json");
        headers.forEach(builder::setHeader);
        return builder;
    }

    private String send(String url, String method, HttpRequest request) {
        String where = method + " " + safe(url);
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw new ApiConnectionException(
                    where, "no connection within the connect timeout of " + connectTimeout, true, e);
        } catch (HttpTimeoutException e) {
            throw new ApiConnectionException(
                    where, "no answer within the request timeout of " + requestTimeout, true, e);
        } catch (ConnectException e) {
            throw new ApiConnectionException(
                    where, "cannot connect (" + e.getClass().getSimpleName() + ")", false, e);
        } catch (IOException e) {
            throw new ApiConnectionException(where, "the exchange failed: " + e, false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiConnectionException(where, "interrupted while waiting for the answer", false, e);
        }
        if (response.statusCode() >= 200 && response.statusCode() < 300) {
            return response.body();
        }
        throw error(where, response);
    }

    /** The error format's {@code detail}, {@code code} and {@code errors}; a body that is not one gives its status. */
    private ApiErrorException error(String where, HttpResponse<String> response) {
        JsonNode body = null;
        try {
            body = json.readTree(response.body());
        } catch (IOException | RuntimeException e) {
            // not JSON: a proxy's page, say; the status says enough
        }
        if (body == null || !body.isObject()) {
            return new ApiErrorException(
                    where,
                    response.statusCode(),
                    "the answer is not Portico's error format ("
                            + response.headers().firstValue("Content-Type").orElse("no Content-Type") + ")",
                    null,
                    Map.of());
        }
        String detail = body.path("detail").isTextual() ? body.get("detail").asText() : "(no detail)";
        String code = body.path("code").isTextual() ? body.get("code").asText() : null;
        Map<String, List<String>> errors = new LinkedHashMap<>();
        body.path("errors").properties().forEach(field -> {
            List<String> messages = new ArrayList<>();
            if (field.getValue().isArray()) {
                field.getValue().forEach(m -> messages.add(m.isTextual() ? m.asText() : m.toString()));
            } else {
                messages.add(
                        field.getValue().isTextual()
                                ? field.getValue().asText()
                                : field.getValue().toString());
            }
            errors.put(field.getKey(), List.copyOf(messages));
        });
        return new ApiErrorException(where, response.statusCode(), detail, code, errors);
    }

    /** The URL without user information, for messages. */
    static String safe(String url) {
        return url.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@?#]*@", "$1");
    }

    @Override
    public void close() {
        http.close();
    }
}
