package dev.portico.cli.logging;

import dev.portico.config.PorticoConfig;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code logging.format} to the running logging backend. With {@code json}, every console or file appender
 * of Logback (also those behind an {@code AsyncAppender}) gets Logback's own {@code JsonEncoder} in place of its
 * pattern, so the set-up (Portico's {@link DefaultLogback}, or the app's own {@code logback.xml}: levels, async queue,
 * targets) stays and only the line format
 * changes. {@code text} leaves the configuration as written.
 */
public final class Logging {
    private static final String LOGBACK = "ch.qos.logback.classic.LoggerContext";

    private Logging() {}

    /**
     * Applies the configuration's {@code logging.format}.
     *
     * @throws IllegalStateException when {@code json} is asked for and Logback is not the SLF4J backend
     */
    public static void apply(PorticoConfig config) {
        if (config.get(LoggingSettings.FORMAT) != LogFormat.JSON) {
            return;
        }
        Object backend = LoggerFactory.getILoggerFactory();
        if (!backend.getClass().getName().equals(LOGBACK)) {
            throw new IllegalStateException("logging.format=json needs Logback (ch.qos.logback:logback-classic) as the "
                    + "SLF4J backend, but the backend is " + backend.getClass().getName()
                    + ": add logback-classic, or set logging.format=text and configure JSON in your backend");
        }
        LogbackJson.install(backend);
    }

    /**
     * The libraries whose start-up lines are noise around a command's own output (a pool started and closed, a schema
     * validated): a command prints its own progress, so their INFO lines are held back to WARN. A level the
     * application's {@code logback.xml} sets for one of them is kept; nothing changes without Logback.
     */
    public static final java.util.List<String> CHATTY = java.util.List.of("com.zaxxer.hikari", "org.flywaydb");

    /** Holds {@link #CHATTY}'s loggers at WARN unless configured: every command, serve too, starts in a few lines. */
    public static void quietLibraries() {
        Object backend = LoggerFactory.getILoggerFactory();
        if (backend.getClass().getName().equals(LOGBACK)) {
            LogbackJson.quiet(backend, CHATTY);
        }
    }
}
