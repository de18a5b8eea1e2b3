package dev.portico.auth.accounts;

import dev.portico.config.PorticoConfig;
import dev.portico.error.ValidationFailed;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules every new password passes, as Django's {@code AUTH_PASSWORD_VALIDATORS}: registration, a password change,
 * a reset, {@code createuser} and {@link Users#setPassword} all ask this one place. Configured by
 * {@code auth.password.validators}, Django's four by default:
 * <pre>
 *   UserAttributeSimilarityValidator, MinimumLengthValidator, CommonPasswordValidator, NumericPasswordValidator
 * </pre>
 * with options in parentheses, {@code ;} between them and {@code |} between list items:
 * {@code MinimumLengthValidator(min_length=12)}, {@code UserAttributeSimilarityValidator(user_attributes=username|email;
 * max_similarity=0.5)}, {@code CommonPasswordValidator(password_list_path=/etc/app/passwords.txt.gz)}. Without
 * {@code min_length}, {@code auth.password.min-length} (8) applies. An unknown name or option fails at startup.
 * <pre>{@code
 * accounts.passwordValidators().validate(newPassword, PasswordValidators.attributes(user), "new_password2");
 * }</pre>
 */
public final class PasswordValidators {
    private static final String PREFIX = "django.contrib.auth.password_validation.";

    private final List<PasswordValidator> validators;

    private PasswordValidators(List<PasswordValidator> validators) {
        this.validators = List.copyOf(validators);
    }

    /** These validators, in order. */
    public static PasswordValidators of(PasswordValidator... validators) {
        return new PasswordValidators(Arrays.asList(validators));
    }

    /** The validators {@code auth.password.validators} names, with its options. */
    public static PasswordValidators create(PorticoConfig config) {
        String setting = config.get(AuthSettings.PASSWORD_VALIDATORS);
        List<PasswordValidator> made = new ArrayList<>();
        try {
            for (String entry : entries(setting)) {
                made.add(validator(entry, config.get(AuthSettings.PASSWORD_MIN_LENGTH)));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(AuthSettings.PASSWORD_VALIDATORS.key() + ": " + e.getMessage(), e);
        }
        return new PasswordValidators(made);
    }

    /** Every reason {@code password} is refused for the account of {@code user}, in order; empty when it passes. */
    public List<String> problems(String password, Map<String, String> user) {
        List<String> problems = new ArrayList<>();
        for (PasswordValidator validator : validators) {
            validator.validate(password, user).ifPresent(problems::add);
        }
        return problems;
    }

    /**
     * Django's {@code validate_password}: every reason at once, under {@code field}.
     *
     * @throws ValidationFailed naming {@code field} when any validator refuses
     */
    public void validate(String password, Map<String, String> user, String field) {
        List<String> problems = problems(password, user);
        if (!problems.isEmpty()) {
            throw new ValidationFailed(Map.of(field, problems));
        }
    }

    /**
     * The attributes of an account that the similarity rule reads, by Django's names: {@code username} and
     * {@code email} (empty ones left out). An account with names adds {@code first_name} and {@code last_name}.
     */
    public static Map<String, String> attributes(String username, String email) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (!username.isEmpty()) {
            attributes.put("username", username);
        }
        if (!email.isEmpty()) {
            attributes.put("email", email);
        }
        return attributes;
    }

    /** {@link #attributes(String, String)} of a stored user. */
    public static Map<String, String> attributes(User user) {
        return attributes(user.username(), user.email());
    }

    /** The entries of the setting: split on commas outside parentheses. */
    private static List<String> entries(String setting) {
        List<String> entries = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= setting.length(); i++) {
            char c = i == setting.length() ? ',' : setting.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                String entry = setting.substring(start, i).strip();
                if (!entry.isEmpty()) {
                    entries.add(entry);
                }
                start = i + 1;
            }
        }
        return entries;
    }

    private static PasswordValidator validator(String entry, int defaultMinLength) {
        int open = entry.indexOf('(');
        String name = (open < 0 ? entry : entry.substring(0, open)).strip();
        name = name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name;
        Options options = Options.parse(name, open < 0 ? "" : entry.substring(open + 1, entry.lastIndexOf(')')));
        PasswordValidator made = switch (name) {
            case "MinimumLengthValidator" ->
                PasswordValidator.minimumLength(options.integer("min_length").orElse(defaultMinLength));
            case "CommonPasswordValidator" ->
                options.text("password_list_path")
                        .<PasswordValidator>map(p -> CommonPasswords.of(Path.of(p)))
                        .orElseGet(PasswordValidator::common);
            case "NumericPasswordValidator" -> PasswordValidator.numeric();
            case "UserAttributeSimilarityValidator" ->
                PasswordValidator.userAttributeSimilarity(
                        options.text("user_attributes")
                                .map(a -> List.of(a.split("\\|")))
                                .map(l -> l.stream().map(String::strip).toList())
                                .orElse(AttributeSimilarity.DEFAULT_ATTRIBUTES),
                        options.number("max_similarity").orElse(AttributeSimilarity.DEFAULT_MAX_SIMILARITY));
            default ->
                throw new IllegalArgumentException("unknown password validator '" + name + "': use "
                        + "UserAttributeSimilarityValidator, MinimumLengthValidator, CommonPasswordValidator or "
                        + "NumericPasswordValidator");
        };
        options.checkAllRead();
        return made;
    }

    /** The {@code key=value;key=value} options of one validator; every one must be known to it. */
    private static final class Options {
        private final String validator;
        private final Map<String, String> values;

        private Options(String validator, Map<String, String> values) {
            this.validator = validator;
            this.values = values;
        }

        static Options parse(String validator, String text) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String option : text.split(";")) {
                if (option.isBlank()) {
                    continue;
                }
                int equals = option.indexOf('=');
                if (equals < 0) {
                    throw new IllegalArgumentException(
                            validator + "'s option '" + option.strip() + "' has no '=': write key=value");
                }
                values.put(
                        option.substring(0, equals).strip(),
                        option.substring(equals + 1).strip());
            }
            return new Options(validator, values);
        }

        Optional<String> text(String key) {
            return Optional.ofNullable(values.remove(key));
        }

        Optional<Integer> integer(String key) {
            return text(key).map(v -> parse(key, v, Integer::parseInt));
        }

        Optional<Double> number(String key) {
            return text(key).map(v -> parse(key, v, Double::parseDouble));
        }

        private <T> T parse(String key, String value, java.util.function.Function<String, T> parser) {
            try {
                return parser.apply(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(validator + "'s " + key + " must be a number (was '" + value + "')");
            }
        }

        void checkAllRead() {
            if (!values.isEmpty()) {
                throw new IllegalArgumentException(validator + " has no option " + values.keySet());
            }
        }
    }
}
