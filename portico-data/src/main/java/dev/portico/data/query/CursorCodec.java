package dev.portico.data.query;

import dev.portico.error.NotFound;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The opaque cursor: base64url of a version byte, the direction, the ordering it was made for and the boundary
 * row's ordering values as text. Tampering cannot reach SQL (the values are parsed by the fields' types and
 * bound); a cursor that does not decode, or was made for another ordering, is 404 {@code Invalid cursor.}.
 */
final class CursorCodec {
    private static final int VERSION = 1;
    private static final int MAX_LENGTH = 2048;

    private CursorCodec() {}

    static String encode(boolean forward, String signature, List<Object> values) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeBoolean(forward);
            out.writeUTF(signature);
            out.writeByte(values.size());
            for (Object value : values) {
                out.writeUTF(value == null ? "" : text(value));
                out.writeBoolean(value == null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    static PageRequest.Position decode(String cursor, String signature, List<FieldDef> fields) {
        if (cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        try (DataInputStream in = new DataInputStream(
                new ByteArrayInputStream(Base64.getUrlDecoder().decode(cursor)))) {
            if (in.readByte() != VERSION) {
                throw invalid();
            }
            boolean forward = in.readBoolean();
            if (!in.readUTF().equals(signature) || in.readByte() != fields.size()) {
                throw invalid();
            }
            List<Object> values = new ArrayList<>(fields.size());
            for (FieldDef field : fields) {
                String text = in.readUTF();
                if (in.readBoolean()) {
                    throw invalid(); // keyset comparisons cannot continue from a NULL
                }
                values.add(field.converter().convert(text));
            }
            if (in.read() != -1) {
                throw invalid();
            }
            return new PageRequest.Position(forward, values);
        } catch (IOException | IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static String text(Object value) {
        return value instanceof Enum<?> e ? e.name() : value.toString();
    }

    private static NotFound invalid() {
        return new NotFound("Invalid cursor.");
    }
}
