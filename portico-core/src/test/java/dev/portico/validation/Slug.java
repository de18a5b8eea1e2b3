package dev.portico.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A user's own constraint, as an application would write one: on strings a slug, on a signup matching passwords. */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {Slug.OnString.class, Slug.OnSignup.class})
@interface Slug {
    String message() default "Enter a valid slug.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Lowercase letters, digits and hyphens. */
    final class OnString implements ConstraintValidator<Slug, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.matches("[a-z0-9-]+");
        }
    }

    /** A class-level rule with its own message. */
    final class OnSignup implements ConstraintValidator<Slug, BodyValidationTest.Signup> {
        @Override
        public boolean isValid(BodyValidationTest.Signup value, ConstraintValidatorContext context) {
            if (value.password().equals(value.repeat())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("The passwords do not match.")
                    .addConstraintViolation();
            return false;
        }
    }
}
