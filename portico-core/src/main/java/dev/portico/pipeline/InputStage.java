package dev.portico.pipeline;

import dev.portico.http.Handler;
import dev.portico.http.Middleware;
import dev.portico.input.Binder;

/** Binds and validates the endpoint's inputs; every invalid field is reported in one 400. */
final class InputStage implements Middleware {
    private final Binder binder;

    InputStage(Binder binder) {
        this.binder = binder;
    }

    @Override
    public Handler wrap(Handler next) {
        return request -> {
            request.arguments(binder.bind(request));
            return next.handle(request);
        };
    }
}
