package dev.portico.auth;

import dev.portico.http.Response;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code Set-Cookie} header, parsed for assertions: {@code name=value; Path=/; Max-Age=0; HttpOnly}.
 *
 * @param name the cookie's name
 * @param value its value (empty when cleared)
 * @param attributes the attributes by lower-case name; flags map to ""
 */
public record SetCookie(String name, String value, Map<String, String> attributes) {

    public static SetCookie parse(String header) {
        String[] parts = header.split(";");
        int eq = parts[0].indexOf('=');
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].strip();
            int e = part.indexOf('=');
            attributes.put(
                    (e < 0 ? part : part.substring(0, e)).toLowerCase(Locale.ROOT), e < 0 ? "" : part.substring(e + 1));
        }
        return new SetCookie(
                parts[0].substring(0, eq).strip(), parts[0].substring(eq + 1).strip(), attributes);
    }

    /** Every Set-Cookie of an in-process response. */
    public static List<SetCookie> all(Response response) {
        List<SetCookie> cookies = new ArrayList<>();
        for (int i = 0; i < response.headerCount(); i++) {
            if (response.headerName(i).equalsIgnoreCase("Set-Cookie")) {
                cookies.add(parse(response.headerValue(i)));
            }
        }
        return cookies;
    }

    /** Every Set-Cookie of a response over the wire. */
    public static List<SetCookie> all(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .map(SetCookie::parse)
                .toList();
    }

    /** The one named {@code name}, if the response set it. */
    public static Optional<SetCookie> find(List<SetCookie> cookies, String name) {
        return cookies.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public boolean has(String attribute) {
        return attributes.containsKey(attribute.toLowerCase(Locale.ROOT));
    }

    public Optional<String> attribute(String attribute) {
        return Optional.ofNullable(attributes.get(attribute.toLowerCase(Locale.ROOT)));
    }

    /** Whether it deletes the cookie (Max-Age=0). */
    public boolean clears() {
        return attribute("Max-Age").filter("0"::equals).isPresent();
    }
}
