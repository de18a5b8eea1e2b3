package dev.portico.cache;

import dev.portico.http.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A response as the cache keeps it: status, media type, headers and body bytes. {@code Set-Cookie} is never
 * kept (a cookie belongs to the request that earned it), nor {@code X-Cache}, which the cache stage sets.
 *
 * @param status the status code
 * @param contentType the body's media type, empty when there is no body
 * @param headers names and values, alternating, in the order they were added
 * @param body the encoded body
 */
public record CachedResponse(int status, Optional<String> contentType, List<String> headers, byte[] body) {
    private static final int FORMAT = 1;

    /** Copies the header list, so a kept response cannot change under a reader. */
    public CachedResponse {
        headers = List.copyOf(headers);
    }

    /**
     * What the cache keeps of {@code response}; it must have a byte body ({@code Response.writer()} empty):
     * a streamed body is not cached.
     */
    public static CachedResponse of(Response response) {
        if (response.writer().isPresent()) {
            throw new IllegalArgumentException("a streamed response cannot be cached");
        }
        List<String> headers = new ArrayList<>(response.headerCount() * 2);
        for (int i = 0; i < response.headerCount(); i++) {
            String name = response.headerName(i);
            if (!name.equalsIgnoreCase("Set-Cookie") && !name.equalsIgnoreCase("X-Cache")) {
                headers.add(name);
                headers.add(response.headerValue(i));
            }
        }
        return new CachedResponse(response.status(), response.contentType(), headers, response.body());
    }

    /** A new response to send: its headers may be added to without touching what is kept. */
    public Response toResponse() {
        Response response =
                contentType.isPresent() ? Response.of(status, contentType.get(), body) : Response.of(status);
        for (int i = 0; i < headers.size(); i += 2) {
            response.header(headers.get(i), headers.get(i + 1));
        }
        return response;
    }

    /** About how many bytes it holds, for a store bounded by size. */
    public int weight() {
        int weight = 64 + body.length;
        for (String h : headers) {
            weight += 16 + h.length();
        }
        return weight;
    }

    /** The bytes a remote store keeps: a format number, then the parts; {@link #decode} reads them back. */
    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length + 128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeShort(status);
            out.writeUTF(contentType.orElse(""));
            out.writeShort(headers.size());
            for (String h : headers) {
                out.writeUTF(h);
            }
            out.writeInt(body.length);
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads what {@link #encode} wrote; empty for bytes of another format (left by another version). */
    public static Optional<CachedResponse> decode(byte[] bytes) {
        return decode(bytes, 0);
    }

    /** {@link #decode(byte[])} of the bytes from {@code offset} on, after a store's own header. */
    public static Optional<CachedResponse> decode(byte[] bytes, int offset) {
        if (offset < 0 || offset >= bytes.length) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, offset, bytes.length - offset))) {
            if (in.readByte() != FORMAT) {
                return Optional.empty();
            }
            int status = in.readShort();
            String type = in.readUTF();
            int count = in.readShort();
            List<String> headers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                headers.add(in.readUTF());
            }
            byte[] body = new byte[in.readInt()];
            in.readFully(body);
            return Optional.of(
                    new CachedResponse(status, type.isEmpty() ? Optional.empty() : Optional.of(type), headers, body));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
