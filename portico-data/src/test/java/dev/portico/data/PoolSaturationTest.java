package dev.portico.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.error.DependencyFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 17's pool exhaustion on the real PostgreSQL: a pool whose every connection is busy makes a request wait up
 * to {@code database.pool-timeout} (beyond {@code database.connection-timeout}), then answers 503 {@code server_busy}
 * with {@code Retry-After} and a log line with the pool's numbers; a database that went away (its port closed) is
 * still answered 503 {@code service_unavailable} within about {@code database.connection-timeout}.
 */
class PoolSaturationTest {
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(DependencyFailure.class);
    private TestDatabase database;

    @BeforeEach
    void postgresql() throws Exception {
        String unreachable = TestDatabase.postgresqlUnreachable();
        if (!"true".equals(System.getenv("CI"))) {
            assumeThat(unreachable)
                    .as("PostgreSQL for the pool tests: " + unreachable)
                    .isNull();
        }
        database = TestDatabase.postgresql();
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void drop() {
        logger.detachAppender(log);
        if (database != null) {
            database.close();
        }
    }

    private PorticoConfig config(String url) {
        return database.config(b -> b.set(DatabaseSettings.URL, url)
                .set(DatabaseSettings.POOL_SIZE, 2)
                .set(DatabaseSettings.CONNECTION_TIMEOUT, Duration.ofMillis(250))
                .set(DatabaseSettings.POOL_TIMEOUT, Duration.ofMillis(1500))
                .set(Settings.SERVER_HOST, "127.0.0.1")
                .set(Settings.SERVER_PORT, 0));
    }

    private static Portico app(PorticoConfig config, Database db) {
        return Portico.builder()
                .config(config)
                .shutdownHook(false)
                .onStart(db::open)
                .onStop(db)
                .get(
                        "/one",
                        Integer.class,
                        r -> db.jdbi()
                                .withHandle(h -> h.createQuery("select 1")
                                        .mapTo(Integer.class)
                                        .one()))
                .build()
                .start();
    }

    @Test
    void aSaturatedPoolWaitsPastTheConnectionTimeoutThenAnswersServerBusy() throws Exception {
        PorticoConfig config = config(database.url());
        Database db = Database.lazy(config);
        Portico app = app(config, db);
        try (Connection one = db.dataSource().getConnection();
                Connection two = db.dataSource().getConnection()) {
            long begin = System.nanoTime();
            HttpResponse<String> busy = get(app, "/one");
            long millis = (System.nanoTime() - begin) / 1_000_000;
            assertThat(busy.statusCode()).as(busy.body()).isEqualTo(503);
            assertThat(busy.body()).contains("\"code\":\"server_busy\"");
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(millis)
                    .as("waited database.pool-timeout, not connection-timeout")
                    .isBetween(1_400L, 3_000L);
            assertThat(log.list)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(line -> assertThat(line)
                            .contains("pool is saturated")
                            .contains("active=2")
                            .contains("idle=0")
                            .contains("max=2")
                            .contains("waiting=")
                            .doesNotContain("unavailable"));
        } finally {
            app.stop();
        }
    }

    @Test
    void aConnectionFreedWhileARequestWaitsServesIt() throws Exception {
        PorticoConfig config = config(database.url());
        Database db = Database.lazy(config);
        Portico app = app(config, db);
        try (Connection one = db.dataSource().getConnection()) {
            Connection two = db.dataSource().getConnection();
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(700); // past connection-timeout (250 ms), within pool-timeout
                    two.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            HttpResponse<String> served = get(app, "/one");
            assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
        } finally {
            app.stop();
        }
    }

    @Test
    void aDatabaseGoneIsStillAFastOutageNotABusyPool() throws Exception {
        withTheDatabaseGone(app -> {
            for (int i = 0; i < 3; i++) {
                long begin = System.nanoTime();
                HttpResponse<String> down = get(app, "/one");
                long millis = (System.nanoTime() - begin) / 1_000_000;
                assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
                assertThat(down.body()).contains("\"code\":\"service_unavailable\"");
                assertThat(millis)
                        .as("about database.connection-timeout, not pool-timeout")
                        .isLessThan(1_200L);
            }
            assertThat(log.list)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(line -> assertThat(line).contains("database is unavailable"))
                    .noneSatisfy(line -> assertThat(line).contains("saturated"));
        });
    }

    @Test
    void anOutageReachesTheWaitersInTurnNotAConnectionTimeoutEach() throws Exception {
        withTheDatabaseGone(app -> {
            // twelve requests on a pool of two: the two with a turn find the database gone after the connection
            // timeout (250 ms); the ten in line must be answered then, not after a connection timeout each
            List<Thread> callers = new ArrayList<>();
            List<String> answers = new CopyOnWriteArrayList<>();
            long begin = System.nanoTime();
            for (int i = 0; i < 12; i++) {
                callers.add(Thread.ofVirtual().start(() -> {
                    try {
                        HttpResponse<String> down = get(app, "/one");
                        answers.add(down.statusCode() + " " + down.body());
                    } catch (Exception e) {
                        answers.add(e.toString());
                    }
                }));
            }
            for (Thread caller : callers) {
                caller.join();
            }
            long millis = (System.nanoTime() - begin) / 1_000_000;
            assertThat(answers)
                    .hasSize(12)
                    .allSatisfy(answer -> assertThat(answer).startsWith("503").contains("service_unavailable"));
            assertThat(millis)
                    .as("all answered at about one connection timeout")
                    .isLessThan(1_000L);
        });
    }

    /** What a test does with an app whose database answered once, then went away. */
    private interface Outage {
        void check(Portico app) throws Exception;
    }

    /**
     * Runs {@code check} against an app on PostgreSQL through a port that answered once and was then closed: the port
     * refuses, and the pool's connections are cut.
     */
    private void withTheDatabaseGone(Outage check) throws Exception {
        try (Forwarder port = new Forwarder(5432)) {
            PorticoConfig config = config(database.url().replace("127.0.0.1:5432", "127.0.0.1:" + port.port()));
            Database db = Database.lazy(config);
            Portico app = app(config, db);
            try {
                assertThat(get(app, "/one").statusCode()).isEqualTo(200);
                port.close();
                check.check(app);
            } finally {
                app.stop();
            }
        }
    }

    private HttpResponse<String> get(Portico app, String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A loopback port forwarding to PostgreSQL that can be closed, cutting every connection through it. */
    private static final class Forwarder implements AutoCloseable {
        private final ServerSocket server = new ServerSocket();
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();

        Forwarder(int target) throws IOException {
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket in = server.accept();
                        Socket out = new Socket("127.0.0.1", target);
                        sockets.add(in);
                        sockets.add(out);
                        pipe(in, out);
                        pipe(out, in);
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        private static void pipe(Socket from, Socket to) {
            Thread.ofVirtual().start(() -> {
                try (InputStream in = from.getInputStream();
                        OutputStream out = to.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException e) {
                    // cut
                }
            });
        }

        @Override
        public void close() throws IOException {
            server.close();
            List<Socket> all = new ArrayList<>(sockets);
            for (Socket socket : all) {
                socket.close();
            }
        }
    }
}
