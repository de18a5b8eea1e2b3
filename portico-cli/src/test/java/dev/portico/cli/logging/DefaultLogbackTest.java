package dev.portico.cli.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Portico's logging set-up in code, for apps without a logback.xml, and stepping aside for one that has it. */
class DefaultLogbackTest {

    @Test
    void logbackFindsItThroughTheServiceLoader() {
        assertThat(ServiceLoader.load(Configurator.class)).anyMatch(DefaultLogback.class::isInstance);
    }

    @Test
    void linesGoToStandardErrorThroughAnAsyncAppenderWithTheNoisyLibrariesHeldBack() {
        LoggerContext context = new LoggerContext();
        assertThat(new DefaultLogback().configure(context))
                .isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        AsyncAppender async = (AsyncAppender) root.getAppender("ASYNC");
        assertThat(async.isNeverBlock()).isTrue();
        assertThat(async.getDiscardingThreshold()).isZero();
        @SuppressWarnings("unchecked")
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) async.getAppender("STDERR");
        assertThat(console.getTarget()).isEqualTo("System.err");
        assertThat(((PatternLayoutEncoder) console.getEncoder()).getPattern())
                .isEqualTo("%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n");
        assertThat(context.getLogger("org.flywaydb").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("com.zaxxer.hikari").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.eclipse.jetty.http.HttpParser").getLevel())
                .isEqualTo(Level.ERROR);
        assertThat(context.getLogger("dev.portico").getEffectiveLevel()).isEqualTo(Level.INFO);
    }

    @Test
    void anAppsOwnLogbackXmlWins(@TempDir Path dir) throws Exception {
        try (URLClassLoader none = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThat(DefaultLogback.configurationFileGiven(none)).isFalse();
        }
        Files.writeString(dir.resolve("logback.xml"), "<configuration/>");
        try (URLClassLoader withFile = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThat(DefaultLogback.configurationFileGiven(withFile)).isTrue();
        }
    }
}
