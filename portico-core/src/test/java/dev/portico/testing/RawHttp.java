package dev.portico.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Sends bytes exactly as written over a real socket and reads one response, for what HTTP clients tidy away. */
public final class RawHttp {

    /** A parsed response: status, headers (lower-case names) and body. */
    public record Reply(int status, Map<String, String> headers, String body) {}

    private RawHttp() {}

    public static Reply send(int port, String request) throws IOException {
        return send(port, request, false);
    }

    /** Sends a request whose answer has no body whatever its Content-Length says (HEAD). */
    public static Reply sendHead(int port, String request) throws IOException {
        return send(port, request, true);
    }

    private static Reply send(int port, String request, boolean head) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return read(socket.getInputStream(), head);
        }
    }

    /** Reads the head and a Content-Length body; a HEAD response is read with {@code head} true. */
    public static Reply read(InputStream in) throws IOException {
        return read(in, false);
    }

    /** Reads one response; with {@code head} no body is read whatever Content-Length says. */
    public static Reply read(InputStream in, boolean head) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(
                    line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).trim());
        }
        int length = head ? 0 : Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return new Reply(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                buffer.write(b);
            }
        }
        return buffer.toString(StandardCharsets.ISO_8859_1);
    }
}
