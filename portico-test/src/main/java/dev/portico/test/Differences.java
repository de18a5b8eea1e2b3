package dev.portico.test;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * What differs between two answers to the same request: the status, the values of the headers that matter, and the
 * body (as JSON trees when both are JSON, else byte for byte). What the parity tests use to check that the in-process
 * client answers as the server does over the wire.
 */
public final class Differences {
    /**
     * The headers compared by default: those a client acts on. {@code Date}, {@code X-Request-Id} and
     * {@code Connection} differ by nature; {@code Set-Cookie} values hold fresh secrets, so only names are compared.
     */
    public static final Set<String> HEADERS = Set.of(
            "content-type",
            "content-length",
            "location",
            "allow",
            "www-authenticate",
            "retry-after",
            "ratelimit-limit",
            "ratelimit-remaining",
            "ratelimit-reset",
            "etag",
            "last-modified",
            "cache-control",
            "vary",
            "content-disposition",
            "x-content-type-options");

    private Differences() {}

    /**
     * Sends every one of {@code requests}, in order, through {@code a} then {@code b}, and lists how their answers
     * differ, each line naming the request by its index ({@code request 3: status 200 != 404}); empty when the two
     * clients answer alike. State carries from one request to the next on each side, as it would for one caller.
     */
    public static List<String> whenSent(
            List<Function<PorticoClient, TestResponse>> requests, PorticoClient a, PorticoClient b) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            TestResponse left = requests.get(i).apply(a);
            TestResponse right = requests.get(i).apply(b);
            for (String difference : between(left, right)) {
                out.add("request " + i + ": " + difference);
            }
        }
        return out;
    }

    /** The differences between {@code a} and {@code b}, one line each; empty when they answer alike. */
    public static List<String> between(TestResponse a, TestResponse b) {
        List<String> out = new ArrayList<>();
        if (a.status() != b.status()) {
            out.add("status " + a.status() + " != " + b.status());
        }
        for (String name : HEADERS) {
            List<String> left = a.headers(name);
            List<String> right = b.headers(name);
            if (!left.equals(right)) {
                out.add(name + ": " + left + " != " + right);
            }
        }
        List<String> cookiesA = cookieNames(a);
        List<String> cookiesB = cookieNames(b);
        if (!cookiesA.equals(cookiesB)) {
            out.add("set-cookie names " + cookiesA + " != " + cookiesB);
        }
        if (!sameBody(a, b)) {
            out.add("body " + a.abbreviated() + " != " + b.abbreviated());
        }
        return out;
    }

    private static List<String> cookieNames(TestResponse response) {
        return response.headers("Set-Cookie").stream()
                .map(c -> c.split("=", 2)[0].strip().toLowerCase(Locale.ROOT))
                .sorted()
                .toList();
    }

    private static boolean sameBody(TestResponse a, TestResponse b) {
        if (json(a) && json(b)) {
            JsonNode left = a.json();
            return left.equals(b.json());
        }
        return Arrays.equals(a.body(), b.body());
    }

    private static boolean json(TestResponse response) {
        return response.header("Content-Type").map(t -> t.contains("json")).orElse(false) && response.body().length > 0;
    }
}
