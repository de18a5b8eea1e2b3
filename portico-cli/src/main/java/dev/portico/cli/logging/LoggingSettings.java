package dev.portico.cli.logging;

import dev.portico.config.PorticoConfig;
import dev.portico.config.Setting;
import java.util.List;

/**
 * The {@code logging.*} settings. They live in portico-cli, not core, because switching the log format means
 * touching the logging backend, and core knows only the SLF4J API; {@code Manage} registers them, so every
 * command prints and reads them.
 */
public final class LoggingSettings {
    /** {@code logging.format}: text (Portico's lines, or the app's logback.xml) or json (one object per line). */
    public static final Setting<LogFormat> FORMAT = Setting.choice(
            "logging.format",
            LogFormat.class,
            LogFormat.TEXT,
            "text: Portico's default lines, or the app's logback.xml as written; json: one JSON object per line"
                    + " (timestamp, level, logger, thread, message, the request id in mdc, the access line's fields in"
                    + " kvpList, an exception as throwable).");

    /** Every {@code logging.*} setting. */
    public static final List<Setting<?>> ALL = List.of(FORMAT);

    private LoggingSettings() {}

    /** Registers the {@code logging.*} settings. */
    public static PorticoConfig.Builder register(PorticoConfig.Builder builder) {
        return builder.register(ALL.toArray(Setting<?>[]::new));
    }
}
