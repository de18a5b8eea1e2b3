package dev.portico.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The raw values of a configuration's layers (code, file, environment), kept after it is built so that a module
 * installed later resolves its settings from the same layers: a setting's value does not depend on when its module
 * registered it.
 */
final class Layers {
    private final Map<String, Object> code;
    private final Map<String, String> file;
    private final String fileName;
    private final Map<String, String> env;

    Layers(Map<String, Object> code, Map<String, String> file, String fileName, Map<String, String> env) {
        this.code = new LinkedHashMap<>(code);
        this.file = new LinkedHashMap<>(file);
        this.fileName = fileName;
        this.env = Map.copyOf(env);
    }

    /** Puts {@code s}'s value and where it came from; the later layer wins. */
    void resolve(Setting<?> s, Map<String, Object> values, Map<String, String> sources) {
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
            throw new IllegalArgumentException(
                    "setting " + s.key() + " = " + shown + " from " + source + ": " + e.getMessage(), e);
        }
    }

    /** Fails on a key of the file, or a {@code PORTICO_*} variable, that no setting of {@code known} reads. */
    void checkKnown(Map<String, Setting<?>> known) {
        List<String> problems = new ArrayList<>();
        for (String key : file.keySet()) {
            if (!known.containsKey(key)) {
                problems.add("unknown setting '" + key + "' in " + fileName + suggestion(key, known));
            }
        }
        Map<String, String> envNames = new LinkedHashMap<>();
        known.values().forEach(s -> envNames.put(s.envName(), s.key()));
        for (String variable : env.keySet()) {
            if (variable.startsWith("PORTICO_")
                    && !variable.equals("PORTICO_CONFIG")
                    && !envNames.containsKey(variable)) {
                problems.add("unknown environment variable " + variable
                        + suggestion(
                                variable.substring(8).toLowerCase(Locale.ROOT).replace('_', '.'), known));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems) + " (--print-config lists every setting)");
        }
    }

    private static String suggestion(String key, Map<String, Setting<?>> known) {
        return closest(key, known).map(k -> " (did you mean " + k + "?)").orElse("");
    }

    private static Optional<String> closest(String key, Map<String, Setting<?>> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known.keySet()) {
            int d = distance(key.replace('-', '.'), candidate.replace('-', '.'));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return bestDistance <= Math.max(2, key.length() / 4) ? Optional.ofNullable(best) : Optional.empty();
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
