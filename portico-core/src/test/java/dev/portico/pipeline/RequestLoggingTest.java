package dev.portico.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.portico.Portico;
import dev.portico.testing.TestRequest;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The request id in the MDC for the request's duration, and the access line's key-value pairs. */
class RequestLoggingTest {
    private static final org.slf4j.Logger APP_LOG = LoggerFactory.getLogger("test.app");

    record Greeting(String message) {}

    private static Portico app() {
        return Portico.builder()
                .get("/api/hello/{name}/", Greeting.class, request -> {
                    APP_LOG.info("greeting {}", request.pathParam("name"));
                    return new Greeting("Hello");
                })
                .build();
    }

    private static ListAppender<ILoggingEvent> capture(String name) {
        Logger logger = (Logger) LoggerFactory.getLogger(name);
        logger.setLevel(Level.INFO);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        return appender;
    }

    private static void release(String name, ListAppender<ILoggingEvent> appender) {
        Logger logger = (Logger) LoggerFactory.getLogger(name);
        logger.detachAppender(appender);
        logger.setLevel(null);
    }

    @Test
    void everyLineOfTheRequestCarriesItsIdAndTheMdcIsClearedAfter() {
        ListAppender<ILoggingEvent> app = capture("test.app");
        ListAppender<ILoggingEvent> access = capture("portico.access");
        try {
            app().handle(TestRequest.get("/api/hello/ada/").header("X-Request-Id", "req-42"));
            assertThat(app.list)
                    .singleElement()
                    .satisfies(
                            e -> assertThat(e.getMDCPropertyMap()).containsEntry(Application.MDC_REQUEST_ID, "req-42"));
            assertThat(access.list)
                    .singleElement()
                    .satisfies(
                            e -> assertThat(e.getMDCPropertyMap()).containsEntry(Application.MDC_REQUEST_ID, "req-42"));
            assertThat(MDC.get(Application.MDC_REQUEST_ID)).isNull();
        } finally {
            release("test.app", app);
            release("portico.access", access);
        }
    }

    @Test
    void theAccessLineCarriesMethodPathStatusAndDurationAsFieldsWithoutTheQuery() {
        ListAppender<ILoggingEvent> access = capture("portico.access");
        try {
            app().handle(TestRequest.get("/api/hello/ada/?authorisation=k-1:topsecret")
                    .header("X-Request-Id", "r7"));
            ILoggingEvent line = access.list.getFirst();
            Map<String, String> fields = line.getKeyValuePairs().stream()
                    .collect(Collectors.toMap(kv -> kv.key, kv -> String.valueOf(kv.value)));
            assertThat(fields)
                    .containsEntry("method", "GET")
                    .containsEntry("path", "/api/hello/ada/")
                    .containsEntry("status", "200")
                    .containsKey("duration_ms");
            assertThat(fields.get("duration_ms")).matches("\\d+\\.\\d\\d");
            assertThat(line.getFormattedMessage()).doesNotContain("topsecret").endsWith("id=r7");
        } finally {
            release("portico.access", access);
        }
    }
}
