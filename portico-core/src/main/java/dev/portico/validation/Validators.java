package dev.portico.validation;

import jakarta.validation.ConstraintDeclarationException;
import jakarta.validation.ConstraintDefinitionException;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Locale;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The one Hibernate Validator of the process, started on first use: applications whose endpoints have
 * nothing to validate never pay for it. Validators are thread-safe and cache every class's constraint
 * metadata, so sharing one is what makes per-request validation cheap.
 *
 * <p>Messages are interpolated without Jakarta EL ({@link ParameterMessageInterpolator}): Portico's own
 * sentences ({@code ContributorValidationMessages.properties}) need only {@code {parameters}}, startup skips
 * the EL engine, and a message can never evaluate an expression built from client input. Messages are in
 * English whatever the JVM's locale, like the rest of the error format.
 */
final class Validators {

    private Validators() {}

    /** The shared validator. */
    static Validator validator() {
        return Holder.VALIDATOR;
    }

    /**
     * Runs a validation with null values at startup so Hibernate Validator picks every constraint's validator
     * now: a constraint on a type it cannot check ({@code @Email} on an {@code Optional}) then fails the build
     * instead of the first request. A validator that throws on null is left for requests to call.
     */
    static void probe(Runnable validation) {
        try {
            validation.run();
        } catch (ConstraintDeclarationException | ConstraintDefinitionException e) { // UnexpectedTypeException included
            throw e;
        } catch (ValidationException e) {
            // a user's validator that does not accept null; nothing is wrong with the declaration
        }
    }

    /**
     * Whether the constraints of {@code type} need reading by the validator: false when no annotation of it could
     * be one ({@link ConstraintScan}), unless {@code META-INF/validation.xml} maps constraints, which annotations
     * do not show.
     */
    static boolean mayConstrain(Class<?> type) {
        return Holder.XML_MAPPINGS || ConstraintScan.mayConstrain(type);
    }

    private static final class Holder {
        private static final HibernateValidatorConfiguration CONFIGURATION =
                Validation.byProvider(HibernateValidator.class).configure();
        private static final boolean XML_MAPPINGS = !CONFIGURATION
                .getBootstrapConfiguration()
                .getConstraintMappingResourcePaths()
                .isEmpty();
        private static final ValidatorFactory FACTORY = CONFIGURATION
                .messageInterpolator(new Messages(new ParameterMessageInterpolator(
                        Set.of(Locale.ENGLISH), Locale.ENGLISH, context -> Locale.ENGLISH, false)))
                .failFast(false)
                .addValueExtractor(new AbsentOptional()) // an empty Optional has nothing to check
                .addValueExtractor(new SentValue()) // nor has an absent Omittable
                .buildValidatorFactory();
        private static final Validator VALIDATOR = FACTORY.getValidator();
    }
}
