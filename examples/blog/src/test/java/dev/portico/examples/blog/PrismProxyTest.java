package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.openapi.OpenApiDocument;
import dev.portico.openapi.SpecVersion;
import dev.portico.testing.NodeTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Stoplight Prism in proxy mode, a validator that did not write the document, over the example's whole surface in
 * both versions: {@code .ci/prism-exchanges.sh} sends every operation through {@code prism proxy} in front of the
 * example on loopback, and fails when Prism finds anything the script does not expect: a violation in an answer, a
 * request inside the document that Prism refuses, or a request labelled as sent outside it on purpose that Prism
 * takes. Prism is portico-core's test tool ({@code portico-core/src/test/browser}); skipped without node or curl,
 * failed under CI=true.
 */
class PrismProxyTest {
    private static final Path EXCHANGES =
            Path.of("../../.ci/prism-exchanges.sh").toAbsolutePath().normalize();

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void prismFindsNothingUnexpectedInTheExamplesTraffic(SpecVersion version) throws Exception {
        Path prism = NodeTools.project().resolve("node_modules/.bin/prism");
        require(Files.isExecutable(prism), "Prism is not installed at " + prism);
        require(Files.isExecutable(Path.of("/usr/bin/curl")), "the exchanges are sent with curl, not found");
        Path document = written(version);
        try (BlogServer server = BlogServer.start(BlogDatabases.h2())) {
            long ada = BlogUsers.create(server.config, "ada", false).id();
            BlogUsers.create(server.config, "joebloggs", false);
            String key = BlogUsers.roleKey(server.config, ada, "reader", Set.of("site:read"));
            ProcessBuilder exchanges = new ProcessBuilder(List.of(
                            "bash",
                            EXCHANGES.toString(),
                            document.toString(),
                            "http://127.0.0.1:" + server.port(),
                            key,
                            BlogUsers.PASSWORD,
                            version.number()))
                    .redirectErrorStream(true);
            exchanges.environment().put("PRISM", prism.toString());
            Process process = exchanges.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            System.out.println("[prism] " + version.number() + "\n" + output);
            assertThat(output)
                    .as("the script's summary")
                    .contains("prism proxy, OpenAPI " + version.number())
                    .contains(", 0 unexpected findings on requests, 0 response violations");
            assertThat(exit).as("prism-exchanges.sh failed:%n%s", output).isZero();
        }
    }

    private static Path written(SpecVersion version) throws Exception {
        PorticoConfig config = BlogDatabases.config()
                .set(Settings.OPENAPI_SPEC_VERSION, version.number())
                .build();
        String text = BlogApp.app(config).shutdownHook(false).build().openapi().text(OpenApiDocument.Format.YAML);
        Path file = Path.of("target", "prism-" + version.number() + ".yaml").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static void require(boolean available, String reason) {
        if (!available) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true, so this test must run, but " + reason);
            }
            Assumptions.abort("skipped: " + reason);
        }
    }
}
