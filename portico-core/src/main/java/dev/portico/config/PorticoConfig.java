package dev.portico.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.portico.json.Json;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 */
public final class PorticoConfig {
    private final Map<String, Setting<?>> settings;
    private final Map<String, Object> values;
    private final Map<String, String> sources;
    private final Clock clock;

    private PorticoConfig(Map<String, Setting<?>> settings, Map<String, Object> values, Map<String, String> sources,
                          Clock clock) {
        this.settings = settings;
        this.values = values;
        this.sources = sources;
        this.clock = clock;
    }

    /** A builder that knows Portico's own settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults only, for tests and tools. */
    public static PorticoConfig defaults() {
        return builder().build();
    }

    /** The value of a setting. */
    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        if (!settings.containsKey(setting.key())) {
            throw new IllegalArgumentException("setting " + setting.key() + " is not registered; pass it to register(...)");
        }
        return (T) values.get(setting.key());
    }

    /** Where a setting's value came from: {@code default}, {@code code}, {@code file portico.properties}, {@code env PORT}. */
    public String source(Setting<?> setting) {
        return sources.get(setting.key());
    }

    /** Every registered setting, in registration order. */
    public List<Setting<?>> settings() {
        return List.copyOf(settings.values());
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
        return new Limits(get(Settings.LIMITS_BODY_SIZE), Math.toIntExact(get(Settings.LIMITS_HEADER_SIZE)),
                get(Settings.LIMITS_JSON_DEPTH), get(Settings.LIMITS_JSON_STRING_LENGTH),
                get(Settings.LIMITS_FORM_FIELDS), get(Settings.LIMITS_FORM_DEPTH),
                get(Settings.LIMITS_FORM_LIST_INDEX), get(Settings.LIMITS_MULTIPART_PARTS),
                get(Settings.LIMITS_MULTIPART_PART_SIZE), get(Settings.LIMITS_MULTIPART_MEMORY_THRESHOLD),
                get(Settings.LIMITS_ERROR_ENTRIES));
    }

    /** The configuration as {@code --print-config} shows it: one {@code key = value  # source} line each, secrets masked. */
    public String print() {
        StringBuilder sb = new StringBuilder();
        for (Setting<?> setting : settings.values()) {
            Object value = values.get(setting.key());
            String shown = !setting.secret() ? show(value)
                    : value == null || value.toString().isEmpty() ? "" : "********";
            sb.append(setting.key()).append(" = ").append(shown)
                    .append("    # ").append(sources.get(setting.key())).append('\n');
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
                    properties.stringPropertyNames().stream().sorted()
                            .forEach(k -> file.put(k.trim(), properties.getProperty(k).trim()));
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("configuration file " + path + " cannot be read: " + e.getMessage(), e);
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
            Map<String, Object> values = new LinkedHashMap<>();
            Map<String, String> sources = new LinkedHashMap<>();
            checkUnknown();
            for (Setting<?> s : settings.values()) {
                values.put(s.key(), s.defaultValue());
                sources.put(s.key(), "default");
                if (code.containsKey(s.key())) {
                    values.put(s.key(), code.get(s.key()));
                    sources.put(s.key(), "code");
                }
                if (file.containsKey(s.key())) {
                    values.put(s.key(), parse(s, file.get(s.key()), "file " + fileName));
                    sources.put(s.key(), "file " + fileName);
                }
                for (String alias : s.envAliases()) {
                    apply(s, alias, values, sources);
                }
                apply(s, s.envName(), values, sources);
            }
            return new PorticoConfig(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings)), values, sources,
                    clock);
        }

        private void apply(Setting<?> s, String variable, Map<String, Object> values, Map<String, String> sources) {
            String text = env.get(variable);
            if (text != null && !text.isBlank()) {
                values.put(s.key(), parse(s, text, "env " + variable));
                sources.put(s.key(), "env " + variable);
            }
        }

        private static Object parse(Setting<?> s, String text, String source) {
            try {
                return s.parse(text);
            } catch (IllegalArgumentException | ArithmeticException e) {
                String shown = s.secret() ? "(secret)" : "'" + text + "'";
                throw new IllegalArgumentException("setting " + s.key() + " = " + shown + " from " + source + ": "
                        + e.getMessage(), e);
            }
        }

        private void checkUnknown() {
            List<String> problems = new ArrayList<>();
            for (String key : file.keySet()) {
                if (!settings.containsKey(key)) {
                    problems.add("unknown setting '" + key + "' in " + fileName + suggestion(key));
                }
            }
            Map<String, String> envNames = new LinkedHashMap<>();
            settings.values().forEach(s -> envNames.put(s.envName(), s.key()));
            for (String variable : env.keySet()) {
                if (variable.startsWith("PORTICO_") && !variable.equals("PORTICO_CONFIG") && !envNames.containsKey(variable)) {
                    problems.add("unknown environment variable " + variable + suggestion(
                            variable.substring(8).toLowerCase(java.util.Locale.ROOT).replace('_', '.')));
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems)
                        + " (--print-config lists every setting)");
            }
        }

        private Optional<String> closest(String key) {
            String best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (String known : settings.keySet()) {
                int d = distance(key.replace('-', '.'), known.replace('-', '.'));
                if (d < bestDistance) {
                    bestDistance = d;
                    best = known;
                }
            }
            return bestDistance <= Math.max(2, key.length() / 4) ? Optional.ofNullable(best) : Optional.empty();
        }

        private String suggestion(String key) {
            return closest(key).map(k -> " (did you mean " + k + "?)").orElse("");
        }

        private static int distance(String a, String b) {
            int[] prev = new int[b.length() + 1];
            int[] cur = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                prev[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                cur[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                }
                int[] t = prev;
                prev = cur;
                cur = t;
            }
            return prev[b.length()];
        }
    }

    /** The mapper limits for this configuration. */
    public Json.Limits jsonLimits() {
        Limits l = limits();
        return new Json.Limits(l.jsonDepth(), l.jsonStringLength(), 1000, get(Settings.JSON_FAIL_ON_UNKNOWN_FIELDS),
                get(Settings.JSON_DECIMALS_AS_STRINGS));
    }
}
