package dev.portico.auth.cli;

import dev.portico.auth.accounts.User;
import dev.portico.config.PorticoConfig;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code user deactivate|activate|logout-everywhere USERNAME}: what an administrator does to an account without
 * its password. Deactivating ends every session, token and API key use of the user at once (Django's
 * {@code is_active}); logging out everywhere ends every session and token but leaves API keys working (revoke those
 * with {@code apikey revoke}). Exit codes: 0 done, 1 failure (no such user, the database unreachable), 2 bad usage.
 * <pre>{@code
 * manage.command(UserCommand.create(manage::config));
 * // ./manage user deactivate ada
 * }</pre>
 */
@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = "Deactivate or activate a user, or end every session and token of theirs.")
public final class UserCommand implements Callable<Integer> {
    private final Supplier<PorticoConfig> config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private UserCommand(Supplier<PorticoConfig> config) {
        this.config = config;
    }

    /** The command, reading the configuration when it runs (so {@code --help} needs no database). */
    public static UserCommand create(Supplier<PorticoConfig> config) {
        return new UserCommand(config);
    }

    /** Without a subcommand: a usage error. */
    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "Missing subcommand: deactivate, activate or logout-everywhere");
    }

    @Command(
            name = "deactivate",
            mixinStandardHelpOptions = true,
            description = "Deactivate a user: their sessions, tokens and API keys stop working at once.")
    int deactivate(@Parameters(paramLabel = "USERNAME", description = "The username.") String username) {
        return AccountsCommands.run(spec, "user deactivate", config, (accounts, out) -> {
            User user = AccountsCommands.user(accounts, username);
            accounts.users().setActive(user.id(), false);
            out.println("Deactivated " + user.username() + ": every session, token and API key of theirs is refused.");
            return 0;
        });
    }

    @Command(
            name = "activate",
            mixinStandardHelpOptions = true,
            description = "Activate a user again (sessions and tokens ended by deactivation stay ended).")
    int activate(@Parameters(paramLabel = "USERNAME", description = "The username.") String username) {
        return AccountsCommands.run(spec, "user activate", config, (accounts, out) -> {
            User user = AccountsCommands.user(accounts, username);
            accounts.users().setActive(user.id(), true);
            out.println("Activated " + user.username() + ".");
            return 0;
        });
    }

    @Command(
            name = "logout-everywhere",
            mixinStandardHelpOptions = true,
            description = "End every session and token of a user at once (their API keys go on working).")
    int logoutEverywhere(@Parameters(paramLabel = "USERNAME", description = "The username.") String username) {
        return AccountsCommands.run(spec, "user logout-everywhere", config, (accounts, out) -> {
            User user = AccountsCommands.user(accounts, username);
            accounts.users().endAllSessions(user.id());
            out.println("Ended every session and token of " + user.username() + ".");
            return 0;
        });
    }
}
