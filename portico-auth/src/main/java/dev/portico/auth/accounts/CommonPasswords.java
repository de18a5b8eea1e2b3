package dev.portico.auth.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Django's {@code CommonPasswordValidator}: the password, lower-cased and stripped, must not be in the list. The
 * default list is Django's own, shipped as {@code common-passwords.txt.gz} beside this class (its README names the
 * source and the licence); it is read once, on the first use, and kept.
 */
final class CommonPasswords implements PasswordValidator {
    static final String MESSAGE = "This password is too common.";
    private static final String RESOURCE = "common-passwords.txt.gz";

    private final Set<String> passwords;

    private CommonPasswords(Set<String> passwords) {
        this.passwords = passwords;
    }

    /** Django's list, read once. */
    static CommonPasswords django() {
        return DjangoList.INSTANCE;
    }

    /** A list of one's own, one password a line, plain or gzip (by a {@code .gz} name), as Django's option. */
    static CommonPasswords of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new CommonPasswords(read(file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in));
        } catch (IOException e) {
            throw new IllegalStateException(
                    "CommonPasswordValidator: cannot read password_list_path " + file + ": " + e.getMessage(), e);
        }
    }

    /** How many passwords the list holds. */
    int size() {
        return passwords.size();
    }

    @Override
    public Optional<String> validate(String password, Map<String, String> user) {
        return passwords.contains(password.toLowerCase(Locale.ROOT).strip()) ? Optional.of(MESSAGE) : Optional.empty();
    }

    private static Set<String> read(InputStream in) throws IOException {
        Set<String> all = new HashSet<>(40_000);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                all.add(line.strip());
            }
        }
        return Set.copyOf(all);
    }

    /** The holder idiom: the list is read when first asked for, once, without a lock on every use. */
    private static final class DjangoList {
        static final CommonPasswords INSTANCE = load();

        private static CommonPasswords load() {
            try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing beside " + CommonPasswords.class.getName());
                }
                return new CommonPasswords(read(new GZIPInputStream(in)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
