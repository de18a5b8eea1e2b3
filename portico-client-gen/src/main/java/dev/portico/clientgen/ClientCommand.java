package dev.portico.clientgen;

import dev.portico.cli.Manage;
import picocli.CommandLine.Command;

/**
 * {@code client}: generates API clients from the application's OpenAPI document. Its one generator so far is
 * {@code client typescript} ({@link TypeScriptCommand}). Added to an app's commands with
 * {@code manage.command(ClientCommand.create(manage))}.
 */
@Command(
        name = "client",
        mixinStandardHelpOptions = true,
        subcommands = TypeScriptCommand.class,
        description = "Generate an API client from the app's OpenAPI document.")
public final class ClientCommand implements Runnable {
    private final Manage manage;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private ClientCommand(Manage manage) {
        this.manage = manage;
    }

    /** The {@code client} command of {@code manage}'s application, whose model it generates from. */
    public static ClientCommand create(Manage manage) {
        return new ClientCommand(manage);
    }

    Manage manage() {
        return manage;
    }

    /** Without a generator named: the usage, as a usage error (exit 2). */
    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Name a client: typescript");
    }
}
