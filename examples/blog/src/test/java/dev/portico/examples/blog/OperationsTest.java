package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.Portico;
import dev.portico.auth.accounts.User;
import dev.portico.cli.logging.LogFormat;
import dev.portico.cli.logging.Logging;
import dev.portico.cli.logging.LoggingSettings;
import dev.portico.config.PorticoConfig;
import dev.portico.metrics.MetricsSettings;
import dev.portico.test.PorticoClient;
import dev.portico.test.auth.TestAccounts;
import dev.portico.test.junit.App;
import dev.portico.test.junit.PorticoTest;
import dev.portico.test.junit.TestSetup;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The example's operations options, in-process through the whole pipeline: Prometheus metrics, and JSON log lines that
 * keep no secret. Tests share the class's app, so the metrics test compares counts before and after its requests.
 */
@PorticoTest
class OperationsTest {
    private static TestAccounts accounts;

    @App
    static Portico app(TestSetup setup) {
        BlogTesting.Built built = BlogTesting.app(setup, b -> b.set(MetricsSettings.ENABLED, true));
        accounts = built.accounts();
        return built.app();
    }

    /** The value of one Prometheus series on the page, 0 when it is not there yet. */
    private static double count(PorticoClient client, String series) {
        Matcher value = Pattern.compile(Pattern.quote(series) + " ([0-9.eE+]+)")
                .matcher(client.get("/metrics").send().text());
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }

    @Test
    void theMetricsPageCountsTheEndpointsByTemplateWithThePool(PorticoClient client) {
        accounts.createUser("ada");
        PorticoClient ada = client.fork().as("ada");
        String ok = "http_server_requests_seconds_count{method=\"GET\",route=\"/api/posts/\",status=\"2xx\"}";
        String refused = "http_server_requests_seconds_count{method=\"GET\",route=\"/api/posts/\",status=\"4xx\"}";
        double okBefore = count(client, ok);
        double refusedBefore = count(client, refused);
        ada.get("/api/posts/").send();
        ada.get("/api/posts/").send();
        ada.get("/api/posts/12345/").send();
        client.get("/api/posts/").send();
        String text = client.get("/metrics").send().text();
        assertThat(count(client, ok) - okBefore).isEqualTo(2);
        assertThat(count(client, refused) - refusedBefore).isEqualTo(1);
        assertThat(text).containsPattern("route=\"/api/posts/\\{[a-z_:]+\\}/\",status=\"4xx\"} [1-9]");
        assertThat(text).doesNotContain("/api/posts/12345/");
        assertThat(text).contains("hikaricp_connections_active{pool=\"portico-db\"}", "jvm_memory_used_bytes");
    }

    @Test
    void jsonLinesCarryTheRequestIdAndNoSecret(PorticoClient client) throws Exception {
        String password = TestAccounts.PASSWORD;
        User grace = accounts.createUser("grace");
        String key = accounts.apiKey(grace);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        try (Capture capture = Capture.start(out, events)) {
            JsonNode tokens = client.post("/auth/obtain_token/")
                    .json(Map.of("username", "grace", "password", password))
                    .send()
                    .json();
            String access = tokens.path("access").asText();
            String refresh = tokens.path("refresh").asText();
            client.post("/auth/obtain_token/")
                    .header("X-Request-Id", "req-secret-test")
                    .json(Map.of("username", "grace", "password", "wrong " + password))
                    .send();
            client.get("/api/posts/").withJwt(access).send();
            client.get("/api/employees/").withApiKey(key).send();
            client.post("/api/home/describe_site?authorisation=" + key).send(); // logs a warning, never the key
            client.post("/api/home/describe_site")
                    .body(
                            "application/x-www-form-urlencoded",
                            ("authorisation=" + key).getBytes(StandardCharsets.UTF_8))
                    .send();
            client.get("/api/employees/")
                    .header(
                            "Authorization",
                            "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString(("grace:" + key).getBytes(StandardCharsets.UTF_8)))
                    .send();
            client.post("/auth/refresh_token/").json(Map.of("refresh", refresh)).send();
            client.post("/auth/login/")
                    .json(Map.of("username", "grace", "password", password))
                    .send();
            String logged = out.toString(StandardCharsets.UTF_8);
            assertThat(events.list).hasSizeGreaterThanOrEqualTo(9);
            for (String secret : List.of(password, key, key.split(":")[1], access, refresh)) {
                assertThat(logged).as("the log holds a secret").doesNotContain(secret);
                for (ILoggingEvent event : events.list) {
                    assertThat(event.getFormattedMessage()).doesNotContain(secret);
                    assertThat(String.valueOf(event.getKeyValuePairs())).doesNotContain(secret);
                    assertThat(event.getMDCPropertyMap().toString()).doesNotContain(secret);
                }
            }
            List<JsonNode> lines = new ArrayList<>();
            for (String line : logged.split("\n")) {
                lines.add(new ObjectMapper().readTree(line)); // every line is one JSON object
            }
            JsonNode refused = lines.stream()
                    .filter(l -> l.path("loggerName").asText().equals("portico.access")
                            && l.path("mdc").path("request_id").asText().equals("req-secret-test"))
                    .findFirst()
                    .orElseThrow();
            assertThat(refused.get("formattedMessage").asText()).startsWith("POST /auth/obtain_token/ 401 ");
            assertThat(refused.get("kvpList").toString())
                    .contains("\"status\":\"401\"", "\"path\":\"/auth/obtain_token/\"");
            assertThat(lines)
                    .anySatisfy(
                            l -> assertThat(l.path("formattedMessage").asText()).startsWith("GET /api/employees/ 200"));
            assertThat(logged).doesNotContain("authorisation=k-");
            assertThat(lines)
                    .anySatisfy(
                            l -> assertThat(l.path("formattedMessage").asText()).contains("query string"));
        }
    }

    /**
     * Attaches a plain pattern appender and a list appender to the root logger, then switches to JSON as
     * {@code logging.format=json} does; closing puts every appender's encoder back, so the suite's other lines stay text.
     */
    private static final class Capture implements AutoCloseable {
        private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        private final ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        private final Map<OutputStreamAppender<ILoggingEvent>, Encoder<ILoggingEvent>> encoders = new HashMap<>();
        private final OutputStreamAppender<ILoggingEvent> stream = new OutputStreamAppender<>();
        private final ListAppender<ILoggingEvent> events;

        private Capture(ByteArrayOutputStream out, ListAppender<ILoggingEvent> events) {
            this.events = events;
            remember(root.iteratorForAppenders());
            PatternLayoutEncoder pattern = new PatternLayoutEncoder();
            pattern.setContext(context);
            pattern.setPattern("%msg%n");
            pattern.start();
            stream.setContext(context);
            stream.setEncoder(pattern);
            stream.setOutputStream(out);
            stream.start();
            events.setContext(context);
            events.start();
            root.addAppender(stream);
            root.addAppender(events);
            Logging.apply(PorticoConfig.builder()
                    .register(LoggingSettings.FORMAT)
                    .set(LoggingSettings.FORMAT, LogFormat.JSON)
                    .build());
        }

        static Capture start(ByteArrayOutputStream out, ListAppender<ILoggingEvent> events) {
            return new Capture(out, events);
        }

        @SuppressWarnings("unchecked")
        private void remember(java.util.Iterator<Appender<ILoggingEvent>> appenders) {
            appenders.forEachRemaining(a -> {
                if (a instanceof OutputStreamAppender<ILoggingEvent> o) {
                    encoders.put(o, o.getEncoder());
                }
                if (a instanceof ch.qos.logback.core.spi.AppenderAttachable<?> holder) {
                    remember(((ch.qos.logback.core.spi.AppenderAttachable<ILoggingEvent>) holder)
                            .iteratorForAppenders());
                }
            });
        }

        @Override
        public void close() {
            root.detachAppender(stream);
            root.detachAppender(events);
            encoders.forEach(OutputStreamAppender::setEncoder);
        }
    }
}
