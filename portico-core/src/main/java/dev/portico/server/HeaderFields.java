package dev.portico.server;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * Jetty's fields for the headers Portico's answers carry, reused when a name and value come again. Most of an answer's
 * headers repeat from one request to the next (its {@code Content-Type}, {@code X-Content-Type-Options},
 * {@code X-Cache}, a throttle's {@code RateLimit-Limit}), so a field seen twice is kept pre-encoded and costs neither an
 * allocation nor an encoding again; a value that never repeats (a request id) costs one field, as without the table.
 *
 * <p>A fixed table of slots, written without a lock: a field is immutable, so a racing write loses only a reuse. A
 * {@code Set-Cookie} is never kept, so a session id does not outlive its answer here.
 */
final class HeaderFields {
    private static final int SLOTS = 256;   // a power of two: a slot is the hash's low bits

    private final HttpField[] slots = new HttpField[SLOTS];

    /** The field for {@code name: value}, from the table when it has been sent before. */
    HttpField of(String name, String value) {
        if (HttpHeader.SET_COOKIE.is(name)) {
            return new HttpField(name, value);
        }
        int slot = (name.hashCode() * 31 + value.hashCode()) & (SLOTS - 1);
        HttpField kept = slots[slot];
        if (kept != null && kept.getValue().equals(value) && kept.getName().equals(name)) {
            if (kept instanceof PreEncodedHttpField) {
                return kept;
            }
            HttpField encoded = new PreEncodedHttpField(kept.getHeader(), name, value);   // seen twice: encode once
            slots[slot] = encoded;
            return encoded;
        }
        HttpField made = new HttpField(name, value);
        slots[slot] = made;
        return made;
    }
}
