package dev.portico.pipeline;

import dev.portico.http.Handler;
import dev.portico.http.HttpMethod;
import dev.portico.http.Response;
import dev.portico.metadata.ApiPage;
import dev.portico.metadata.PageRenderer;
import dev.portico.metadata.RouteInfo;
import dev.portico.router.RouteMatch;
import dev.portico.router.Router;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The browsable API as an ordinary renderer: for a request that negotiated HTML ({@code Accept: text/html} ahead of
 * JSON, or {@code ?format=api}), the answer of the whole pipeline, errors included, is rendered as a page instead of
 * JSON. It sits just inside the global middlewares, so they (the session's cookies) see the page, and it renders only
 * JSON answers: an endpoint that writes HTML, YAML or a stream keeps its own body.
 */
final class BrowsablePages {
    private static final List<HttpMethod> WRITES =
            List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final String FORMAT_API = "format=api";

    private final PageRenderer renderer;
    private final Router<MethodDispatch> router;

    BrowsablePages(PageRenderer renderer, Router<MethodDispatch> router) {
        this.renderer = renderer;
        this.router = router;
    }

    /** Whether the request negotiates the page: {@code ?format=api}, or a browser's {@code Accept}. */
    static boolean wanted(Transport transport) {
        return transport.rawQuery().contains(FORMAT_API) && withoutFormat(transport.rawQuery()) != null
                || Negotiation.prefersHtml(transport.header("Accept").orElse(null));
    }

    /**
     * The transport with {@code format=api} taken out of its query, so endpoints that refuse unknown query
     * parameters never see it; the transport itself when it has none.
     */
    static Transport withoutFormat(Transport transport) {
        String query = withoutFormat(transport.rawQuery());
        return query == null ? transport : new Stripped(transport, query);
    }

    private static String withoutFormat(String query) {
        List<String> kept = new ArrayList<>();
        boolean found = false;
        for (String pair : query.split("&")) {
            if (pair.equals(FORMAT_API)) {
                found = true;
            } else if (!pair.isEmpty()) {
                kept.add(pair);
            }
        }
        return found ? String.join("&", kept) : null;
    }

    Handler wrap(Handler next) {
        return request -> {
            Exchange exchange = (Exchange) request;
            if (!exchange.browsable() || exchange.method() == HttpMethod.HEAD) {
                return next.handle(request);
            }
            Response answer = next.handle(request);
            return json(answer) ? renderer.render(page(exchange, answer)) : answer;
        };
    }

    /**
     * Only JSON answers (or none) are rendered; a page, a document or a stream is its endpoint's own, and 204 and 304
     * may carry no body at all.
     */
    private static boolean json(Response response) {
        if (response.writer().isPresent() || response.status() == 204 || response.status() == 304) {
            return false;
        }
        Optional<String> type = response.contentType();
        return type.isEmpty()
                || type.get().startsWith("application/json")
                || type.get().startsWith("application/problem+json");
    }

    private ApiPage page(Exchange exchange, Response answer) {
        RouteMatch<MethodDispatch> match = router.find(exchange.transport().rawPath());
        if (!(match instanceof RouteMatch.Found<MethodDispatch> found)) {
            return new ApiPage(exchange, answer, Optional.empty(), List.of(), Set.of());
        }
        MethodDispatch dispatch = found.route().any();
        List<HttpMethod> allowed = new ArrayList<>();
        for (String name : dispatch.allow().split(",\\s*")) {
            allowed.add(HttpMethod.valueOf(name));
        }
        Optional<RouteInfo> info = Optional.of(dispatch.info());
        return new ApiPage(exchange, answer, info, allowed, dispatch.permitted(exchange, WRITES));
    }

    /** A transport whose query lost {@code format=api}. */
    private record Stripped(Transport transport, String rawQuery) implements Transport {
        @Override
        public String method() {
            return transport.method();
        }

        @Override
        public String rawPath() {
            return transport.rawPath();
        }

        @Override
        public Optional<String> header(String name) {
            return transport.header(name);
        }

        @Override
        public List<String> headers(String name) {
            return transport.headers(name);
        }

        @Override
        public long contentLength() {
            return transport.contentLength();
        }

        @Override
        public InputStream body() {
            return transport.body();
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return transport.remoteAddress();
        }

        @Override
        public String peerAddress() {
            return transport.peerAddress();
        }
    }
}
