package dev.portico.clientgen;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.portico.Portico;
import dev.portico.cli.Manage;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@code client typescript --schema URL}: neither the progress and error lines nor any log line repeat the URL's user
 * information.
 */
class TypeScriptCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    record Note(long id, String title) {}

    private int client(String... args) {
        Manage manage =
                Manage.create(config -> Portico.builder().config(config)).name("./manage");
        manage.command(ClientCommand.create(manage));
        String[] line = new String[args.length + 2];
        line[0] = "client";
        line[1] = "typescript";
        System.arraycopy(args, 0, line, 2, args.length);
        return manage.run(line, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void aSchemaUrlsUserInformationIsNeverPrintedNorLogged(@TempDir Path dir) {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        Portico deployed = Portico.builder()
                .config(PorticoConfig.builder()
                        .set(Settings.SERVER_HOST, "127.0.0.1")
                        .set(Settings.SERVER_PORT, 0)
                        .build())
                .shutdownHook(false)
                .get("/api/notes/{id:long}/", Note.class, r -> new Note(1, "t"))
                .build()
                .start();
        try {
            String url = "http://ada:s3cret@127.0.0.1:" + deployed.port() + "/api/schema/";
            assertThat(client("--out", dir.resolve("ok").toString(), "--schema", url))
                    .as(err.toString())
                    .isZero();
            assertThat(err.toString())
                    .contains(") from http://***@127.0.0.1:" + deployed.port() + "/api/schema/ into ");
            assertThat(Files.isRegularFile(dir.resolve("ok/runtime.ts"))).isTrue();
            assertThat(client("--out", dir.resolve("no").toString(), "--schema", url + "nothing-here/"))
                    .isEqualTo(1);
            assertThat(err.toString())
                    .contains("client typescript: http://***@127.0.0.1:" + deployed.port()
                            + "/api/schema/nothing-here/ answered 404");
            assertThat(client(
                            "--out",
                            dir.resolve("no").toString(),
                            "--schema",
                            "http://ada:s3cret@127.0.0.1:1/openapi.yaml"))
                    .as(err.toString())
                    .isEqualTo(1);
            assertThat(err.toString()).contains("client typescript: cannot read http://***@127.0.0.1:1/openapi.yaml: ");
            assertThat(out + "" + err)
                    .doesNotContain("s3cret")
                    .doesNotContain("ada:")
                    .doesNotContain("\tat ");
            assertThat(log.list)
                    .isNotEmpty()
                    .allSatisfy(event -> assertThat(event.getFormattedMessage()
                                    + (event.getThrowableProxy() == null
                                            ? ""
                                            : event.getThrowableProxy().getMessage()))
                            .doesNotContain("s3cret"));
        } finally {
            root.detachAppender(log);
            deployed.stop();
        }
    }
}
