package dev.portico.validation;

import dev.portico.config.Naming;
import dev.portico.endpoint.Controllers;
import dev.portico.endpoint.Endpoint;
import dev.portico.endpoint.Input;
import dev.portico.error.ValidationFailed;
import dev.portico.input.PartlyRead;
import jakarta.validation.Constraint;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks one endpoint's bound inputs against their Jakarta Bean Validation constraints and
 * {@link Validatable} hooks, and reports every failure of the request in one {@link ValidationFailed}, each
 * under its dotted path: a body record's fields at the top ({@code title}, {@code author.name},
 * {@code tags.1}, {@code scores.alice}), a parameter by its name ({@code page}), rules about a record as a
 * whole under {@code non_field_errors}.
 *
 * <p>Made once per endpoint at startup. An endpoint with nothing constrained gets none, so its pipeline has
 * no validation step at all. Per request the work is Hibernate Validator's, on metadata it cached at startup,
 * plus a walk through the body along a precomputed {@link Plan}.
 *
 * <p>Where constraints may be written: on the components of body records (and of records nested in them, in
 * lists, maps and {@code Optional}s, with no {@code @Valid} needed), on the record itself (class-level
 * constraints), and on the path, query, header and cookie parameters of controller methods. Functional
 * endpoints put their constraints on their body records; a constraint given on one of their other inputs
 * fails at startup rather than be silently ignored.
 */
public final class InputValidator {
    private final int bodyIndex;
    private final Plan body;
    private final ParameterCheck parameters;

    private final int argumentsIndex;
    private final ArgumentCheck arguments;

    private InputValidator(
            int bodyIndex, Plan body, ParameterCheck parameters, int argumentsIndex, ArgumentCheck arguments) {
        this.bodyIndex = bodyIndex;
        this.body = body;
        this.parameters = parameters;
        this.argumentsIndex = argumentsIndex;
        this.arguments = arguments;
    }

    /** The validator of {@code endpoint}, or empty when it has nothing to validate; fails for a misplaced constraint. */
    public static Optional<InputValidator> create(Endpoint endpoint) {
        return create(endpoint, Naming.CAMEL_CASE);
    }

    /** The same, naming fields in its errors by {@code naming} ({@code json.naming}), as clients sent them. */
    public static Optional<InputValidator> create(Endpoint endpoint, Naming naming) {
        Optional<Input.Arguments> arguments = endpoint.inputs().stream()
                .flatMap(i -> i instanceof Input.Arguments a
                        ? java.util.stream.Stream.of(a)
                        : java.util.stream.Stream.empty())
                .findFirst();
        if (arguments.isPresent()) {
            return forArguments(endpoint, arguments.get(), naming);
        }
        Optional<Controllers.ControllerMethod> method = Controllers.method(endpoint);
        if (method.isEmpty()) {
            rejectParameterConstraints(endpoint);
        }
        Optional<Input.Body> bodyInput = endpoint.body();
        if (bodyInput.isEmpty() && method.isEmpty()) {
            return Optional.empty();
        }
        Validator validator = Validators.validator();
        Plan body;
        ParameterCheck parameters;
        try {
            body = bodyInput
                    .flatMap(b -> new Planner(validator, naming).plan(b.type()))
                    .orElse(null);
            parameters = method.flatMap(m -> ParameterCheck.of(endpoint, m, validator))
                    .orElse(null);
        } catch (ValidationException e) {
            throw unusable(endpoint, e);
        }
        if (body == null && parameters == null) {
            return Optional.empty();
        }
        return Optional.of(new InputValidator(endpoint.inputIndex("body"), body, parameters, -1, null));
    }

    /** An API method's: its arguments' constraints, read from the module's method. */
    private static Optional<InputValidator> forArguments(Endpoint endpoint, Input.Arguments arguments, Naming naming) {
        Optional<Controllers.ControllerMethod> method = Controllers.method(endpoint);
        if (method.isEmpty()) {
            for (Input.Argument argument : arguments.arguments()) {
                if (hasConstraint(argument.annotations())) {
                    throw new IllegalStateException(endpoint.describe() + ": argument '" + argument.name()
                            + "' carries constraints, which Portico checks on the parameters of @ApiMethod methods; "
                            + "declare it in an @ApiModule, or check the value in the handler");
                }
            }
            return Optional.empty();
        }
        ArgumentCheck check;
        try {
            check = ArgumentCheck.of(endpoint, arguments, method.get(), Validators.validator(), naming)
                    .orElse(null);
        } catch (ValidationException e) {
            throw unusable(endpoint, e);
        }
        return check == null
                ? Optional.empty()
                : Optional.of(
                        new InputValidator(-1, null, null, endpoint.inputs().indexOf(arguments), check));
    }

    private static IllegalStateException unusable(Endpoint endpoint, ValidationException e) {
        return new IllegalStateException(
                endpoint.describe() + " declares a constraint that cannot apply where it "
                        + "is written: " + e.getMessage() + ". On an Optional or a List, constrain the element type "
                        + "instead: Optional<@Email String>, List<@NotBlank String>",
                e);
    }

    /** Checks the bound {@code arguments}, in the endpoint's input order; throws with every failure found. */
    public void validate(Object[] arguments) throws Exception {
        Map<String, List<String>> errors = violations(arguments, null);
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
    }

    /**
     * The violations of {@code arguments} by dotted path, leaving out the inputs marked in {@code skip} (those
     * that failed to bind and so have no value to check); {@code skip} may be null.
     */
    public Map<String, List<String>> violations(Object[] arguments, boolean[] skip) throws Exception {
        Errors.Sink sink = new Errors.Sink();
        if (parameters != null) {
            parameters.check(arguments, skip, sink);
        }
        try {
            if (body != null && (skip == null || !skip[bodyIndex])) {
                body.check(arguments[bodyIndex], "", sink);
            } else if (body instanceof Plan.Record record && arguments[bodyIndex] instanceof PartlyRead partly) {
                record.checkPartial(partly.partial(), "", sink); // the fields that read, beside those that did not
            }
            if (this.arguments != null) { // partly decoded arguments are still checked, those that decoded
                this.arguments.check(arguments[argumentsIndex], sink);
            }
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        return sink.errors();
    }

    private static void rejectParameterConstraints(Endpoint endpoint) {
        for (Input input : endpoint.inputs()) {
            if (!(input instanceof Input.Body) && hasConstraint(input.annotations())) {
                throw new IllegalStateException(endpoint.describe() + ": input '" + input.name()
                        + "' carries constraints, which Portico checks on controller method parameters and on "
                        + "body records only; declare the endpoint in a controller, or check the value in the handler");
            }
        }
    }

    private static boolean hasConstraint(List<Annotation> annotations) {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().isAnnotationPresent(Constraint.class)) {
                return true;
            }
        }
        return false;
    }
}
