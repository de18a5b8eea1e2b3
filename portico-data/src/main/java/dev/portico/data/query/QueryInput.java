package dev.portico.data.query;

import dev.portico.error.ParseError;
import dev.portico.http.PercentDecoding;
import dev.portico.http.Request;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of a request a list query reads: its path (for the {@code next}/{@code previous} links), its raw
 * query string (kept as sent in those links) and its decoded query parameters.
 *
 * @param path the decoded request path
 * @param rawQuery the query string as sent, without {@code ?}
 * @param params the decoded parameters, every value of each, names in order of first appearance
 */
public record QueryInput(String path, String rawQuery, Map<String, List<String>> params) {

    /** An input; {@code params} is copied. */
    public QueryInput {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        params.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        params = Collections.unmodifiableMap(copy);
    }

    /** The query of a request, already decoded (and bounded by the form limits) by the request itself. */
    public static QueryInput of(Request request) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String name : request.queryNames()) {
            params.put(name, request.queryAll(name));
        }
        return new QueryInput(request.path(), request.rawQuery(), params);
    }

    /** The query of a request target such as {@code /posts?page=2&title__icontains=a%20b}: for tests and tools. */
    public static QueryInput parse(String target) {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String raw = q < 0 ? "" : target.substring(q + 1);
        Map<String, List<String>> params = new LinkedHashMap<>();
        int from = 0;
        while (from <= raw.length() && !raw.isEmpty()) {
            int amp = raw.indexOf('&', from);
            int to = amp < 0 ? raw.length() : amp;
            if (to > from) {
                int eq = raw.indexOf('=', from);
                int nameEnd = eq < 0 || eq > to ? to : eq;
                String name = decode(raw, from, nameEnd);
                String value = nameEnd == to ? "" : decode(raw, nameEnd + 1, to);
                params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
            from = to + 1;
        }
        return new QueryInput(decode(path, 0, path.length()), raw, params);
    }

    /** The last value of a parameter, as Django's {@code QueryDict.get} reads it; null when absent. */
    String last(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    private static String decode(String s, int from, int to) {
        String decoded = PercentDecoding.decode(s, from, to, true);
        if (decoded == null) {
            throw new ParseError("Malformed query string: a bad percent-escape or text that is not UTF-8.");
        }
        return decoded;
    }
}
