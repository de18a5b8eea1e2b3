package dev.portico.auth.accounts;

import dev.portico.config.PorticoConfig;
import dev.portico.config.Setting;
import java.util.List;

/**
 * The {@code auth.*} settings of accounts. They live here, not in core's {@code Settings}, because core never
 * knows an optional module's settings; an application registers them:
 * {@code Manage.create(App::app).settings(AuthSettings::register)}.
 */
public final class AuthSettings {
    /** Argon2id memory in KiB: OWASP's 19 MiB by default. */
    public static final Setting<Integer> ARGON2_MEMORY = Setting.integer(
            "auth.password.argon2-memory",
            19456,
            "Argon2id memory cost of password hashes, in KiB; hashes made with other costs are redone at the next"
                    + " login");
    /** Argon2id passes. */
    public static final Setting<Integer> ARGON2_ITERATIONS =
            Setting.integer("auth.password.argon2-iterations", 2, "Argon2id time cost (passes) of password hashes");
    /** Argon2id lanes. */
    public static final Setting<Integer> ARGON2_PARALLELISM =
            Setting.integer("auth.password.argon2-parallelism", 1, "Argon2id parallelism (lanes) of password hashes");
    /** Shortest password accepted. */
    public static final Setting<Integer> PASSWORD_MIN_LENGTH = Setting.integer(
            "auth.password.min-length",
            8,
            "the shortest password accepted, the min_length of MinimumLengthValidator when the validators give none");

    /** The password validators, as Django's {@code AUTH_PASSWORD_VALIDATORS} (see {@link PasswordValidators}). */
    public static final Setting<String> PASSWORD_VALIDATORS = Setting.string(
            "auth.password.validators",
            "UserAttributeSimilarityValidator, MinimumLengthValidator, CommonPasswordValidator,"
                    + " NumericPasswordValidator",
            "Django's password validators every new password must pass, in order, with options in parentheses: "
                    + "MinimumLengthValidator(min_length=12), UserAttributeSimilarityValidator(user_attributes="
                    + "username|email; max_similarity=0.7), CommonPasswordValidator(password_list_path=file.txt.gz)");

    /**
     * The rate of the login, token, registration and password endpoints per client IP, whoever the caller says they
     * are. Empty leaves them to the application's default throttle.
     */
    public static final Setting<String> THROTTLE = Setting.string(
            "auth.throttle",
            "30/min",
            "Requests per client IP to the login, token, registration and password endpoints together, whatever "
                    + "credentials ride along, as \"30/min\"; empty: the app's default throttle");

    /** Every accounts setting. */
    public static final List<Setting<?>> ALL = Setting.broughtBy(
            "install(AuthModule.create(db))",
            ARGON2_MEMORY,
            ARGON2_ITERATIONS,
            ARGON2_PARALLELISM,
            PASSWORD_MIN_LENGTH,
            PASSWORD_VALIDATORS,
            THROTTLE);

    private AuthSettings() {}

    /** Registers every {@code auth.*} setting on a configuration builder. */
    public static PorticoConfig.Builder register(PorticoConfig.Builder builder) {
        return builder.register(ALL.toArray(Setting<?>[]::new));
    }
}
