package dev.portico.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.portico.Portico;
import dev.portico.auth.MutableClock;
import dev.portico.auth.accounts.NewUser;
import dev.portico.data.DatabaseTest;
import dev.portico.data.TestDatabase;
import dev.portico.testing.TestRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Every log line of a whole session of logins, refreshes, reuse and bad tokens, at DEBUG: no token, no secret. */
class JwtLogTest {
    @TempDir
    Path dir;

    @DatabaseTest
    void noTokenOrSecretReachesTheLogs(TestDatabase test) throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
        List<String> secrets = new ArrayList<>(List.of(JwtTestSupport.SECRET, "correct horse"));
        try {
            var s = JwtTestSupport.setup(test, MutableClock.at("2030-01-01T00:00:00Z"), b -> {});
            try (var db = s.accounts().database()) {
                var ada = s.accounts().users().create(NewUser.of("ada", "", "correct horse"));
                Portico app = JwtEndpointsTest.app(s);
                var pair = pair(JwtEndpointsTest.post(
                        app, "/auth/obtain_token/", "{\"username\":\"ada\",\"password\":\"correct horse\"}"));
                secrets.addAll(pair);
                var next = dev.portico.testing.Bodies.json(
                        JwtEndpointsTest.post(app, "/auth/refresh_token/", "{\"refresh\":\"" + pair.get(0) + "\"}"));
                secrets.add(next.get("access").asText());
                secrets.add(next.get("refresh").asText());
                JwtEndpointsTest.post(app, "/auth/refresh_token/", "{\"refresh\":\"" + pair.get(0) + "\"}"); // reuse
                JwtEndpointsTest.post(app, "/auth/verify_token/", "{\"token\":\"" + pair.get(1) + "tampered\"}");
                JwtEndpointsTest.me(app, "Bearer " + pair.get(1));
                JwtEndpointsTest.me(app, "Bearer " + pair.get(0));
                JwtEndpointsTest.me(app, "Bearer " + pair.get(1) + "x");
                JwtEndpointsTest.post(
                        app, "/auth/obtain_token/", "{\"username\":\"ada\",\"password\":\"wrong horse\"}");
                secrets.add("wrong horse");
                s.accounts().users().endAllSessions(ada.id());
                JwtEndpointsTest.me(app, "Bearer " + pair.get(1));
                app.handle(TestRequest.get("/api/schema/"));
            }
            Path devSecret = dir.resolve("jwt-secret");
            JwtKeys.localDevelopment(JwtKeysTest.config(b -> {}), devSecret);
            secrets.add(Files.readString(devSecret).trim());
        } finally {
            root.setLevel(before);
            root.detachAppender(appender);
        }
        List<String> lines = appender.list.stream()
                .map(e -> e.getFormattedMessage()
                        + (e.getThrowableProxy() == null
                                ? ""
                                : " " + e.getThrowableProxy().getMessage()))
                .toList();
        assertThat(lines)
                .as("the session logged something, so the check means something")
                .anyMatch(l -> l.contains("token refused"))
                .anyMatch(l -> l.contains("its token family is revoked"))
                .anyMatch(l -> l.contains("development secret"));
        for (String line : lines) {
            for (String secret : secrets) {
                assertThat(line).doesNotContain(secret);
                for (String part : secret.split("\\.")) {
                    if (part.length() > 16) {
                        assertThat(line).as("no part of a token").doesNotContain(part);
                    }
                }
            }
        }
    }

    /** The refresh and access tokens of an obtain answer. */
    private static List<String> pair(dev.portico.http.Response r) {
        var json = dev.portico.testing.Bodies.json(r);
        return List.of(json.get("refresh").asText(), json.get("access").asText());
    }
}
