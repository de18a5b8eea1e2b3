package dev.portico.validation;

import dev.portico.endpoint.Controllers.ControllerMethod;
import dev.portico.endpoint.Endpoint;
import dev.portico.endpoint.Input;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.executable.ExecutableValidator;
import jakarta.validation.metadata.MethodDescriptor;
import jakarta.validation.metadata.ParameterDescriptor;
import java.util.Optional;

/**
 * The constraints on a controller method's path, query, header and cookie parameters ({@code @Min(1) int page}),
 * checked by Hibernate Validator's method validation with the arguments the binder produced, each error
 * reported under the input's name. The body is left to its {@link Plan}, which also validates nested records.
 */
final class ParameterCheck {
    private final ExecutableValidator validator;
    private final ControllerMethod target;
    private final String[] names; // by parameter index; null for the body, the request and the caller
    private final int cascadedBody; // the body's index when @Valid would make Hibernate Validator walk it; else -1

    private ParameterCheck(ExecutableValidator validator, ControllerMethod target, String[] names, int cascadedBody) {
        this.validator = validator;
        this.target = target;
        this.names = names;
        this.cascadedBody = cascadedBody;
    }

    /** The check for {@code endpoint}'s parameters, or empty when none of them is constrained. */
    static Optional<ParameterCheck> of(
            Endpoint endpoint, ControllerMethod target, jakarta.validation.Validator validator) {
        if (!Validators.mayConstrain(target.controller().getClass())) {
            return Optional.empty(); // no annotation to read: the validator's metadata is not built for nothing
        }
        MethodDescriptor descriptor = validator
                .getConstraintsForClass(target.controller().getClass())
                .getConstraintsForMethod(
                        target.method().getName(), target.method().getParameterTypes());
        if (descriptor == null) {
            return Optional.empty();
        }
        if (endpoint.inputs().size() != target.method().getParameterCount()) {
            throw new IllegalStateException(
                    endpoint.describe() + " has " + endpoint.inputs().size()
                            + " inputs but its method takes " + target.method().getParameterCount()
                            + " parameters, so its parameter constraints cannot be checked; declare one input per"
                            + " parameter");
        }
        String[] names = new String[endpoint.inputs().size()];
        boolean any = !descriptor
                .getCrossParameterDescriptor()
                .getConstraintDescriptors()
                .isEmpty();
        int cascadedBody = -1;
        for (ParameterDescriptor parameter : descriptor.getParameterDescriptors()) {
            Input input = endpoint.inputs().get(parameter.getIndex());
            if (input instanceof Input.Body && (parameter.isCascaded() || parameter.hasConstraints())) {
                cascadedBody = parameter.getIndex(); // the body's Plan validates it; don't let HV do it again
            }
            if (input instanceof Input.Body || input instanceof Input.Context || input instanceof Input.Caller) {
                continue;
            }
            names[parameter.getIndex()] = input.name();
            any |= parameter.hasConstraints()
                    || parameter.isCascaded()
                    || !parameter.getConstrainedContainerElementTypes().isEmpty();
        }
        if (!any) {
            return Optional.empty();
        }
        Object[] nulls = new Object[names.length];
        Validators.probe(
                () -> validator.forExecutables().validateParameters(target.controller(), target.method(), nulls));
        return Optional.of(new ParameterCheck(validator.forExecutables(), target, names, cascadedBody));
    }

    /** Adds the violations of {@code arguments} to {@code sink}, but none for the inputs marked in {@code skip}. */
    void check(Object[] arguments, boolean[] skip, Errors.Sink sink) {
        Object[] checked = arguments;
        if (cascadedBody >= 0) {
            checked = arguments.clone();
            checked[cascadedBody] = null;
        }
        for (ConstraintViolation<Object> violation :
                validator.validateParameters(target.controller(), target.method(), checked)) {
            if (skip != null && skipped(violation.getPropertyPath(), skip)) {
                continue;
            }
            String name = parameterName(violation.getPropertyPath());
            if (name != null) {
                sink.add(Paths.of(name, violation.getPropertyPath()), violation.getMessage());
            }
        }
    }

    private static boolean skipped(Path path, boolean[] skip) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                return skip[node.as(Path.ParameterNode.class).getParameterIndex()];
            }
        }
        return false;
    }

    /** The input's name for a parameter's violation, "" for a cross-parameter one, null for the body's. */
    private String parameterName(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                return names[node.as(Path.ParameterNode.class).getParameterIndex()];
            }
            if (node.getKind() == ElementKind.CROSS_PARAMETER) {
                return "";
            }
        }
        return "";
    }
}
