package dev.portico.data.query;

import dev.portico.http.PercentDecoding;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The absolute URL of another page: the request's own URL with the page parameters replaced or removed and
 * every other parameter kept as it was sent, as DRF's {@code replace_query_param} does.
 */
final class Links {

    private Links() {}

    /** The URL with each parameter of {@code set} given that value, null values removing the parameter. */
    static String with(BaseUrl base, QueryInput input, Map<String, String> set) {
        StringBuilder url = new StringBuilder(base.origin()).append(encodePath(input.path()));
        String sep = "?";
        String raw = input.rawQuery();
        int from = 0;
        while (from < raw.length()) {
            int amp = raw.indexOf('&', from);
            int to = amp < 0 ? raw.length() : amp;
            int eq = raw.indexOf('=', from);
            String name = PercentDecoding.decode(raw, from, eq < 0 || eq > to ? to : eq, true);
            if (to > from && !set.containsKey(name)) {
                url.append(sep).append(raw, from, to);
                sep = "&";
            }
            from = to + 1;
        }
        for (Map.Entry<String, String> e : set.entrySet()) {
            if (e.getValue() != null) {
                url.append(sep).append(e.getKey()).append('=').append(e.getValue());
                sep = "&";
            }
        }
        return url.toString();
    }

    /** Percent-encodes what may not appear raw in a path (the request's path arrives decoded). */
    private static String encodePath(String path) {
        StringBuilder out = new StringBuilder(path.length() + 8);
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean safe = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-._~/!$&'()*+,;=:@".indexOf(c) >= 0;
            if (safe) {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }
}
