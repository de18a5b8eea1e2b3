package dev.portico.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import dev.portico.error.NullCharacters;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@link NullCharacters} for a JSON body: a string value or key at any depth holding {@code \u0000} is refused
 * before the body is read into a type, naming the path of each ({@code tags.1}, a key under its object's path).
 * JSON can only carry NUL as that escape (a raw control character is malformed), so a body is first scanned
 * for it, byte by byte; only a body that has one is parsed again to find where.
 */
public final class JsonNullCharacters {
    private final JsonFactory factory;
    private final int maxFields;

    /** Parses with the mapper's {@code factory} (its limits), naming at most {@code maxFields} paths. */
    public JsonNullCharacters(JsonFactory factory, int maxFields) {
        this.factory = factory;
        this.maxFields = Math.max(1, maxFields);
    }

    /** Throws the 400 naming every string of {@code body} that holds NUL; does nothing for a body that has none. */
    public void check(byte[] body) {
        if (!escaped(body)) {
            return;
        }
        Set<String> paths = new LinkedHashSet<>();
        try (JsonParser parser = factory.createParser(body)) {
            for (JsonToken token = parser.nextToken();
                    token != null && paths.size() < maxFields;
                    token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && NullCharacters.in(parser.currentName())) {
                    paths.add(path(parser.getParsingContext().getParent())); // a key: its object's path
                } else if (token == JsonToken.VALUE_STRING && NullCharacters.in(parser.getText())) {
                    paths.add(path(parser.getParsingContext()));
                }
            }
        } catch (IOException e) {
            // malformed JSON: left to the reader, which answers it as a parse error
        }
        if (!paths.isEmpty()) {
            throw NullCharacters.refused(paths);
        }
    }

    /** Whether {@code body} has a {@code \u0000} escape (an escaped backslash before {@code u0000} is not one). */
    static boolean escaped(byte[] body) {
        for (int i = 0; i < body.length - 5; i++) {
            if (body[i] == '\\') {
                if (body[i + 1] == 'u'
                        && body[i + 2] == '0'
                        && body[i + 3] == '0'
                        && body[i + 4] == '0'
                        && body[i + 5] == '0') {
                    return true;
                }
                i++; // the escaped character, a backslash included
            }
        }
        return false;
    }

    /** The dotted path of the value the parser is at: record fields and map keys by name, list items by index. */
    private static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.addFirst(c.getCurrentName());
            } else if (c.inArray()) {
                parts.addFirst(Integer.toString(Math.max(0, c.getCurrentIndex())));
            }
        }
        return String.join(".", parts);
    }
}
