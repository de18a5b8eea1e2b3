package dev.portico.auth.web;

import dev.portico.error.ApiException;
import dev.portico.http.Middleware;

/**
 * The pages' own middleware, outermost of theirs: an error raised below it (a CSRF refusal, a key that is not the
 * caller's, a throttle) is answered as a page a person can read, with the same status and headers, instead of
 * the API's JSON. The detail is escaped like any other text.
 */
final class HtmlErrors {
    private HtmlErrors() {}

    static Middleware of(KeysView view) {
        return next -> request -> {
            try {
                return next.handle(request);
            } catch (ApiException e) {
                var response = Html.page(e.status(), view.error(e.status(), e.detail()));
                e.headers().forEach(response::header);
                return response;
            }
        };
    }
}
