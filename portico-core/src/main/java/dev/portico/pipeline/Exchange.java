package dev.portico.pipeline;

import dev.portico.auth.Guesses;
import dev.portico.endpoint.Endpoint;
import dev.portico.error.NullCharacters;
import dev.portico.error.PayloadTooLarge;
import dev.portico.form.FormParser;
import dev.portico.http.FormData;
import dev.portico.http.HttpMethod;
import dev.portico.http.Principal;
import dev.portico.http.Request;
import dev.portico.http.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Request} the pipeline works on: a {@link Transport} plus what the stages learn along the way
 * (the endpoint and its path values, the caller, the bound inputs). One per request, confined to the
 * virtual thread that serves it, so nothing here is synchronised.
 */
public final class Exchange implements Request {
    private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);
    private static final Object[] NONE = new Object[0];
    private static final java.util.HexFormat HEX = java.util.HexFormat.of();
    private static final long GOLDEN = 0x9E3779B97F4A7C15L; // SplitMix64's step, odd: the counter visits every long
    private static final AtomicLong NEXT_ID =
            new AtomicLong(ThreadLocalRandom.current().nextLong());

    private final Transport transport;
    private final HttpMethod method;
    private HttpMethod methodAs;
    private boolean browsable;
    private final String requestId;
    private final long bodyLimit;
    private final FormParser queryParser;
    private final BodyReaders readers;
    private String path;
    private FormData query;
    private byte[] body;
    private boolean bodyTaken;
    private RuntimeException bodyRefused; // why bodyBytes() could not read the body, given again to a later read
    private Endpoint endpoint;
    private RequestObserver.Recorder recorder;
    private Object[] pathValues = NONE;
    private Principal principal;
    private Map<Attribute<?>, Object> attributes;
    private List<String> responseHeaders; // allocated by the first responseHeader
    private Object[] arguments = NONE;
    private List<AutoCloseable> closeAtEnd;

    private final dev.portico.http.ClientAddress client;
    private final Guesses guesses;

    Exchange(
            Transport transport,
            HttpMethod method,
            long bodyLimit,
            FormParser queryParser,
            BodyReaders readers,
            dev.portico.http.ClientAddress client,
            Guesses guesses) {
        this.transport = transport;
        this.client = client;
        this.guesses = guesses;
        this.readers = readers;
        this.method = method;
        this.bodyLimit = bodyLimit;
        this.queryParser = queryParser;
        this.requestId = requestId(transport.header("X-Request-Id"));
    }

    private static String requestId(Optional<String> incoming) {
        if (incoming.isPresent() && valid(incoming.get())) {
            return incoming.get();
        }
        return HEX.toHexDigits(mix(NEXT_ID.getAndAdd(GOLDEN))); // 16 digits, the string made without a copy
    }

    /**
     * SplitMix64's finaliser: a bijection, so distinct counter values give distinct ids (none repeats within a process
     * before 2^64 requests), scattered so that ids do not read as a sequence. A counter, not {@code ThreadLocalRandom}:
     * every request runs on a new virtual thread, whose first random number costs a seeding of its own.
     */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A client's id is echoed only when it is short and plain, so it cannot inject into logs or headers. */
    private static boolean valid(String id) {
        if (id.isEmpty() || id.length() > 128) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == ':';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The transport under this request. */
    public Transport transport() {
        return transport;
    }

    void route(Endpoint endpoint, Object[] pathValues, RequestObserver.Recorder recorder) {
        this.endpoint = endpoint;
        this.pathValues = pathValues;
        this.recorder = recorder;
    }

    /** What records this request's outcome: its endpoint's, or {@code unmatched} when it reached none. */
    RequestObserver.Recorder recorder(RequestObserver.Recorder unmatched) {
        return recorder != null ? recorder : unmatched;
    }

    @Override
    public HttpMethod method() {
        return methodAs != null ? methodAs : method;
    }

    /**
     * Makes {@link #method()} answer {@code other} (null: the request's own again), for a permission asked on behalf
     * of another method of the path: the OPTIONS answer's {@code actions}, the browsable API's forms.
     */
    void methodAs(HttpMethod other) {
        this.methodAs = other;
    }

    /** Whether the browsable API's page answers this request (content negotiation chose HTML). */
    boolean browsable() {
        return browsable;
    }

    void browsable(boolean html) {
        this.browsable = html;
    }

    @Override
    public String path() {
        if (path == null) {
            String raw = transport.rawPath();
            String decoded = dev.portico.http.PercentDecoding.decode(raw, 0, raw.length(), false);
            path = decoded != null ? decoded : raw; // not decodable: the raw form is the most faithful answer
        }
        return path;
    }

    @Override
    public String rawQuery() {
        return transport.rawQuery();
    }

    private FormData queryData() {
        if (query == null) {
            query = queryParser.parse(transport.rawQuery());
        }
        return query;
    }

    @Override
    public Optional<String> query(String name) {
        return transport.rawQuery().isEmpty() ? Optional.empty() : queryData().first(name);
    }

    @Override
    public List<String> queryAll(String name) {
        return transport.rawQuery().isEmpty() ? List.of() : queryData().all(name);
    }

    @Override
    public List<String> queryNames() {
        return transport.rawQuery().isEmpty()
                ? List.of()
                : List.copyOf(queryData().fields().keySet());
    }

    /** A header's value; one holding NUL is a 400 naming the header, whoever reads it (DRF's rule for any string). */
    @Override
    public Optional<String> header(String name) {
        Optional<String> value = transport.header(name);
        value.ifPresent(v -> NullCharacters.check(name, v));
        return value;
    }

    /** Every value of a header, checked as {@link #header} does; {@code Cookie} is checked cookie by cookie. */
    @Override
    public List<String> headers(String name) {
        List<String> values = transport.headers(name);
        if (!name.equalsIgnoreCase("Cookie")) {
            for (String value : values) {
                NullCharacters.check(name, value);
            }
        }
        return values;
    }

    /** A cookie's value; one holding NUL is a 400 naming the cookie. */
    @Override
    public Optional<String> cookie(String name) {
        Optional<String> value = Request.super.cookie(name);
        value.ifPresent(v -> NullCharacters.check(name, v));
        return value;
    }

    @Override
    public <T> T pathParam(String name, Class<T> type) {
        if (endpoint != null) {
            List<String> names = endpoint.path().paramNames();
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equals(name)) {
                    return type.cast(pathValues[i]);
                }
            }
        }
        throw new IllegalArgumentException("no path parameter '" + name + "'"
                + (endpoint == null ? "" : " in " + endpoint.path().template()));
    }

    @Override
    public InputStream body() {
        if (body != null) {
            return new ByteArrayInputStream(body);
        }
        if (bodyTaken) {
            throw new IllegalStateException("the request body was already read as a stream");
        }
        bodyTaken = true;
        checkDeclaredLength();
        return new LimitedInputStream(transport.body(), bodyLimit);
    }

    @Override
    public Optional<FormData> form() {
        return readers.form(this);
    }

    @Override
    public byte[] bodyBytes() {
        if (bodyRefused != null) {
            throw bodyRefused;
        }
        if (body == null) {
            try (InputStream in = body()) {
                body = in.readAllBytes();
            } catch (IOException e) {
                bodyRefused = new UncheckedIOException(e);
                throw bodyRefused;
            } catch (RuntimeException e) {
                bodyRefused = e;
                throw e;
            }
        }
        return body;
    }

    @Override
    public void closeAtEnd(AutoCloseable resource) {
        if (closeAtEnd == null) {
            closeAtEnd = new ArrayList<>(2);
        }
        closeAtEnd.add(resource);
    }

    /**
     * The response, with what the request registered released when it is done with: now for a body of bytes,
     * once the server has sent it for a streamed body (which may still read an upload's temporary file).
     */
    Response releaseAfter(Response response) {
        if (closeAtEnd == null) {
            return response;
        }
        if (response.writer().isEmpty()) {
            close();
            return response;
        }
        return response.onComplete(this::close);
    }

    /** Closes what the request registered, each even when another fails. */
    void close() {
        if (closeAtEnd == null) {
            return;
        }
        for (AutoCloseable resource : closeAtEnd) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("request {}: could not release {}: {}", requestId, resource, e.toString());
            }
        }
        closeAtEnd = null;
    }

    private void checkDeclaredLength() {
        if (transport.contentLength() > bodyLimit) {
            throw tooLarge(bodyLimit);
        }
    }

    static PayloadTooLarge tooLarge(long limit) {
        return new PayloadTooLarge("Request body is larger than the limit of " + limit + " bytes.");
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return transport.remoteAddress();
    }

    @Override
    public String peerAddress() {
        return transport.peerAddress();
    }

    @Override
    public String clientAddress() {
        return client.of(this);
    }

    @Override
    public String requestId() {
        return requestId;
    }

    @Override
    public String route() {
        return endpoint.describe();
    }

    /** The endpoint this request was routed to; null before routing. */
    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public Optional<Principal> principal() {
        return Optional.ofNullable(principal);
    }

    /** Sets the caller; the authentication stage's alone. */
    void principal(Principal principal) {
        this.principal = principal;
    }

    @Override
    public void responseHeader(String name, String value) {
        if (responseHeaders == null) {
            responseHeaders = new ArrayList<>(4);
        }
        responseHeaders.add(name);
        responseHeaders.add(value);
    }

    @Override
    public List<String> responseHeaders() {
        return responseHeaders == null ? List.of() : responseHeaders;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Optional<T> attribute(Attribute<T> key) {
        if (key == Guesses.ATTRIBUTE) { // the application's, given at construction: no map for every request
            return Optional.of((T) guesses);
        }
        return attributes == null ? Optional.empty() : Optional.ofNullable((T) attributes.get(key));
    }

    @Override
    public <T> void attribute(Attribute<T> key, T value) {
        if (attributes == null) {
            attributes = new IdentityHashMap<>(4);
        }
        attributes.put(key, value);
    }

    @Override
    public Object[] arguments() {
        return arguments;
    }

    /** Sets the bound inputs; the input stage's alone. */
    void arguments(Object[] arguments) {
        this.arguments = arguments;
    }

    @Override
    public Object input(String name) {
        int index = endpoint.inputIndex(name);
        if (index < 0) {
            throw new IllegalArgumentException("endpoint " + endpoint.describe() + " declares no input '" + name + "'");
        }
        return arguments[index];
    }

    /** The pipeline's view of a request its stages are handed: every request in the pipeline is an exchange. */
    static Exchange of(Request request) {
        return (Exchange) request;
    }

    /** Reads at most {@code limit} bytes, then fails with 413, so a chunked body cannot grow without bound. */
    private static final class LimitedInputStream extends InputStream {
        private final InputStream in;
        private final long limit;
        private long count;

        LimitedInputStream(InputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            if (count > limit) {
                throw tooLarge(limit);
            }
            int b = in.read();
            if (b >= 0 && ++count > limit) {
                throw tooLarge(limit);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (count > limit) {
                throw tooLarge(limit); // sticky: a reader that closes after the breach must not spin on 0-byte reads
            }
            if (length == 0) {
                return 0;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, limit - count + 1));
            if (n > 0) {
                count += n;
                if (count > limit) {
                    throw tooLarge(limit);
                }
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
