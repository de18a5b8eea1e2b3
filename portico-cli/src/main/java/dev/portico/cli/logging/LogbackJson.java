package dev.portico.cli.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.spi.AppenderAttachable;
import java.util.Iterator;

/**
 * Logback's side of {@link Logging}, in a class of its own so that it is loaded only when Logback is there.
 * Logback's {@code JsonEncoder} (1.3.8+) writes {@code timestamp} (epoch milliseconds), {@code level},
 * {@code threadName}, {@code loggerName}, {@code mdc} (the request id), {@code kvpList} (the access line's method,
 * path, status and duration), {@code formattedMessage} and {@code throwable} (class, message and frames). Left out:
 * the unformatted pattern and its arguments (the formatted message says the same once), the sequence number, the
 * nanoseconds and the context block, which repeat on every line and tell a reader nothing.
 */
final class LogbackJson {
    private LogbackJson() {}

    /** Sets each of {@code names} to WARN, unless the configuration gave it a level of its own. */
    static void quiet(Object backend, java.util.List<String> names) {
        LoggerContext context = (LoggerContext) backend;
        for (String name : names) {
            ch.qos.logback.classic.Logger logger = context.getLogger(name);
            if (logger.getLevel() == null) {
                logger.setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
    }

    static void install(Object backend) {
        LoggerContext context = (LoggerContext) backend;
        for (ch.qos.logback.classic.Logger logger : context.getLoggerList()) {
            logger.iteratorForAppenders().forEachRemaining(appender -> switchEncoder(context, appender));
        }
    }

    @SuppressWarnings("unchecked")
    private static void switchEncoder(LoggerContext context, Appender<ILoggingEvent> appender) {
        if (appender instanceof OutputStreamAppender<ILoggingEvent> stream
                && !(stream.getEncoder() instanceof JsonEncoder)) {
            stream.setEncoder(encoder(context));
        }
        if (appender instanceof AppenderAttachable<?> holder) {
            Iterator<Appender<ILoggingEvent>> inner =
                    ((AppenderAttachable<ILoggingEvent>) holder).iteratorForAppenders();
            inner.forEachRemaining(a -> switchEncoder(context, a));
        }
    }

    /** Logback's encoder with the fields a log collector wants, each line one JSON object. */
    static JsonEncoder encoder(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        return encoder;
    }
}
