package dev.portico.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 002's credentials files, read once when the client is made:
 * <pre>
 *   [default]
 *   access_key_id = k-0123456789abcdef
 *   access_key_secret = abcdefghijklmnopqrstABCDEFGHIJKLMNOPQRST
 *
 *   [day to day working]
 *   access_key_id = k-fedcba9876543210
 *   access_key_secret = asdfghjklmASDFGHJKLMasdfghjklmASDFGHJKLM
 * </pre>
 * INI as the seed writes it: {@code [profile]} sections (the name may hold spaces), {@code name = value} lines,
 * blank lines and {@code #} or {@code ;} comments. Other names in a section are ignored (room for other tools'
 * settings); a section without both keys, a name outside a section, a line that is neither, or a section or name
 * given twice in one file is an error naming the file and line. Files that do not exist are skipped (their names
 * appear in the message when a profile is missing); {@code ~} at the start of a name is the user's home.
 *
 * <p>When several files have a profile of the same name, the <b>later file's profile replaces the earlier one
 * whole</b>: an id from one file is never paired with a secret from another. Profiles found only in earlier files
 * stay.
 *
 * <p>No library: ini4j is unmaintained and commons-configuration2 brings three more jars, for a format of ~60 lines
 * (see docs/ARCHITECTURE.md, "Considered and not taken").
 */
final class CredentialsFiles {
    static final String DEFAULT = "default";
    static final String KEY_ID = "access_key_id";
    static final String KEY_SECRET = "access_key_secret";

    private final Map<String, Credentials> profiles;
    private final List<Path> read;
    private final List<Path> missing;

    private CredentialsFiles(Map<String, Credentials> profiles, List<Path> read, List<Path> missing) {
        this.profiles = profiles;
        this.read = read;
        this.missing = missing;
    }

    /** Reads the files in order (see the class comment for which profile wins). */
    static CredentialsFiles read(List<Path> files, Path home) {
        Map<String, Credentials> profiles = new LinkedHashMap<>();
        List<Path> read = new ArrayList<>();
        List<Path> missing = new ArrayList<>();
        for (Path given : files) {
            Path file = expand(given, home);
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                missing.add(file);
                continue;
            } catch (IOException e) {
                throw new CredentialsException(
                        file, 0, "cannot be read: " + e.getClass().getSimpleName());
            }
            profiles.putAll(parse(file, lines));
            read.add(file);
        }
        return new CredentialsFiles(profiles, List.copyOf(read), List.copyOf(missing));
    }

    /** {@code ~/x} (or a path whose first element is {@code ~}) under {@code home}; any other path as given. */
    static Path expand(Path path, Path home) {
        if (path.getNameCount() > 0 && path.getName(0).toString().equals("~") && !path.isAbsolute()) {
            return path.getNameCount() == 1 ? home : home.resolve(path.subpath(1, path.getNameCount()));
        }
        return path;
    }

    /** The profile's key; a {@link CredentialsException} naming the files read and skipped when none has it. */
    Credentials profile(String name) {
        Credentials credentials = profiles.get(name);
        if (credentials == null) {
            throw new CredentialsException(
                    "no profile [" + name + "] in the credentials files " + read
                            + (missing.isEmpty() ? "" : " (not found, so skipped: " + missing + ")")
                            + "; the profiles are " + profiles.keySet(),
                    null);
        }
        return credentials;
    }

    boolean has(String name) {
        return profiles.containsKey(name);
    }

    static Map<String, Credentials> parse(Path file, List<String> lines) {
        Map<String, Credentials> profiles = new LinkedHashMap<>();
        Section section = null;
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                close(file, section, profiles);
                section = open(file, number, line, profiles);
            } else if (line.indexOf('=') > 0) {
                if (section == null) {
                    throw new CredentialsException(file, number, "a setting before any [profile] section");
                }
                section.set(
                        file,
                        number,
                        line.substring(0, line.indexOf('=')).strip(),
                        line.substring(line.indexOf('=') + 1).strip());
            } else {
                throw new CredentialsException(file, number, "expected \"[profile]\" or \"name = value\"");
            }
        }
        close(file, section, profiles);
        return profiles;
    }

    private static Section open(Path file, int number, String line, Map<String, Credentials> profiles) {
        if (!line.endsWith("]") || line.length() < 3) {
            throw new CredentialsException(file, number, "a section is \"[name]\", with a name");
        }
        String name = line.substring(1, line.length() - 1).strip();
        if (name.isEmpty() || profiles.containsKey(name)) {
            throw new CredentialsException(
                    file,
                    number,
                    name.isEmpty()
                            ? "a section needs a name"
                            : "the profile [" + name + "] is given twice in this file");
        }
        return new Section(name, number);
    }

    private static void close(Path file, Section section, Map<String, Credentials> profiles) {
        if (section == null) {
            return;
        }
        for (String key : List.of(KEY_ID, KEY_SECRET)) {
            if (!section.values.containsKey(key)) {
                throw new CredentialsException(file, section.line, "the profile [" + section.name + "] has no " + key);
            }
        }
        try {
            profiles.put(section.name, new Credentials(section.values.get(KEY_ID), section.values.get(KEY_SECRET)));
        } catch (IllegalArgumentException e) {
            throw new CredentialsException(file, section.line, "the profile [" + section.name + "]: " + e.getMessage());
        }
    }

    private static final class Section {
        final String name;
        final int line;
        final Map<String, String> values = new LinkedHashMap<>();

        Section(String name, int line) {
            this.name = name;
            this.line = line;
        }

        void set(Path file, int number, String key, String value) {
            if (values.putIfAbsent(key, value) != null) {
                throw new CredentialsException(file, number, key + " is given twice in [" + name + "]");
            }
        }
    }
}
