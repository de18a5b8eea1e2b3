package dev.portico.pipeline;

import dev.portico.error.ValidationFailed;
import dev.portico.http.Handler;
import dev.portico.http.Middleware;
import dev.portico.validation.InputValidator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds and validates the endpoint's inputs; every invalid field is reported in one 400: the binding errors
 * of the inputs that could not be bound together with the constraint violations of those that could.
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
                Exchange.of(request).arguments(binder.bind(request));
                return next.handle(request);
            };
        }
        return request -> {
            Binder.Bound bound = binder.bindEach(request);
            if (bound.errors() == null) {
                validator.validate(bound.values());
            } else {
                Map<String, List<String>> errors = new LinkedHashMap<>(bound.errors());
                validator
                        .violations(bound.values(), bound.failed())
                        .forEach((path, messages) -> errors.merge(path, messages, InputStage::concat));
                throw new ValidationFailed(errors, bound.omitted());
            }
            Exchange.of(request).arguments(bound.values());
            return next.handle(request);
        };
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
