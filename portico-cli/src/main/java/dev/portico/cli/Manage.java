package dev.portico.cli;

import dev.portico.Module;
import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.cli.logging.Logging;
import dev.portico.cli.logging.LoggingSettings;
import dev.portico.config.Settings;
import dev.portico.openapi.OpenApiDocument;
import dev.portico.openapi.SpecVersion;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * An application's management commands, the counterpart of Django's {@code manage.py}: {@code serve} (the
 * default), {@code schema}, and the commands of the modules the app installs ({@code migrate} from its database,
 * {@code createuser} from {@code Auth.module(db)}, ...), found by asking the app for its builder.
 * <pre>{@code
 * public static void main(String[] args) {
 *     System.exit(Manage.create(config -> Portico.builder().config(config).controller(new Posts()))
 *             .run(args));
 * }
 * }</pre>
 * The application is described by a function from the resolved configuration to a builder, which it must give
 * that configuration ({@code .config(config)}) so its modules register their settings there; commands that do
 * not serve (printing the configuration, exporting the schema) never open a port.
 */
public final class Manage {
    private final Function<PorticoConfig, Portico.Builder> app;
    private final List<Object> commands = new ArrayList<>();
    private final List<Object> schemaCommands = new ArrayList<>();
    private java.util.function.Consumer<PorticoConfig.Builder> settings = b -> { };
    private String name = "manage";
    /** The configuration and the app's modules, surveyed once per run. */
    private Survey survey;

    /** The configuration with every installed module's settings registered, and those modules. */
    private record Survey(PorticoConfig config, List<Module> modules) {
    }

    private Manage(Function<PorticoConfig, Portico.Builder> app) {
        this.app = app;
    }

    /** Commands for the application {@code app} builds from its configuration. */
    public static Manage create(Function<PorticoConfig, Portico.Builder> app) {
        return new Manage(app);
    }

    /** The program name shown in help, such as {@code ./manage}. */
    public Manage name(String name) {
        this.name = name;
        return this;
    }

    /**
     * The application's code-level configuration: its own settings registered and its defaults set, below
     * the file and the environment.
     */
    public Manage settings(java.util.function.Consumer<PorticoConfig.Builder> settings) {
        this.settings = settings;
        return this;
    }

    /** Adds a picocli command of the application's own. */
    public Manage command(Object command) {
        commands.add(command);
        return this;
    }

    /**
     * Adds a subcommand of {@code schema}, from a module that {@code portico-cli} does not depend on: {@code schema
     * diff} comes from {@code portico-client-gen}, with the comparison library only that module carries.
     */
    public Manage schemaCommand(Object command) {
        schemaCommands.add(command);
        return this;
    }

    /** Runs the command line and returns the exit code: 0 success, 1 failure, 2 bad usage. */
    public int run(String... args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** Runs with explicit output streams, for tests. */
    public int run(String[] args, PrintWriter out, PrintWriter err) {
        survey = null; // a file or a variable may have changed since the last run
        CommandLine line;
        try {
            line = commandLine(out, err);
        } catch (RuntimeException e) {
            err.println(name + ": " + describe(e));
            return 1;
        }
        try {
            applyLogging();
        } catch (IllegalStateException e) {
            err.println(name + ": " + e.getMessage());
            return 1;
        }
        // the pool's start and Flyway's steps at WARN, serve included: the database logs one line for what it applied
        Logging.quietLibraries();
        return line.execute(args);
    }

    /**
     * The whole command tree as {@link #run} executes it, the installed modules' commands included, writing to
     * {@code out} and {@code err}: for tools and tests
     * that walk every command (each one's {@code --help}, say). The exit codes are the contract scripts rely on:
     * 0 success, 1 a failure while running (one line on {@code err}: the command and what went wrong, never a stack
     * trace), 2 bad usage (picocli's one-line message, then the command's usage).
     */
    public CommandLine commandLine(PrintWriter out, PrintWriter err) {
        Root root = new Root(this);
        CommandLine line = new CommandLine(root);
        line.setCommandName(name);
        line.addSubcommand("serve", new Serve(root));
        line.addSubcommand("schema", new SchemaCommand(this));
        schemaCommands.forEach(line.getSubcommands().get("schema")::addSubcommand);
        commands.forEach(line::addSubcommand);
        survey().modules().forEach(module -> module.commands(this::config).forEach(line::addSubcommand));
        line.setOut(out);
        line.setErr(err);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // as the modules' commands name themselves: "apikey list: ...", and "./manage: ..." for the root
            String who = cmd.getParent() == null ? name : cmd.getCommandSpec().qualifiedName().substring(name.length() + 1);
            cmd.getErr().println(who + ": " + describe(e));
            return 1;
        });
        return line;
    }

    /** The failure in one line: its message, or its type when it has none. */
    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /**
     * Applies {@code logging.format} before any command runs, so a command's own lines (a migration's, the server's)
     * are in the chosen format. A configuration that does not load is left to the command, which reports it.
     */
    private void applyLogging() {
        PorticoConfig config;
        try {
            config = config();
        } catch (RuntimeException e) {
            return;
        }
        Logging.apply(config);
    }

    /**
     * Loads the configuration as every command sees it: file and environment over the app's code defaults
     * and settings, with the settings of every module the app installs. Public for the commands of other modules,
     * such as {@code migrate}, which read it when they run.
     *
     * @throws IllegalArgumentException when the file or the environment has an unknown key or a malformed value
     */
    public PorticoConfig config() {
        return survey().config();
    }

    /**
     * Builds the configuration and asks the app for its builder, which registers its modules' settings on the
     * configuration and names their commands; the builder is never built, so nothing connects or listens.
     */
    private Survey survey() {
        if (survey == null) {
            PorticoConfig config = config(System.getenv());
            List<Module> modules = app(config).modules();
            survey = new Survey(config.checkKnown(), modules);
        }
        return survey;
    }

    /**
     * The application's OpenAPI document in {@code version}, whatever {@code openapi.spec-version} says: the app
     * is built in-process, never started (no port, no database). For commands that feed the document to a tool,
     * such as {@code client typescript}, which needs the version that tool reads best.
     */
    public OpenApiDocument openapi(SpecVersion version) {
        java.util.Map<String, String> environment = new java.util.HashMap<>(System.getenv());
        environment.put(Settings.OPENAPI_SPEC_VERSION.envName(), version.number()); // above the file and the env
        PorticoConfig config = config(environment);
        return app(config).config(config).build().openapi();
    }

    private PorticoConfig config(java.util.Map<String, String> environment) {
        PorticoConfig.Builder builder = LoggingSettings.register(PorticoConfig.builder());
        settings.accept(builder);
        return builder.fromWorkingDirectory().fromEnvironment(environment).buildForModules();
    }

    Portico.Builder app(PorticoConfig config) {
        return app.apply(config);
    }

    @Command(mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "Manage a Portico application. Without a command: serve.",
            subcommandsRepeatable = false)
    static final class Root implements java.util.concurrent.Callable<Integer> {
        private final Manage manage;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--print-config", description = "Print the resolved configuration (secrets masked) and exit.")
        boolean printConfig;

        Root(Manage manage) {
            this.manage = manage;
        }

        @Override
        public Integer call() throws Exception {
            if (printConfig) {
                spec.commandLine().getOut().print(manage.config().print());
                spec.commandLine().getOut().flush();
                return 0;
            }
            return new Serve(this).call();
        }
    }

    /** The Portico version, from the jar's manifest when packaged. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Portico.class.getPackage().getImplementationVersion();
            return new String[] {"Portico " + (version == null ? "(development build)" : version)};
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Start the HTTP server (the default command). Stops gracefully on SIGTERM.")
    static final class Serve implements java.util.concurrent.Callable<Integer> {
        private final Root root;

        @CommandLine.Option(names = "--exit-after-start", description = "Start as usual (database, migrations, port), "
                + "then stop at once: a start-up check for scripts, and the run ./manage trains the JDK's "
                + "ahead-of-time cache with.")
        boolean exitAfterStart;

        Serve(Root root) {
            this.root = root;
        }

        @Override
        public Integer call() throws Exception {
            PorticoConfig config = root.manage.config();
            Portico portico = root.manage.app(config).config(config).build().start();
            if (exitAfterStart) {
                portico.stop();
                return 0;
            }
            String url = "http://localhost:" + portico.port() + "/";
            root.spec.commandLine().getOut().println("Portico is serving at " + url + " (Ctrl-C to stop)");
            root.spec.commandLine().getOut().flush();
            CountDownLatch forever = new CountDownLatch(1);
            forever.await();
            return 0;
        }
    }
}
