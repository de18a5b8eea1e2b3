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
import dev.portico.cli.logging.LogFormat;
import dev.portico.cli.logging.Logging;
import dev.portico.cli.logging.LoggingSettings;
import dev.portico.config.PorticoConfig;
import dev.portico.metrics.MetricsSettings;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The example's operations options over a real socket: Prometheus metrics, and JSON log lines that keep no secret. */
class OperationsTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private BlogDatabases database;
    private Portico app;

    @BeforeEach
    void start() throws Exception {
        database = BlogDatabases.h2();
        app = BlogApp.app(database.serverConfig(b -> b.set(MetricsSettings.ENABLED, true))).shutdownHook(false)
                .build().start();
    }

    @AfterEach
    void stop() {
        app.stop();
        database.close();
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theMetricsPageCountsTheEndpointsByTemplateWithThePool() throws Exception {
        BlogUsers.create(database.serverConfig(), "ada", false);
        String token = BlogUsers.token(app.port(), "ada");
        send("GET", "/api/posts/", null, "Authorization", "Bearer " + token);
        send("GET", "/api/posts/", null, "Authorization", "Bearer " + token);
        send("GET", "/api/posts/12345/", null, "Authorization", "Bearer " + token);
        send("GET", "/api/posts/", null);
        String text = send("GET", "/metrics", null).body();
        assertThat(text).contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/posts/\",status=\"2xx\"} 2");
        assertThat(text).contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/posts/\",status=\"4xx\"} 1");
        assertThat(text).containsPattern("route=\"/api/posts/\\{[a-z_:]+\\}/\",status=\"4xx\"} 1");
        assertThat(text).doesNotContain("/api/posts/12345/");
        assertThat(text).contains("hikaricp_connections_active{pool=\"portico-db\"}", "jvm_memory_used_bytes");
    }

    @Test
    void jsonLinesCarryTheRequestIdAndNoSecret() throws Exception {
        String password = BlogUsers.PASSWORD;
        long userId = BlogUsers.create(database.serverConfig(), "grace", false).id();
        String key = BlogUsers.key(database.serverConfig(), userId);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        try (Capture capture = Capture.start(out, events)) {
            String tokens = BlogUsers.tokens(app.port(), "grace", password);
            String access = tokens.replaceAll(".*\"access\":\"([^\"]+)\".*", "$1");
            String refresh = tokens.replaceAll(".*\"refresh\":\"([^\"]+)\".*", "$1");
            send("POST", "/auth/obtain_token/", "{\"username\":\"grace\",\"password\":\"wrong " + password + "\"}",
                    "Content-Type", "application/json", "X-Request-Id", "req-secret-test");
            send("GET", "/api/posts/", null, "Authorization", "Bearer " + access);
            send("GET", "/api/employees/", null, "Authorization", "Api-Key " + key);
            send("POST", "/api/home/describe_site?authorisation=" + key, null); // logs a warning, never the key
            send("POST", "/api/home/describe_site", "authorisation=" + key, "Content-Type", "application/x-www-form-urlencoded");
            send("GET", "/api/employees/", null, "Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(("grace:" + key).getBytes(StandardCharsets.UTF_8)));
            send("POST", "/auth/refresh_token/", "{\"refresh\":\"" + refresh + "\"}", "Content-Type", "application/json");
            send("POST", "/auth/login/", "{\"username\":\"grace\",\"password\":\"" + password + "\"}",
                    "Content-Type", "application/json");
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
            JsonNode refused = lines.stream().filter(l -> l.path("loggerName").asText().equals("portico.access")
                    && l.path("mdc").path("request_id").asText().equals("req-secret-test")).findFirst().orElseThrow();
            assertThat(refused.get("formattedMessage").asText()).startsWith("POST /auth/obtain_token/ 401 ");
            assertThat(refused.get("kvpList").toString()).contains("\"status\":\"401\"", "\"path\":\"/auth/obtain_token/\"");
            assertThat(lines).anySatisfy(l -> assertThat(l.path("formattedMessage").asText()).startsWith("GET /api/employees/ 200"));
            assertThat(logged).doesNotContain("authorisation=k-");
            assertThat(lines).anySatisfy(l -> assertThat(l.path("formattedMessage").asText()).contains("query string"));
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
            Logging.apply(PorticoConfig.builder().register(LoggingSettings.FORMAT)
                    .set(LoggingSettings.FORMAT, LogFormat.JSON).build());
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
                    remember(((ch.qos.logback.core.spi.AppenderAttachable<ILoggingEvent>) holder).iteratorForAppenders());
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
