package dev.portico.cli.logging;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * Portico's logging set-up, in code, for an app that brings no {@code logback.xml}: found by Logback through the
 * service loader, so no app copies a configuration file, and Logback does not parse XML at every start. An app's own
 * {@code logback.xml} (or {@code logback-test.xml}, or {@code -Dlogback.configurationFile}) still wins: then this
 * steps aside and Logback reads the file as usual.
 *
 * <p>What it sets: lines to standard error (a command's own output on standard output, {@code ./manage schema >
 * openapi.json}, stays clean), {@code HH:mm:ss.SSS LEVEL logger - message}, through an asynchronous appender that
 * never blocks a request thread (access lines included), at INFO; the libraries whose INFO lines are noise around
 * Portico's own held at WARN ({@link #QUIET}).
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class DefaultLogback extends ContextAwareBase implements Configurator {
    /** The libraries held at a level above INFO, and why. */
    static final Map<String, Level> QUIET = Map.of(
            "org.eclipse.jetty", Level.WARN,
            // a malformed request is the client's error, answered 400; not a warning about this server
            "org.eclipse.jetty.http.HttpParser", Level.ERROR,
            "org.hibernate.validator", Level.WARN,
            // the pool's start and stop, and Flyway's steps: the app logs what it applied in one line
            "com.zaxxer.hikari", Level.WARN,
            "org.flywaydb", Level.WARN,
            // `client typescript` reports its own progress; the generator's line per file written is noise
            "org.openapitools", Level.WARN);

    /** Logback calls this (the service loader needs a public no-argument constructor). */
    public DefaultLogback() {}

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (configurationFileGiven(DefaultLogback.class.getClassLoader())) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY; // Logback's own configurator reads the app's file
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(async(context, console(context)));
        QUIET.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Whether the app brings a configuration of its own, which Logback then reads instead. */
    static boolean configurationFileGiven(ClassLoader loader) {
        return System.getProperty("logback.configurationFile") != null
                || loader.getResource("logback-test.xml") != null
                || loader.getResource("logback.xml") != null;
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDERR");
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        return console;
    }

    private static AsyncAppender async(LoggerContext context, ConsoleAppender<ILoggingEvent> console) {
        AsyncAppender async = new AsyncAppender();
        async.setContext(context);
        async.setName("ASYNC");
        async.setQueueSize(8192);
        async.setDiscardingThreshold(0);
        async.setNeverBlock(true);
        async.addAppender(console);
        async.start();
        return async;
    }
}
