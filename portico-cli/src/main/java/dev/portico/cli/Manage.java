package dev.portico.cli;

import dev.portico.Module;
import dev.portico.Portico;
import dev.portico.cli.logging.Logging;
import dev.portico.cli.logging.LoggingSettings;
import dev.portico.config.PorticoConfig;
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
    private java.util.function.Consumer<PorticoConfig.Builder> settings = b -> {};
    private String name = "manage";
    /** True while {@link #TRAINING_COMMANDS} run, which then do not run them again. */
    private boolean training;
    /** The configuration and the app's modules, surveyed once per run. */
    private Survey survey;

    /**
     * The configuration with every installed module's settings registered, those modules, and the builder they came
     * from, which {@code serve} builds rather than asking the app again (the first call loads most of the app's
     * classes; a second costs start-up time for nothing).
     */
    private static final class Survey {
        private final PorticoConfig config;
        private final List<Module> modules;
        private Portico.Builder builder;

        Survey(PorticoConfig config, Portico.Builder builder) {
            this.config = config;
            this.modules = builder.modules();
            this.builder = builder;
        }

        /** The surveyed builder the first time, built at most once; then a new one from the app. */
        Portico.Builder takeBuilder(Manage manage) {
            Portico.Builder taken = builder == null ? manage.app(config) : builder;
            builder = null;
            return taken;
        }
    }

    /**
     * The arguments {@link #run} serves without picocli: picocli's classes are Java 5 bytecode, which the JDK's
     * ahead-of-time cache does not hold, and its model reflects over every command, so building the command line
     * cost about a tenth of the start-up CPU for a command whose only option is {@code --exit-after-start}.
     */
    private static final List<List<String>> PLAIN_SERVE =
            List.of(List.of(), List.of("serve"), List.of("serve", "--exit-after-start"));

    /**
     * The system property naming commands that {@link #run} runs first, their output discarded, in a training run of
     * the JDK's ahead-of-time cache ({@code ./manage} sets it): commands separated by {@code ;}, such as
     * {@code --help;migrate;schema;createuser --username x --no-password}. The cache then holds the classes of every
     * command, so a command does not load and verify a thousand classes from the jars at every start. Commands that
     * write belong on a database of the training's own: {@code ./manage} points {@code PORTICO_DATABASE_URL} at one.
     */
    public static final String TRAINING_COMMANDS = "portico.manage.training-commands";

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
        if (!training && !System.getProperty(TRAINING_COMMANDS, "").isBlank()) {
            runTrainingCommands();
        }
        survey = null; // a file or a variable may have changed since the last run
        if (PLAIN_SERVE.contains(List.of(args))) {
            return serveWithoutCommandLine(args, out, err);
        }
        CommandLine line;
        try {
            line = commandLine(out, err, commandNamed(args));
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
        return commandLine(out, err, null);
    }

    /**
     * The command tree with only the subcommand {@code only} under the root, or every one when {@code only} is
     * null: picocli reflects over each command it is given, and a run executes one.
     */
    private CommandLine commandLine(PrintWriter out, PrintWriter err, String only) {
        Root root = new Root(this);
        CommandLine line = new CommandLine(root);
        line.setCommandName(name);
        if (only == null || only.equals("serve")) {
            line.addSubcommand("serve", new Serve(root));
        }
        if (only == null || only.equals("schema")) {
            line.addSubcommand("schema", new SchemaCommand(this));
            schemaCommands.forEach(line.getSubcommands().get("schema")::addSubcommand);
        }
        commands.stream()
                .filter(command -> only == null || names(command).contains(only))
                .forEach(line::addSubcommand);
        survey().modules
                .forEach(module -> module.commands(this::config).stream()
                        .filter(command -> only == null || names(command).contains(only))
                        .forEach(line::addSubcommand));
        line.setOut(out);
        line.setErr(err);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // as the modules' commands name themselves: "apikey list: ...", and "./manage: ..." for the root
            String who = cmd.getParent() == null
                    ? name
                    : cmd.getCommandSpec().qualifiedName().substring(name.length() + 1);
            cmd.getErr().println(who + ": " + describe(e));
            return 1;
        });
        return line;
    }

    /**
     * The subcommand the arguments run, when one of the app's commands has that name; null for the root's options
     * ({@code --help} lists every command) and for a name no command has (the error lists every command).
     */
    private String commandNamed(String[] args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            return null;
        }
        String first = args[0];
        if (first.equals("serve")
                || first.equals("schema")
                || commands.stream().anyMatch(c -> names(c).contains(first))) {
            return first;
        }
        try {
            boolean known = survey().modules.stream()
                    .anyMatch(module -> module.commands(this::config).stream().anyMatch(c -> names(c).contains(first)));
            return known ? first : null;
        } catch (RuntimeException e) {
            return null; // the configuration does not load: commandLine reports it
        }
    }

    /** A command object's name and aliases from its {@code @Command}; empty when it has none to read. */
    private static List<String> names(Object command) {
        if (command instanceof CommandLine line) {
            return List.of(line.getCommandName());
        }
        Command annotation = command.getClass().getAnnotation(Command.class);
        if (annotation == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>(List.of(annotation.aliases()));
        names.add(annotation.name());
        return names;
    }

    /**
     * Runs the commands of {@link #TRAINING_COMMANDS} into the void: whatever they print or however they fail, the
     * command asked for then runs as usual.
     */
    private void runTrainingCommands() {
        PrintWriter discard = new PrintWriter(java.io.Writer.nullWriter());
        training = true;
        try {
            for (String command : System.getProperty(TRAINING_COMMANDS).split(";")) {
                if (!command.isBlank()) {
                    run(command.trim().split("\\s+"), discard, discard);
                }
            }
        } finally {
            training = false;
        }
    }

    /**
     * {@code serve} as the command line would run it (the same messages and exit codes), without building one:
     * see {@link #PLAIN_SERVE}.
     */
    private int serveWithoutCommandLine(String[] args, PrintWriter out, PrintWriter err) {
        try {
            survey();
            applyLogging();
        } catch (RuntimeException e) {
            err.println(name + ": " + describe(e));
            return 1;
        }
        Logging.quietLibraries();
        try {
            return serve(args.length == 2, out);
        } catch (Exception e) {
            err.println((args.length == 0 ? name : "serve") + ": " + describe(e));
            return 1;
        }
    }

    /** Starts the app and serves until the process stops, or stops at once after starting when asked. */
    private int serve(boolean exitAfterStart, PrintWriter out) throws InterruptedException {
        PorticoConfig config = config();
        Portico portico = survey().takeBuilder(this).config(config).start(); // the database opens while it builds
        if (exitAfterStart) {
            portico.stop();
            return 0;
        }
        out.println("Portico is serving at http://localhost:" + portico.port() + "/ (Ctrl-C to stop)");
        out.flush();
        new CountDownLatch(1).await();
        return 0;
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
        return survey().config;
    }

    /**
     * Builds the configuration and asks the app for its builder, which registers its modules' settings on the
     * configuration and names their commands; the builder is never built, so nothing connects or listens.
     */
    private Survey survey() {
        if (survey == null) {
            PorticoConfig config = config(System.getenv());
            Portico.Builder builder = app(config);
            survey = new Survey(config.checkKnown(), builder);
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

    @Command(
            mixinStandardHelpOptions = true,
            versionProvider = Version.class,
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

    @Command(
            name = "serve",
            mixinStandardHelpOptions = true,
            description = "Start the HTTP server (the default command). Stops gracefully on SIGTERM.")
    static final class Serve implements java.util.concurrent.Callable<Integer> {
        private final Root root;

        @CommandLine.Option(
                names = "--exit-after-start",
                description = "Start as usual (database, migrations, port), "
                        + "then stop at once: a start-up check for scripts, and the run ./manage trains the JDK's "
                        + "ahead-of-time cache with.")
        boolean exitAfterStart;

        Serve(Root root) {
            this.root = root;
        }

        @Override
        public Integer call() throws Exception {
            return root.manage.serve(exitAfterStart, root.spec.commandLine().getOut());
        }
    }
}
