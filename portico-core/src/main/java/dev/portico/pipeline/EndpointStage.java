package dev.portico.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.portico.endpoint.Endpoint;
import dev.portico.endpoint.Invoker;
import dev.portico.http.Handler;
import dev.portico.http.MediaType;
import dev.portico.http.Request;
import dev.portico.http.Response;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Runs the endpoint and turns what it returns into a response: a {@link Response} as it is, nothing as
 * 204 (or the declared status), text for a {@code text/plain} endpoint, and anything else as JSON written
 * by a writer prepared once for the declared output type.
 */
final class EndpointStage implements Handler {
    private final Invoker invoker;
    private final int status;
    private final boolean text;
    private final ObjectWriter writer;

    EndpointStage(Endpoint endpoint, ObjectMapper mapper) {
        this.invoker = endpoint.invoker();
        this.status = endpoint.status();
        this.text =
                endpoint.produces().size() == 1 && endpoint.produces().get(0).startsWith(MediaType.TEXT_PLAIN);
        Type output = endpoint.output();
        boolean specific =
                output != Object.class && output != void.class && output != Void.class && output != Response.class;
        this.writer = specific ? mapper.writerFor(mapper.constructType(output)) : mapper.writer();
    }

    @Override
    public Response handle(Request request) throws Exception {
        Response response = respond(request);
        java.util.List<String> headers = request.responseHeaders();
        for (int i = 0; i < headers.size(); i += 2) {
            response.header(headers.get(i), headers.get(i + 1));
        }
        return response;
    }

    private Response respond(Request request) throws Exception {
        Object result = invoker.invoke(request);
        if (result instanceof Response response) {
            return response;
        }
        if (result == null) {
            return Response.of(status == 200 ? 204 : status);
        }
        if (text && result instanceof CharSequence chars) {
            return Response.of(
                    status, MediaType.TEXT_PLAIN_UTF8, chars.toString().getBytes(StandardCharsets.UTF_8));
        }
        return Response.of(status, MediaType.APPLICATION_JSON, writer.writeValueAsBytes(result));
    }
}
