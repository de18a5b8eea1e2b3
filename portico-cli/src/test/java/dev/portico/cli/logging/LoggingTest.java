package dev.portico.cli.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.config.PorticoConfig;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class LoggingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger logger = context.getLogger("logging.test");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private OutputStreamAppender<ILoggingEvent> appender;
    private ch.qos.logback.classic.AsyncAppender async;

    /** A pattern appender behind an async one, as the example's logback.xml has it. */
    @BeforeEach
    void attach() {
        PatternLayoutEncoder pattern = new PatternLayoutEncoder();
        pattern.setContext(context);
        pattern.setPattern("%level %logger - %msg%n");
        pattern.start();
        appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(pattern);
        appender.setOutputStream(out);
        appender.start();
        async = new ch.qos.logback.classic.AsyncAppender();
        async.setContext(context);
        async.addAppender(appender);
        async.start();
        logger.addAppender(async);
        logger.setAdditive(false);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(async);
        async.stop();
        appender.stop();
    }

    private List<JsonNode> lines() throws Exception {
        async.stop(); // drains the queue
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void textLeavesTheConfigurationAsWritten() {
        Logging.apply(PorticoConfig.builder().register(LoggingSettings.FORMAT).build());
        logger.info("plain {}", 1);
        async.stop();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("INFO logging.test - plain 1\n");
    }

    @Test
    void jsonWritesOneObjectPerLineWithTheMdcTheKeyValuesAndTheException() throws Exception {
        Logging.apply(PorticoConfig.builder()
                .register(LoggingSettings.FORMAT)
                .set(LoggingSettings.FORMAT, LogFormat.JSON)
                .build());
        MDC.put("request_id", "r-1");
        try {
            logger.atInfo().addKeyValue("status", 200).log("GET {} done", "/api/");
            logger.error("failed", new IllegalStateException("broken pipe"));
        } finally {
            MDC.remove("request_id");
        }
        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(2);
        JsonNode first = lines.get(0);
        assertThat(first.get("timestamp").asLong()).isPositive();
        assertThat(first.get("level").asText()).isEqualTo("INFO");
        assertThat(first.get("loggerName").asText()).isEqualTo("logging.test");
        assertThat(first.get("threadName").asText()).isNotEmpty();
        assertThat(first.get("formattedMessage").asText()).isEqualTo("GET /api/ done");
        assertThat(first.get("mdc").get("request_id").asText()).isEqualTo("r-1");
        assertThat(first.get("kvpList").toString()).contains("\"status\":\"200\"");
        assertThat(first.has("arguments"))
                .as("the message is written once, formatted")
                .isFalse();
        JsonNode error = lines.get(1).get("throwable");
        assertThat(error.get("className").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.get("message").asText()).isEqualTo("broken pipe");
        assertThat(error.get("stepArray").size()).isPositive();
    }
}
