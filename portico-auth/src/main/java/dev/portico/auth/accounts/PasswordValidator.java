package dev.portico.auth.accounts;

import java.util.Map;
import java.util.Optional;

/**
 * One rule a new password must pass, as one of Django's {@code AUTH_PASSWORD_VALIDATORS}: it answers why the password
 * is refused, in Django's sentence, or empty. {@code user} holds the account's attributes by Django's names
 * ({@code username}, {@code email}, {@code first_name}, {@code last_name}); an attribute the account lacks is absent.
 * The configured list is {@link PasswordValidators}; these factories are Django's four defaults.
 */
@FunctionalInterface
public interface PasswordValidator {

    /** Why {@code password} is refused for the account of {@code user}; empty when it passes. */
    Optional<String> validate(String password, Map<String, String> user);

    /** Django's {@code MinimumLengthValidator}: at least {@code minLength} characters (code points). */
    static PasswordValidator minimumLength(int minLength) {
        if (minLength < 1) {
            throw new IllegalArgumentException(
                    "MinimumLengthValidator's min_length must be at least 1 (was " + minLength + ")");
        }
        String message = "This password is too short. It must contain at least " + minLength + " character"
                + (minLength == 1 ? "" : "s") + ".";
        return (password, user) ->
                password.codePointCount(0, password.length()) < minLength ? Optional.of(message) : Optional.empty();
    }

    /**
     * Django's {@code CommonPasswordValidator} with Django's list of the most common passwords, read when a password is
     * first checked: every command and every start makes the validators, and reading the 20,000 passwords cost a tenth
     * of a command that checks none ({@code createuser --no-password}, {@code schema}).
     */
    static PasswordValidator common() {
        return (password, user) -> CommonPasswords.django().validate(password, user);
    }

    /** Django's {@code NumericPasswordValidator}: not digits only. */
    static PasswordValidator numeric() {
        return (password, user) -> !password.isEmpty() && password.codePoints().allMatch(Character::isDigit)
                ? Optional.of("This password is entirely numeric.")
                : Optional.empty();
    }

    /**
     * Django's {@code UserAttributeSimilarityValidator}: not too similar to any of {@code attributes}, or to any
     * word of one (an e-mail address's name and domain parts), by difflib's {@code quick_ratio} at
     * {@code maxSimilarity} or more (0.7 by default).
     */
    static PasswordValidator userAttributeSimilarity(java.util.List<String> attributes, double maxSimilarity) {
        return new AttributeSimilarity(attributes, maxSimilarity);
    }
}
