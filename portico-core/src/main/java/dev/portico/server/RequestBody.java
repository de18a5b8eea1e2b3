package dev.portico.server;

import dev.portico.error.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request body as it arrives, held to a deadline for the whole body, and with the wire's failures turned into the
 * client errors they are: a body that stops short of its {@code Content-Length} (the client went away) is a 400, one
 * that stalls past the idle timeout or trickles past the body timeout is a 408. Either is logged once, at INFO and
 * without a stack trace, since nothing on the server failed.
 */
final class RequestBody extends InputStream {
    private static final Logger LOG = LoggerFactory.getLogger(RequestBody.class);

    private final InputStream in;
    private final long declared;
    private final long deadline;
    private final Duration timeout;
    private long read;

    RequestBody(InputStream in, long declared, Duration timeout) {
        this.in = in;
        this.declared = declared;
        this.timeout = timeout;
        this.deadline = System.nanoTime() + timeout.toNanos();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (System.nanoTime() - deadline > 0) {
            throw timedOut("took longer than server.body-timeout (" + timeout + ")");
        }
        int n;
        try {
            n = in.read(buffer, offset, length);
        } catch (IOException e) {
            throw translate(e);
        }
        if (n > 0) {
            read += n;
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private ApiException translate(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return timedOut("stalled past server.idle-timeout");
            }
            if (t instanceof EofException) {
                break; // Jetty's early EOF is also an HttpException, but nothing was malformed: the client left
            }
            if (t instanceof HttpException malformed) { // a bad chunk: the framing, not the client's departure
                return JettyErrors.error(malformed.getCode());
            }
        }
        LOG.info(
                "request body ended after {} bytes of {}: the client went away ({})",
                read,
                declared < 0 ? "a chunked body" : declared,
                e.getMessage());
        return new ApiException(400, "incomplete_body", "Request body ended before it was complete.");
    }

    private ApiException timedOut(String why) {
        LOG.info("request body not received in time after {} bytes: it {}", read, why);
        return new ApiException(408, "request_timeout", "Request body was not received in time.");
    }
}
