package dev.portico.auth.cli;

import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.accounts.NewUser;
import dev.portico.auth.accounts.User;
import dev.portico.config.PorticoConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code createuser}: Django's {@code createsuperuser}, for any user. Without a terminal it never asks: the password
 * comes from standard input with {@code --password-stdin} (its first line), or the user gets none with
 * {@code --no-password} (it can still use API keys). On a terminal, without either, it asks twice without echo.
 * {@code --staff} makes the user staff, {@code --role R} gives them a default role (which must exist).
 * A refused password or username is exit code 1 with Django's sentence.
 * <pre>{@code
 * manage.command(CreateUserCommand.create(manage::config));
 * // echo "$PASSWORD" | ./manage createuser --username ada --email ada@example.com --password-stdin --superuser
 * // ./manage createuser --username ci --no-password --role deployer
 * }</pre>
 */
@Command(
        name = "createuser",
        mixinStandardHelpOptions = true,
        description = "Create a user. The password comes from standard input (--password-stdin) or, on a terminal, "
                + "is asked for twice.")
public final class CreateUserCommand implements Callable<Integer> {
    private final Supplier<PorticoConfig> config;
    private final InputStream stdin;
    private final Terminal terminal;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--username", required = true, description = "The username (letters, digits and @.+-_).")
    String username;

    @Option(names = "--email", defaultValue = "", description = "The email address (optional).")
    String email;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Option(names = "--no-password", description = "Give the user no usable password (API keys only).")
    boolean noPassword;

    @Option(names = "--superuser", description = "Make the user a superuser (staff, every scope).")
    boolean superuser;

    @Option(names = "--staff", description = "Make the user staff (admin endpoints).")
    boolean staff;

    @Option(names = "--role", description = "The user's default role, which must exist (see role define).")
    String role;

    private CreateUserCommand(Supplier<PorticoConfig> config, InputStream stdin, Terminal terminal) {
        this.config = config;
        this.stdin = stdin;
        this.terminal = terminal;
    }

    /** The command, reading the configuration when it runs (so {@code --help} needs no database). */
    public static CreateUserCommand create(Supplier<PorticoConfig> config) {
        return new CreateUserCommand(config, System.in, Terminal.system());
    }

    static CreateUserCommand create(Supplier<PorticoConfig> config, InputStream stdin, Terminal terminal) {
        return new CreateUserCommand(config, stdin, terminal);
    }

    @Override
    public Integer call() {
        if (passwordStdin && noPassword) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--password-stdin and --no-password cannot be used together");
        }
        return AccountsCommands.run(spec, "createuser", config, this::create);
    }

    private int create(Accounts accounts, PrintWriter out) {
        String password = password();
        NewUser user = new NewUser(username, email, password, staff || superuser, superuser, Optional.ofNullable(role));
        User made = accounts.users().create(user);
        out.println(superuser ? "Superuser created successfully." : "User \"" + made.username() + "\" created.");
        return 0;
    }

    private String password() {
        if (noPassword) {
            return "";
        }
        if (passwordStdin) {
            return firstLine().orElseThrow(() -> new AccountsCommands.Failure("no password on standard input"));
        }
        char[] first = terminal.readPassword("Password: ")
                .orElseThrow(() -> new AccountsCommands.Failure(
                        "standard input is not a terminal: pass --password-stdin (or --no-password)"));
        char[] again = terminal.readPassword("Password (again): ").orElse(new char[0]);
        try {
            if (!Arrays.equals(first, again)) {
                throw new AccountsCommands.Failure("Error: Your passwords didn't match.");
            }
            if (first.length == 0) {
                throw new AccountsCommands.Failure("Error: Blank passwords aren't allowed.");
            }
            return new String(first);
        } finally {
            Arrays.fill(first, '\0');
            Arrays.fill(again, '\0');
        }
    }

    private Optional<String> firstLine() {
        try {
            String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
            return Optional.ofNullable(line).filter(l -> !l.isEmpty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
