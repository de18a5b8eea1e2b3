package dev.portico.auth.cli;

import dev.portico.auth.accounts.Role;
import dev.portico.auth.accounts.User;
import dev.portico.config.PorticoConfig;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code role define|grant|list}: the roles and the permission scopes they carry (seed 002's roles). A user acts
 * with the scopes of every role they hold; an API key made for a role ({@code apikey create --role}) acts with that
 * role's alone. Exit codes: 0 done, 1 failure (a bad name or scope, no such user or role), 2 bad usage.
 * <pre>{@code
 * manage.command(RoleCommand.create(manage::config));
 * // ./manage role define editor --scopes posts:read,posts:write
 * // ./manage role grant --user ada editor
 * }</pre>
 */
@Command(
        name = "role",
        mixinStandardHelpOptions = true,
        description = "Define roles and their scopes, grant them to users, list them.")
public final class RoleCommand implements Callable<Integer> {
    private final Supplier<PorticoConfig> config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private RoleCommand(Supplier<PorticoConfig> config) {
        this.config = config;
    }

    /** The command, reading the configuration when it runs (so {@code --help} needs no database). */
    public static RoleCommand create(Supplier<PorticoConfig> config) {
        return new RoleCommand(config);
    }

    /** Without a subcommand: a usage error. */
    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: define, grant or list");
    }

    @Command(
            name = "define",
            mixinStandardHelpOptions = true,
            description = "Create a role, or replace the scopes of an existing one.")
    int define(
            @Parameters(paramLabel = "NAME", description = "The role's name.") String name,
            @Option(
                            names = "--scopes",
                            split = ",",
                            paramLabel = "SCOPE",
                            description = "Its scopes, separated by commas (none when left out).")
                    List<String> scopes) {
        return AccountsCommands.run(spec, "role define", config, (accounts, out) -> {
            boolean existed = accounts.roles().find(name).isPresent();
            Role role = accounts.roles().define(name, new LinkedHashSet<>(scopes == null ? List.of() : scopes));
            out.println((existed ? "Replaced" : "Defined") + " role " + role.name() + ": " + scopes(role) + ".");
            return 0;
        });
    }

    @Command(name = "grant", mixinStandardHelpOptions = true, description = "Give a user a role.")
    int grant(
            @Option(names = "--user", required = true, description = "The username.") String username,
            @Parameters(paramLabel = "NAME", description = "The role's name.") String name) {
        return AccountsCommands.run(spec, "role grant", config, (accounts, out) -> {
            User user = AccountsCommands.user(accounts, username);
            accounts.users().grant(user.id(), name);
            out.println("Granted role " + name + " to " + user.username() + ".");
            return 0;
        });
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every role and its scopes.")
    int list() {
        return AccountsCommands.run(spec, "role list", config, (accounts, out) -> {
            List<Role> roles = accounts.roles().all();
            if (roles.isEmpty()) {
                out.println("No roles.");
            }
            roles.forEach(r -> out.printf("%-20s  %s%n", r.name(), scopes(r)));
            return 0;
        });
    }

    private static String scopes(Role role) {
        return role.scopes().isEmpty()
                ? "no scopes"
                : String.join(" ", role.scopes().stream().sorted().toList());
    }
}
