package dev.portico.auth.cli;

import dev.portico.auth.accounts.User;
import dev.portico.auth.keys.ApiKey;
import dev.portico.auth.keys.ApiKeys;
import dev.portico.auth.keys.CreatedApiKey;
import dev.portico.config.PorticoConfig;
import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code apikey create|list|revoke}: a user's API keys from the command line. {@code create} prints the credential
 * {@code keyid:secret} once; nothing ever prints a secret again. Exit codes: 0 done, 1 failure (no such user or key,
 * a role the user lacks, the database unreachable), 2 bad usage.
 * <pre>{@code
 * manage.command(ApiKeyCommand.create(manage::config));
 * // ./manage apikey create --user ada --name ci --expires 30d --role editor
 * }</pre>
 */
@Command(
        name = "apikey",
        mixinStandardHelpOptions = true,
        description = "Create, list and revoke API keys (Authorization: Api-Key keyid:secret).")
public final class ApiKeyCommand implements Callable<Integer> {
    private final Supplier<PorticoConfig> config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private ApiKeyCommand(Supplier<PorticoConfig> config) {
        this.config = config;
    }

    /** The command, reading the configuration when it runs (so {@code --help} needs no database). */
    public static ApiKeyCommand create(Supplier<PorticoConfig> config) {
        return new ApiKeyCommand(config);
    }

    /** Without a subcommand: a usage error. */
    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: create, list or revoke");
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Create a key and print it once as keyid:secret.")
    int create(
            @Option(names = "--user", required = true, description = "The username.") String username,
            @Option(names = "--name", defaultValue = "", description = "A label for the key.") String name,
            @Option(
                            names = "--expires",
                            converter = Expiry.class,
                            description =
                                    "When it stops working: 30d, 12h, 90m, 2w, or an instant (2030-01-01T00:00:00Z).")
                    Expiry expires,
            @Option(names = "--role", description = "A role of the user the key acts as.") String role) {
        return AccountsCommands.run(spec, "apikey create", config, (accounts, out) -> {
            User user = AccountsCommands.user(accounts, username);
            Optional<Instant> at =
                    Optional.ofNullable(expires).map(e -> e.at(accounts.clock().instant()));
            CreatedApiKey made = ApiKeys.create(accounts).create(user.id(), name, at, Optional.ofNullable(role));
            ApiKey key = made.key();
            out.println("Created API key " + key.keyId() + (name.isEmpty() ? "" : " \"" + name + "\"") + " for "
                    + user.username()
                    + key.role().map(r -> ", acting as role " + r).orElse("")
                    + key.expiresAt().map(t -> ", expiring " + t).orElse("") + ":");
            out.println(made.credential());
            out.println("This is the only time the key is shown; it cannot be recovered, only revoked.");
            return 0;
        });
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List a user's keys (never their secrets).")
    int list(@Option(names = "--user", required = true, description = "The username.") String username) {
        return AccountsCommands.run(spec, "apikey list", config, (accounts, out) -> {
            User user = AccountsCommands.user(accounts, username);
            List<ApiKey> keys = ApiKeys.create(accounts).list(user.id());
            if (keys.isEmpty()) {
                out.println("No API keys for " + user.username() + ".");
                return 0;
            }
            table(keys, accounts.clock().instant(), out);
            return 0;
        });
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key, at once, everywhere.")
    int revoke(@Parameters(paramLabel = "KEYID", description = "The key id (k-...).") String keyId) {
        return AccountsCommands.run(spec, "apikey revoke", config, (accounts, out) -> {
            ApiKeys keys = ApiKeys.create(accounts);
            Optional<Instant> before = keys.find(keyId).flatMap(ApiKey::revokedAt);
            ApiKey key = keys.revoke(keyId).orElseThrow(() -> new AccountsCommands.Failure("no API key " + keyId));
            out.println(
                    before.isPresent()
                            ? "API key " + keyId + " was already revoked at " + before.get() + "."
                            : "Revoked API key " + key.keyId() + ".");
            return 0;
        });
    }

    private static void table(List<ApiKey> keys, Instant now, PrintWriter out) {
        String format = "%-18s  %-20s  %-12s  %-20s  %-20s  %-20s  %s%n";
        out.printf(format, "KEY ID", "NAME", "ROLE", "CREATED", "EXPIRES", "LAST USED", "STATUS");
        for (ApiKey k : keys) {
            out.printf(
                    format,
                    k.keyId(),
                    k.name(),
                    k.role().orElse("-"),
                    time(Optional.of(k.createdAt())),
                    time(k.expiresAt()),
                    time(k.lastUsedAt()),
                    k.revoked() ? "revoked" : k.expired(now) ? "expired" : "active");
        }
    }

    private static String time(Optional<Instant> t) {
        return t.map(i -> i.truncatedTo(ChronoUnit.SECONDS).toString()).orElse("-");
    }

    /** {@code --expires}: a duration from now ({@code 30d}) or an instant. */
    record Expiry(Optional<Duration> after, Optional<Instant> instant) implements CommandLine.ITypeConverter<Expiry> {
        Expiry() {
            this(Optional.empty(), Optional.empty());
        }

        /** The instant it names; one past what an instant can hold is {@link Instant#MAX}, which the keys refuse. */
        Instant at(Instant now) {
            try {
                return instant.orElseGet(() -> now.plus(after.orElseThrow()));
            } catch (ArithmeticException | DateTimeException e) {
                return Instant.MAX;
            }
        }

        @Override
        public Expiry convert(String value) {
            String v = value.strip();
            if (v.length() >= 2
                    && "mhdw".indexOf(v.charAt(v.length() - 1)) >= 0
                    && v.chars().limit(v.length() - 1).allMatch(Character::isDigit)) {
                Optional<Duration> d;
                try {
                    long n = Long.parseLong(v.substring(0, v.length() - 1));
                    d = switch (v.charAt(v.length() - 1)) {
                        case 'm' -> Optional.of(Duration.ofMinutes(n));
                        case 'h' -> Optional.of(Duration.ofHours(n));
                        case 'd' -> Optional.of(Duration.ofDays(n));
                        case 'w' -> Optional.of(Duration.ofDays(Math.multiplyExact(7, n)));
                        default -> Optional.empty();
                    };
                } catch (ArithmeticException | NumberFormatException e) { // far beyond any allowed expiry
                    d = Optional.of(Duration.ofSeconds(Long.MAX_VALUE));
                }
                if (d.isPresent() && d.get().isPositive()) {
                    return new Expiry(d, Optional.empty());
                }
            }
            try {
                return new Expiry(Optional.empty(), Optional.of(Instant.parse(v)));
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException(
                        "'" + value + "' is not a duration (30d, 12h, 90m, 2w) or an instant (2030-01-01T00:00:00Z)");
            }
        }
    }
}
