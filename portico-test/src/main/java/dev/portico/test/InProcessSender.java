package dev.portico.test;

import dev.portico.Portico;
import dev.portico.http.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends to {@link Portico#handle} in this thread: the whole pipeline (middlewares, method check, authentication,
 * permissions, throttling, validation, cache, endpoint) with no socket and no server. The response is finished as
 * the server finishes it: a streamed body is written out, {@code HEAD} loses its body, {@code Content-Length} is
 * set as Jetty's adapter sets it (on every body sent whole but a 204's or a 304's; a streamed body goes chunked,
 * without one), and the response's completion tasks (an upload's temporary file) run.
 */
final class InProcessSender implements Sender {
    private final Portico app;

    InProcessSender(Portico app) {
        this.app = app;
    }

    @Override
    public TestResponse send(Outgoing request) {
        Response response = app.handle(new MemoryTransport(withHost(request)));
        try {
            boolean head = request.method().equals("HEAD");
            byte[] body = body(response);
            List<String[]> headers = new ArrayList<>();
            for (int i = 0; i < response.headerCount(); i++) {
                headers.add(new String[] {response.headerName(i), response.headerValue(i)});
            }
            response.contentType().ifPresent(type -> headers.add(new String[] {"Content-Type", type}));
            if (response.writer().isEmpty() && response.status() != 204 && response.status() != 304) {
                headers.add(new String[] {"Content-Length", Integer.toString(body.length)});
            }
            return new TestResponse(response.status(), headers, head ? new byte[0] : body, app.mapper());
        } finally {
            response.complete();
        }
    }

    /** HTTP/1.1 always names a host; a request without one gets {@code localhost}, one of the default allowed hosts. */
    private static Outgoing withHost(Outgoing request) {
        if (request.header("Host").isPresent()) {
            return request;
        }
        List<String[]> headers = new ArrayList<>(request.headers());
        headers.addFirst(new String[] {"Host", "localhost"});
        return new Outgoing(
                request.method(),
                request.rawPath(),
                request.rawQuery(),
                List.copyOf(headers),
                request.body(),
                request.remote());
    }

    private static byte[] body(Response response) {
        if (response.writer().isEmpty()) {
            return response.body();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            response.writer().get().write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public String describe() {
        return "in-process";
    }
}
