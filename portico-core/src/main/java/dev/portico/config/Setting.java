package dev.portico.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One typed configuration key: its name ({@code server.port}), type, default, whether it is secret, and
 * what it is for. The environment variable is derived: {@code PORTICO_SERVER_PORT}.
 *
 * @param <T> the value's type
 */
public final class Setting<T> {
    private final String key;
    private final String type;
    private final Function<String, T> parser;
    private final T defaultValue;
    private final boolean secret;
    private final String description;
    private final List<String> envAliases;
    /** How to install the module that brings this setting, for the error when it is read unregistered; set once. */
    private volatile String module;

    private Setting(
            String key,
            String type,
            Function<String, T> parser,
            T defaultValue,
            boolean secret,
            String description,
            List<String> envAliases) {
        if (!key.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*")) {
            throw new IllegalArgumentException(
                    "setting key '" + key + "' must be dotted lower-case words, as server.port");
        }
        this.key = key;
        this.type = type;
        this.parser = parser;
        this.defaultValue = defaultValue;
        this.secret = secret;
        this.description = description;
        this.envAliases = List.copyOf(envAliases);
    }

    /** A text setting. */
    public static Setting<String> string(String key, String defaultValue, String description) {
        return new Setting<>(key, "string", s -> s, defaultValue, false, description, List.of());
    }

    /** A secret text setting: masked by {@code --print-config} and never logged. */
    public static Setting<String> secret(String key, String defaultValue, String description) {
        return new Setting<>(key, "secret", s -> s, defaultValue, true, description, List.of());
    }

    /** An integer setting. */
    public static Setting<Integer> integer(String key, int defaultValue, String description) {
        return new Setting<>(
                key,
                "integer",
                s -> {
                    try {
                        return Integer.valueOf(s.trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("expected an integer");
                    }
                },
                defaultValue,
                false,
                description,
                List.of());
    }

    /** A boolean setting: {@code true} or {@code false}. */
    public static Setting<Boolean> bool(String key, boolean defaultValue, String description) {
        return new Setting<>(
                key,
                "boolean",
                s -> switch (s.trim().toLowerCase(Locale.ROOT)) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new IllegalArgumentException("expected true or false");
                },
                defaultValue,
                false,
                description,
                List.of());
    }

    /** A duration: ISO-8601 ({@code PT30S}) or a number with a unit ({@code 30s}, {@code 500ms}, {@code 5m}, {@code 1h}). */
    public static Setting<Duration> duration(String key, Duration defaultValue, String description) {
        return new Setting<>(key, "duration", Setting::parseDuration, defaultValue, false, description, List.of());
    }

    /** A size in bytes: a number, or with a unit ({@code 16KiB}, {@code 10MiB}, {@code 1GB}). */
    public static Setting<Long> size(String key, long defaultValue, String description) {
        return new Setting<>(key, "size", Setting::parseSize, defaultValue, false, description, List.of());
    }

    /** One of an enum's constants, by name in any case. */
    public static <E extends Enum<E>> Setting<E> choice(String key, Class<E> type, E defaultValue, String description) {
        return new Setting<>(
                key,
                "one of " + List.of(type.getEnumConstants()).toString().toLowerCase(Locale.ROOT),
                s -> {
                    try {
                        return Enum.valueOf(
                                type, s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("expected one of "
                                + List.of(type.getEnumConstants()).toString().toLowerCase(Locale.ROOT));
                    }
                },
                defaultValue,
                false,
                description,
                List.of());
    }

    /** This setting, also read from the plain environment variable {@code name} (below its PORTICO_ name). */
    public Setting<T> alsoFromEnv(String name) {
        List<String> aliases = new java.util.ArrayList<>(envAliases);
        aliases.add(name);
        return new Setting<>(key, type, parser, defaultValue, secret, description, aliases);
    }

    /**
     * Marks {@code settings} as brought by the module that {@code install} installs, such as
     * {@code "install(Database.lazy(config))"}: reading one on a configuration where it is not registered then fails
     * naming that call. A module's settings class calls it once, for its {@code ALL} list.
     */
    public static List<Setting<?>> broughtBy(String install, Setting<?>... settings) {
        for (Setting<?> setting : settings) {
            setting.module = install;
        }
        return List.of(settings);
    }

    /** The call that installs the module bringing this setting, when its module said so ({@link #broughtBy}). */
    public java.util.Optional<String> module() {
        return java.util.Optional.ofNullable(module);
    }

    /** The dotted key, as in files. */
    public String key() {
        return key;
    }

    /** The environment variable that sets it: {@code PORTICO_} and the key upper-cased, dots and dashes as underscores. */
    public String envName() {
        return envName(key);
    }

    static String envName(String key) {
        return "PORTICO_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Other environment variables that set it, weaker than {@link #envName()}, such as {@code PORT}. */
    public List<String> envAliases() {
        return envAliases;
    }

    /** The type's name, for documentation. */
    public String type() {
        return type;
    }

    /** The default value. */
    public T defaultValue() {
        return defaultValue;
    }

    /** Whether the value is a secret. */
    public boolean secret() {
        return secret;
    }

    /** What the setting is for. */
    public String description() {
        return description;
    }

    /** Parses a text value; throws {@link IllegalArgumentException} saying what was expected. */
    public T parse(String text) {
        return parser.apply(text);
    }

    static Duration parseDuration(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("p")) {
                return Duration.parse(s.toUpperCase(Locale.ROOT));
            }
            if (s.endsWith("ms")) {
                return Duration.ofMillis(
                        Long.parseLong(s.substring(0, s.length() - 2).trim()));
            }
            long n = Long.parseLong(s.substring(0, s.length() - 1).trim());
            return switch (s.charAt(s.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("expected a duration such as 30s, 500ms, 5m or PT30S");
        }
    }

    static long parseSize(String text) {
        String s = text.trim();
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("expected a size such as 1048576, 16KiB or 10MiB");
        }
        long n = Long.parseLong(s.substring(0, i));
        long unit = switch (s.substring(i).trim().toLowerCase(Locale.ROOT)) {
            case "", "b" -> 1;
            case "kb" -> 1000;
            case "kib", "k" -> 1024;
            case "mb" -> 1000_000;
            case "mib", "m" -> 1024 * 1024;
            case "gb" -> 1000_000_000;
            case "gib", "g" -> 1024L * 1024 * 1024;
            default -> throw new IllegalArgumentException("expected a size such as 1048576, 16KiB or 10MiB");
        };
        return Math.multiplyExact(n, unit);
    }

    @Override
    public String toString() {
        return key;
    }
}
