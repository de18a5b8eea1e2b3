package dev.portico.server;

import dev.portico.http.Response;
import dev.portico.pipeline.Application;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * The one Jetty handler: every request goes to the {@link Application} (Portico's router knows every path), on a
 * virtual thread since the invocation type is blocking. A body of bytes is written without blocking or copying, so a
 * client that reads slowly holds a reference to the response, not a thread or a buffer of its own; a streamed body is
 * written from the request's virtual thread.
 */
final class JettyHandler extends Handler.Abstract {
    /** How long an unread body is waited for before the connection is given up instead (see {@link #drained}). */
    static final long DRAIN_MILLIS = 1_000;
    /** The header every answer carries (see {@code Application}), encoded once. */
    private static final HttpField NOSNIFF = new PreEncodedHttpField("X-Content-Type-Options", "nosniff");

    /** The Content-Type fields made so far, by value (see {@link #contentType}). */
    private static final ConcurrentMap<String, HttpField> CONTENT_TYPES = new ConcurrentHashMap<>();

    private static final int CONTENT_TYPES_KEPT = 64;
    /** Loaded with the handler, not by a first request that may come when no descriptor is left to open a class. */
    private static final List<Class<?>> PER_REQUEST = List.of(JettyTransport.class, RequestBody.class, Sent.class);

    private final Application application;
    private final HttpServer.Options options;
    private final LongAdder inFlight;
    private final BooleanSupplier stopping;

    JettyHandler(Application application, HttpServer.Options options, LongAdder inFlight, BooleanSupplier stopping) {
        this.application = application;
        this.options = options;
        this.inFlight = inFlight;
        this.stopping = stopping;
    }

    @Override
    public boolean handle(Request request, org.eclipse.jetty.server.Response response, Callback callback) {
        inFlight.increment();
        Response answer;
        try {
            answer = application.handle(new JettyTransport(request, options.bodyTimeout()));
        } catch (RuntimeException | Error e) { // handle never throws; if it did, the count must not leak
            inFlight.decrement();
            throw e;
        }
        Sent sent = new Sent(answer, callback, inFlight, ConnectionWatch.progress(request));
        headers(answer, response);
        if (!drained(request)) {
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
        boolean head = HttpMethod.HEAD.is(request.getMethod());
        if (answer.writer().isPresent() && !head) {
            stream(answer, response, sent);
            return true;
        }
        if (answer.writer().isEmpty() && answer.status() != 204 && answer.status() != 304) {
            // a streamed body's length is not known before it is written; a 204 or 304 has none (RFC 9110)
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
        }
        sent.writing();
        byte[] body = answer.body();
        response.write(true, head || body.length == 0 ? BufferUtil.EMPTY_BUFFER : ByteBuffer.wrap(body), sent);
        return true;
    }

    /**
     * Reads and discards what the application left of the body (a request refused before its body was read), so the
     * connection can carry the next request: closing it with the body unread would reset it under a client still
     * sending, which then never sees the answer. Only what arrives promptly is read, at most {@code limits.body-size}
     * within {@link #DRAIN_MILLIS}: a body that trickles (slowloris) is not waited for. False when the rest did not
     * come in time, was larger, or broke: the answer then says {@code Connection: close}.
     */
    private boolean drained(Request request) {
        long declared = request.getLength();
        if (declared == 0 || declared < 0 && !request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)) {
            return true; // no body at all: the common GET costs nothing here
        }
        if (declared > options.maxBody()) {
            return false;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS);
        long left = options.maxBody();
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                if (!awaitMore(request, deadline)) {
                    return false;
                }
                continue;
            }
            if (Content.Chunk.isFailure(chunk)) {
                return false;
            }
            left -= chunk.remaining();
            boolean last = chunk.isLast();
            chunk.release();
            if (last || left < 0) {
                return last && left >= 0;
            }
        }
    }

    /** Waits until more of the body can be read, or the deadline passes (false). */
    private static boolean awaitMore(Request request, long deadline) {
        long wait = deadline - System.nanoTime();
        if (wait <= 0) {
            return false;
        }
        CountDownLatch more = new CountDownLatch(1);
        request.demand(more::countDown);
        try {
            return more.await(wait, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void headers(Response answer, org.eclipse.jetty.server.Response response) {
        response.setStatus(answer.status());
        HttpFields.Mutable headers = response.getHeaders();
        for (int i = 0; i < answer.headerCount(); i++) {
            // add, not put: a name given twice (two Set-Cookie) must reach the client twice
            String name = answer.headerName(i);
            String value = answer.headerValue(i);
            headers.add(NOSNIFF.is(name) && NOSNIFF.getValue().equals(value) ? NOSNIFF : new HttpField(name, value));
        }
        Optional<String> type = answer.contentType();
        if (type.isPresent()) {
            headers.put(contentType(type.get()));
        }
        if (stopping.getAsBoolean() || options.draining().getAsBoolean()) {
            // a client that sends its next request on this connection would lose it when the port closes
            headers.put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
    }

    /**
     * The Content-Type field, made once per type and kept: an endpoint answers with the few types its model declares,
     * and looking the type up in Jetty's table per answer cost more than the rest of the headers (JFR, /plaintext).
     * Jetty's own pre-encoded field where its spelling is ours, so the usual answer's bytes are not encoded again. At
     * most {@link #CONTENT_TYPES_KEPT} types are kept, so types made per request (a multipart boundary) cannot grow it.
     */
    private static HttpField contentType(String type) {
        HttpField kept = CONTENT_TYPES.get(type);
        if (kept != null) {
            return kept;
        }
        MimeTypes.Type known = MimeTypes.CACHE.get(type);
        HttpField field = known == null ? null : known.getContentTypeField();
        // Jetty files "text/plain; charset=utf-8" under its spelling without the space: the value sent stays ours
        HttpField made = field != null && field.getValue().equals(type)
                ? field
                : new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, type);
        if (CONTENT_TYPES.size() < CONTENT_TYPES_KEPT) {
            CONTENT_TYPES.putIfAbsent(type, made);
        }
        return made;
    }

    private static void stream(Response answer, org.eclipse.jetty.server.Response response, Sent sent) {
        sent.writing();
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            answer.writer().get().write(out);
        } catch (IOException | RuntimeException e) {
            sent.failed(e);
            return;
        }
        sent.succeeded();
    }

    /** Completes the exchange once the response is written or has failed: the count, the watch and the response. */
    private static final class Sent implements Callback {
        private final Response answer;
        private final Callback callback;
        private final LongAdder inFlight;
        private final ConnectionWatch.Progress progress;

        Sent(Response answer, Callback callback, LongAdder inFlight, ConnectionWatch.Progress progress) {
            this.answer = answer;
            this.callback = callback;
            this.inFlight = inFlight;
            this.progress = progress;
        }

        void writing() {
            if (progress != null) {
                progress.writing();
            }
        }

        @Override
        public void succeeded() {
            done();
            callback.succeeded();
        }

        @Override
        public void failed(Throwable cause) {
            done(); // the client went away, or read too slowly: nothing to answer, nothing worth a stack trace
            callback.failed(cause);
        }

        private void done() {
            if (progress != null) {
                progress.written();
            }
            inFlight.decrement();
            answer.complete();
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }
    }
}
