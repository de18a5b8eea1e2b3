package dev.portico.server;

import dev.portico.error.ApiException;
import dev.portico.http.Response;
import dev.portico.pipeline.ErrorRenderer;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers what Jetty refuses before a request reaches the application (a malformed request line or method, a
 * smuggling attempt, a head past the size limit, a URI Jetty finds ambiguous) in Portico's error format. Jetty
 * closes the connection after each, so nothing sent behind a refused request is read.
 */
final class JettyErrors extends ErrorHandler {
    private final ErrorRenderer errors;

    JettyErrors(ErrorRenderer errors) {
        this.errors = errors;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        Response body = errors.render(error(status));
        fields.put(HttpHeader.CONTENT_TYPE, body.contentType().orElse("application/json"));
        fields.put(NOSNIFF, "nosniff");
        return ByteBuffer.wrap(body.body());
    }

    @Override
    public boolean handle(Request request, org.eclipse.jetty.server.Response response, Callback callback) {
        Object status = request.getAttribute(ERROR_STATUS);
        int code = status instanceof Integer i ? i : 500;
        response.setStatus(code < 400 ? 400 : code);
        HttpFields.Mutable fields = response.getHeaders();
        response.write(true, badMessageError(code, null, fields), callback);
        return true;
    }

    private static final String NOSNIFF = "X-Content-Type-Options";

    /** The error for a status Jetty chose; Jetty's own reason stays in its debug log, never in the body. */
    static ApiException error(int status) {
        return switch (status) {
            case 408 -> new ApiException(408, "request_timeout", "Request was not received in time.");
            case 413 -> new ApiException(413, "payload_too_large", "Request body is too large.");
            case 414 -> new ApiException(414, "uri_too_long", "Request line is too long.");
            case 431 -> new ApiException(431, "request_header_fields_too_large", "Request headers are too large.");
            case 501 -> new ApiException(501, "not_implemented", "Transfer coding not implemented.");
            case 505 -> new ApiException(505, "http_version_not_supported", "HTTP version not supported.");
            default ->
                status >= 500
                        ? new ApiException(500, "server_error", "Internal server error.")
                        : new ApiException(status < 400 ? 400 : status, "bad_request", "Malformed request.");
        };
    }
}
