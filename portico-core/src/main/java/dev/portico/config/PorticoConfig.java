package dev.portico.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The resolved, typed configuration. Values come from four layers, each later one winning: the setting's
 * default, code ({@link Builder#set}), a file ({@code portico.properties} or {@code portico.yaml} in the
 * working directory, or the file named by {@code PORTICO_CONFIG}), and {@code PORTICO_*} environment
 * variables. An unknown key or a value of the wrong type fails {@link Builder#build()} with a message that
 * names the key, where it came from, and what was expected.
 * <pre>{@code
 * PorticoConfig config = PorticoConfig.builder()
 *         .set(Settings.SERVER_PORT, 9000)      // code: the app's own default
 *         .fromWorkingDirectory()               // portico.properties / portico.yaml, if present
 *         .fromEnvironment(System.getenv())     // PORTICO_SERVER_PORT=9100 wins
 *         .build();
 * }</pre>
 * A module's settings (portico-data's {@code database.*}, portico-auth's {@code auth.*}) are registered by the
 * module itself when the application creates or installs it ({@link #register}), resolved from the same layers; an
 * application built with {@link Builder#buildForModules()} checks for unknown keys once every module is in
 * ({@link #checkKnown()}, which {@code Portico.Builder.build()} calls).
 */
public final class PorticoConfig {
    /** The registered settings with their values; replaced whole when a module registers more. */
    private record Resolved(
            Map<String, Setting<?>> settings, Map<String, Object> values, Map<String, String> sources) {}

    private final Layers layers;
    private final Clock clock;
    private volatile Resolved resolved;

    private PorticoConfig(Layers layers, Collection<Setting<?>> settings, Clock clock) {
        this.layers = layers;
        this.clock = clock;
        this.resolved = new Resolved(Map.of(), Map.of(), Map.of());
        register(settings.toArray(Setting<?>[]::new));
    }

    /** A builder that knows Portico's own settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults only, for tests and tools. */
    public static PorticoConfig defaults() {
        return builder().build();
    }

    /**
     * Registers a module's settings on this configuration, resolved from its layers (default, code, file,
     * environment) as if they had been registered before it was built; a setting registered already is left as it
     * is. What a module does when an application creates or installs it, so its settings cannot be forgotten.
     *
     * @throws IllegalArgumentException when a value in the file or the environment does not parse, naming it
     */
    public synchronized PorticoConfig register(Setting<?>... more) {
        Resolved current = resolved;
        Map<String, Setting<?>> settings = new LinkedHashMap<>(current.settings());
        Map<String, Object> values = new LinkedHashMap<>(current.values());
        Map<String, String> sources = new LinkedHashMap<>(current.sources());
        for (Setting<?> s : more) {
            Setting<?> known = settings.putIfAbsent(s.key(), s);
            if (known != null && known != s) {
                throw new IllegalArgumentException("setting " + s.key() + " is registered twice");
            }
            if (known == null) {
                layers.resolve(s, values, sources);
            }
        }
        resolved = new Resolved(Collections.unmodifiableMap(settings), values, sources);
        return this;
    }

    /**
     * Fails when the file or the environment sets a key that no registered setting reads, suggesting the closest:
     * called once every module has registered its settings.
     */
    public PorticoConfig checkKnown() {
        layers.checkKnown(resolved.settings());
        return this;
    }

    /** The value of a setting. */
    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        Resolved current = resolved;
        if (!current.settings().containsKey(setting.key())) {
            throw new IllegalArgumentException("setting " + setting.key() + " is not registered: "
                    + setting.module()
                            .map(install -> install + " brings it")
                            .orElse("register it with PorticoConfig.Builder.register(...) or a Module's settings()"));
        }
        return (T) current.values().get(setting.key());
    }

    /** Where a setting's value came from: {@code default}, {@code code}, {@code file portico.properties}, {@code env PORT}. */
    public String source(Setting<?> setting) {
        return resolved.sources().get(setting.key());
    }

    /** Every registered setting, in registration order. */
    public List<Setting<?>> settings() {
        return List.copyOf(resolved.settings().values());
    }

    /**
     * The clock every module of the application reads the time from: JWT and session expiry, API keys' expiry, throttle
     * windows, cache TTLs, rows' timestamps. The system clock (UTC) unless {@link Builder#clock} set another, so a
     * test can move time instead of sleeping. Not a setting: it comes from code only, and is never printed.
     */
    public Clock clock() {
        return clock;
    }

    /** The request limits. */
    public Limits limits() {
        return new Limits(
                get(Settings.LIMITS_BODY_SIZE),
                Math.toIntExact(get(Settings.LIMITS_HEADER_SIZE)),
                get(Settings.LIMITS_JSON_DEPTH),
                get(Settings.LIMITS_JSON_STRING_LENGTH),
                get(Settings.LIMITS_FORM_FIELDS),
                get(Settings.LIMITS_FORM_DEPTH),
                get(Settings.LIMITS_FORM_LIST_INDEX),
                get(Settings.LIMITS_MULTIPART_PARTS),
                get(Settings.LIMITS_MULTIPART_PART_SIZE),
                get(Settings.LIMITS_MULTIPART_MEMORY_THRESHOLD),
                get(Settings.LIMITS_ERROR_ENTRIES));
    }

    /** The configuration as {@code --print-config} shows it: one {@code key = value  # source} line each, secrets masked. */
    public String print() {
        StringBuilder sb = new StringBuilder();
        Resolved current = resolved;
        for (Setting<?> setting : current.settings().values()) {
            Object value = current.values().get(setting.key());
            String shown = !setting.secret()
                    ? show(value)
                    : value == null || value.toString().isEmpty() ? "" : "********";
            sb.append(setting.key())
                    .append(" = ")
                    .append(shown)
                    .append("    # ")
                    .append(current.sources().get(setting.key()))
                    .append('\n');
        }
        return sb.toString();
    }

    private static String show(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
        return String.valueOf(value);
    }

    /** Collects layers; {@link #build()} resolves them. */
    public static final class Builder {
        private final Map<String, Setting<?>> settings = new LinkedHashMap<>();
        private final Map<String, Object> code = new LinkedHashMap<>();
        private final Map<String, String> file = new LinkedHashMap<>();
        private String fileName;
        private Map<String, String> env = Map.of();
        private Clock clock = Clock.systemUTC();

        private Builder() {
            Settings.ALL.forEach(this::register);
        }

        /** Registers an application's own settings so they load, print and validate like Portico's. */
        public Builder register(Setting<?>... more) {
            for (Setting<?> s : more) {
                if (settings.putIfAbsent(s.key(), s) != null && settings.get(s.key()) != s) {
                    throw new IllegalArgumentException("setting " + s.key() + " is registered twice");
                }
            }
            return this;
        }

        /** Sets a value in code: above the default, below the file and the environment. */
        public <T> Builder set(Setting<T> setting, T value) {
            register(setting);
            code.put(setting.key(), value);
            return this;
        }

        /** The clock of {@link PorticoConfig#clock()}; tests pass one they move by hand. */
        public Builder clock(Clock clock) {
            this.clock = java.util.Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Reads {@code PORTICO_CONFIG}'s file if set (it must exist), else portico.properties/.yaml/.yml if present. */
        public Builder fromWorkingDirectory() {
            String named = System.getenv("PORTICO_CONFIG");
            if (named != null && !named.isBlank()) {
                return file(Path.of(named));
            }
            for (String candidate : List.of("portico.properties", "portico.yaml", "portico.yml")) {
                Path path = Path.of(candidate);
                if (Files.isRegularFile(path)) {
                    return file(path);
                }
            }
            return this;
        }

        /** Reads a {@code .properties} or YAML file; nested YAML maps become dotted keys. */
        public Builder file(Path path) {
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("configuration file " + path + " does not exist");
            }
            String name = path.getFileName().toString();
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                    flatten("", new ObjectMapper(new YAMLFactory()).readTree(reader), file, path);
                } else {
                    Properties properties = new Properties();
                    properties.load(reader);
                    properties.stringPropertyNames().stream()
                            .sorted()
                            .forEach(k ->
                                    file.put(k.trim(), properties.getProperty(k).trim()));
                }
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        "configuration file " + path + " cannot be read: " + e.getMessage(), e);
            }
            this.fileName = path.toString();
            return this;
        }

        private static void flatten(String prefix, JsonNode node, Map<String, String> out, Path path) {
            if (node == null || node.isNull() || node.isMissingNode()) {
                return;
            }
            if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out, path);
                }
            } else if (node.isValueNode()) {
                out.put(prefix, node.asText());
            } else {
                throw new IllegalArgumentException(path + ": " + prefix + " is a list; settings take single values");
            }
        }

        /** Reads {@code PORTICO_*} variables (and aliases such as {@code PORT}) from this environment. */
        public Builder fromEnvironment(Map<String, String> environment) {
            this.env = Map.copyOf(environment);
            return this;
        }

        /** The resolved configuration; fails on an unknown key or a malformed value. */
        public PorticoConfig build() {
            return buildForModules().checkKnown();
        }

        /**
         * The resolved configuration, open to the settings of modules the application installs afterwards: a key
         * only they know is not refused yet; {@link PorticoConfig#checkKnown()} refuses unknown keys once they are
         * in. What {@code Manage} and {@code Portico.builder()} use.
         */
        public PorticoConfig buildForModules() {
            return new PorticoConfig(new Layers(code, file, fileName, env), settings.values(), clock);
        }
    }

    /** The naming rule of this configuration's wire names ({@code json.naming}). */
    public Naming naming() {
        return get(Settings.JSON_NAMING);
    }
}
