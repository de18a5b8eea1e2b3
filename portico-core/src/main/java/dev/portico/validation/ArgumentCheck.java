package dev.portico.validation;

import dev.portico.endpoint.Controllers.ControllerMethod;
import dev.portico.endpoint.Endpoint;
import dev.portico.endpoint.Input;
import dev.portico.form.FormDecoder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.executable.ExecutableValidator;
import jakarta.validation.metadata.MethodDescriptor;
import java.util.List;
import java.util.Optional;

/**
 * The constraints on an API method's arguments ({@code dev.portico.rpc}), checked as a controller's parameters and
 * body records are: those written on each argument and its type arguments ({@code @NotBlank String name},
 * {@code List<@NotBlank String> tags}) by Hibernate Validator's method validation, and the records inside an
 * argument, without {@code @Valid}, along a {@link Plan} each; errors under the argument's name
 * ({@code name}, {@code tags.1}, {@code filter.name_gt}, {@code people.1.name}). The arguments that did not decode
 * ({@link FormDecoder.PartlyDecoded}) are left out, the others still checked.
 */
final class ArgumentCheck {
    private static final int CROSS = -2;
    private final ExecutableValidator validator; // null when no parameter itself is constrained
    private final ControllerMethod target;
    private final int offset; // the caller's parameter, if any, comes before the arguments
    private final String[] names;
    private final Plan[] plans; // by argument; null where nothing inside it is checked

    private ArgumentCheck(
            ExecutableValidator validator, ControllerMethod target, int offset, String[] names, Plan[] plans) {
        this.validator = validator;
        this.target = target;
        this.offset = offset;
        this.names = names;
        this.plans = plans;
    }

    /** The check of {@code arguments}, or empty when nothing in them is constrained. */
    static Optional<ArgumentCheck> of(
            Endpoint endpoint,
            Input.Arguments arguments,
            ControllerMethod target,
            Validator validator,
            dev.portico.config.Naming naming) {
        List<Input.Argument> list = arguments.arguments();
        int offset = target.method().getParameterCount() - list.size();
        if (offset < 0 || offset > 1) {
            throw new IllegalStateException(endpoint.describe() + " has " + list.size() + " arguments but its method "
                    + "takes " + target.method().getParameterCount() + " parameters, so their constraints cannot be "
                    + "checked");
        }
        MethodDescriptor descriptor = validator
                .getConstraintsForClass(target.controller().getClass())
                .getConstraintsForMethod(
                        target.method().getName(), target.method().getParameterTypes());
        String[] names = new String[list.size()];
        Plan[] plans = new Plan[list.size()];
        Planner planner = new Planner(validator, naming);
        boolean any = descriptor != null;
        for (int i = 0; i < names.length; i++) {
            names[i] = list.get(i).name();
            plans[i] = planner.plan(list.get(i).type()).orElse(null);
            any |= plans[i] != null;
        }
        if (!any) {
            return Optional.empty();
        }
        ExecutableValidator executables = null;
        if (descriptor != null) {
            executables = validator.forExecutables();
            Object[] nulls = new Object[target.method().getParameterCount()];
            ExecutableValidator probed = executables;
            Validators.probe(() -> probed.validateParameters(target.controller(), target.method(), nulls));
        }
        return Optional.of(new ArgumentCheck(executables, target, offset, names, plans));
    }

    /** Adds the violations of the bound arguments ({@code Object[]}, or what partly decoded) to {@code sink}. */
    void check(Object bound, Errors.Sink sink) throws Throwable {
        Object[] values;
        boolean[] failed = null;
        if (bound instanceof FormDecoder.PartlyDecoded partly) {
            values = partly.values();
            failed = partly.failed();
        } else if (bound instanceof Object[] all) {
            values = all;
        } else {
            return; // nothing decoded
        }
        if (validator != null) {
            Object[] parameters = new Object[values.length + offset];
            System.arraycopy(values, 0, parameters, offset, values.length);
            for (ConstraintViolation<Object> violation :
                    validator.validateParameters(target.controller(), target.method(), parameters)) {
                int argument = argument(violation.getPropertyPath());
                if (argument == CROSS) {
                    sink.add(Paths.of("", violation.getPropertyPath()), violation.getMessage()); // non_field_errors
                    continue;
                }
                if (argument < 0 || failed != null && failed[argument] || cascaded(violation.getPropertyPath())) {
                    continue;
                }
                sink.add(Paths.of(names[argument], violation.getPropertyPath()), violation.getMessage());
            }
        }
        for (int i = 0; i < plans.length; i++) {
            if (plans[i] != null && (failed == null || !failed[i])) {
                plans[i].check(values[i], names[i], sink);
            }
        }
    }

    /** The argument a violation is about; -1 for the caller's parameter, {@link #CROSS} for the method's own. */
    private int argument(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                return node.as(Path.ParameterNode.class).getParameterIndex() - offset;
            }
            if (node.getKind() == ElementKind.CROSS_PARAMETER) {
                return CROSS;
            }
        }
        return -1;
    }

    /** Whether {@code @Valid} made Hibernate Validator walk into a record: the argument's {@link Plan} reports that. */
    private static boolean cascaded(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.BEAN) {
                return true;
            }
        }
        return false;
    }
}
