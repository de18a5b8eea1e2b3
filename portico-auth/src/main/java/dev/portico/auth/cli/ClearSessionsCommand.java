package dev.portico.auth.cli;

import dev.portico.auth.account.AccountEndpoints;
import dev.portico.auth.jwt.Tokens;
import dev.portico.auth.session.Sessions;
import dev.portico.config.PorticoConfig;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code clearsessions}: Django's command of that name, which deletes expired sessions, and simplejwt's
 * {@code flushexpiredtokens} in one, which deletes expired refresh tokens, and expired password-reset and confirmation
 * links. None works once expired, so this only keeps the tables small: run it from cron. It needs the
 * {@code auth.session.*} and {@code auth.jwt.*} settings registered, but no JWT secret. Exit codes: 0 done, 1 failure
 * (the database unreachable), 2 bad usage.
 * <pre>{@code
 * manage.command(ClearSessionsCommand.create(manage::config));
 * // ./manage clearsessions
 * }</pre>
 */
@Command(
        name = "clearsessions",
        mixinStandardHelpOptions = true,
        description = "Delete expired sessions, refresh tokens and password-reset and confirmation links.")
public final class ClearSessionsCommand implements Callable<Integer> {
    private final Supplier<PorticoConfig> config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private ClearSessionsCommand(Supplier<PorticoConfig> config) {
        this.config = config;
    }

    /** The command, reading the configuration when it runs (so {@code --help} needs no database). */
    public static ClearSessionsCommand create(Supplier<PorticoConfig> config) {
        return new ClearSessionsCommand(config);
    }

    @Override
    public Integer call() {
        return AccountsCommands.run(spec, "clearsessions", config, (accounts, out) -> {
            PorticoConfig settings = config.get();
            int sessions = Sessions.create(accounts, settings).clearExpired();
            int tokens = Tokens.deleteExpired(accounts, settings);
            int links = AccountEndpoints.deleteExpiredTokens(accounts);
            out.println("Deleted " + sessions + " expired session" + (sessions == 1 ? "" : "s") + ", " + tokens
                    + " expired refresh token" + (tokens == 1 ? "" : "s") + " and " + links + " expired e-mail link"
                    + (links == 1 ? "" : "s") + ".");
            return 0;
        });
    }
}
