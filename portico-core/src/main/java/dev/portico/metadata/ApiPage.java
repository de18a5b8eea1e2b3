package dev.portico.metadata;

import dev.portico.http.HttpMethod;
import dev.portico.http.Request;
import dev.portico.http.Response;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the browsable API shows for one request, handed to a {@link PageRenderer}: the request, the answer the JSON
 * client would have had (after the whole pipeline, errors included), and what the path offers this caller. The page
 * shows nothing that is not in here, so a browser sees what the JSON answer gives and no more.
 *
 * @param request the request, as the pipeline saw it (its principal, its form fields)
 * @param response the JSON answer: status, headers and body
 * @param route the path's description, when the path is routed
 * @param allowed the methods of the path ({@code Allow})
 * @param permitted the writing methods this caller passes the permissions of (forms are shown for these only)
 */
public record ApiPage(
        Request request,
        Response response,
        Optional<RouteInfo> route,
        List<HttpMethod> allowed,
        Set<HttpMethod> permitted) {

    /** Copies the collections. */
    public ApiPage {
        allowed = List.copyOf(allowed);
        permitted = Set.copyOf(permitted);
    }
}
