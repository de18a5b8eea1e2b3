package dev.portico.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One raw connection to a server, for the wire tests: writes bytes exactly as given, reads every byte the server sends
 * until it closes the connection (or a deadline passes), so a test sees the exact answer and whether anything else
 * came behind it.
 */
public final class Wire implements AutoCloseable {
    private final Socket socket;

    private Wire(Socket socket) {
        this.socket = socket;
    }

    public static Wire open(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        return new Wire(socket);
    }

    /** A connection whose receive window is small, so a large response stays in the server's hands. */
    public static Wire openSlowReader(int port, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(receiveBuffer);
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
        return new Wire(socket);
    }

    public Wire send(String bytes) throws IOException {
        socket.getOutputStream().write(bytes.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return this;
    }

    /** Half-closes: the server reads the end of the request stream, as when a client goes away mid-body. */
    public Wire endOutput() throws IOException {
        socket.shutdownOutput();
        return this;
    }

    /** What the server sent until it closed the connection; fails if it is still open after {@code wait}. */
    public Received readUntilClosed(Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return new Received(all.toString(StandardCharsets.ISO_8859_1), false);
            }
            socket.setSoTimeout((int) Math.max(1, left));
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                return new Received(all.toString(StandardCharsets.ISO_8859_1), false);
            } catch (SocketException reset) {
                return new Received(all.toString(StandardCharsets.ISO_8859_1), true);
            }
            if (n < 0) {
                return new Received(all.toString(StandardCharsets.ISO_8859_1), true);
            }
            all.write(buffer, 0, n);
        }
    }

    /** Reads one response (head and Content-Length body) and leaves the connection as it is. */
    public RawHttp.Reply readResponse() throws IOException {
        socket.setSoTimeout(10_000);
        return RawHttp.read(socket.getInputStream());
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /**
     * Everything received, and whether the server closed the connection.
     *
     * @param text the bytes as ISO-8859-1 text
     */
    public record Received(String text, boolean closed) {
        /** How many whole responses arrived, each read by its Content-Length. */
        public int responses() {
            int count = 0;
            int at = 0;
            while (text.startsWith("HTTP/1.", at)) {
                int end = text.indexOf("\r\n\r\n", at);
                if (end < 0) {
                    break;
                }
                java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)\r\ncontent-length: *(\\d+)")
                        .matcher(text.substring(at, end));
                at = end + 4 + (length.find() ? Integer.parseInt(length.group(1)) : 0);
                count++;
            }
            return count;
        }

        /** The status code of the first response. */
        public int status() {
            return Integer.parseInt(text.substring(9, 12));
        }
    }
}
