package dev.portico.pipeline;

import dev.portico.http.Handler;
import dev.portico.http.Middleware;
import dev.portico.input.Binder;
import dev.portico.validation.InputValidator;
import java.util.Optional;

/**
 * Binds and validates the endpoint's inputs; every invalid field is reported in one 400. Binding errors
 * come first: an input that could not be bound has no value to check, so constraints are checked once
 * every input is bound.
 */
final class InputStage implements Middleware {
    private final Binder binder;
    private final InputValidator validator;

    InputStage(Binder binder, Optional<InputValidator> validator) {
        this.binder = binder;
        this.validator = validator.orElse(null);
    }

    @Override
    public Handler wrap(Handler next) {
        if (validator == null) { // nothing constrained: no validation step at all
            return request -> {
                request.arguments(binder.bind(request));
                return next.handle(request);
            };
        }
        return request -> {
            Object[] arguments = binder.bind(request);
            validator.validate(arguments);
            request.arguments(arguments);
            return next.handle(request);
        };
    }
}
