package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.fail;

import dev.portico.testing.NodeTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The example's own node project, {@code src/test/node} (Spectral with OWASP's ruleset, @hey-api/openapi-ts,
 * openapi-typescript, openapi-fetch, TypeScript), which Maven installs with {@code npm ci} before the tests. Without
 * it the tests that need it are skipped with the reason; under {@code CI=true} they fail.
 */
final class ClientTools {
    /** Surefire runs in the module directory. */
    static final Path PROJECT = Path.of("src/test/node").toAbsolutePath();

    private ClientTools() {}

    /** The project's folder, once its packages are installed. */
    static Path project() {
        if (!Files.isDirectory(PROJECT.resolve("node_modules/@stoplight/spectral-cli"))) {
            String reason = "the node packages of " + PROJECT + " are not installed (Maven's test phase runs "
                    + "install.sh; it needs node and npm)";
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true, so this test must run, but " + reason);
            }
            Assumptions.abort("skipped: " + reason);
        }
        return PROJECT;
    }

    /** Runs {@code command} in the project's folder. */
    static NodeTools.Result run(String... command) throws IOException, InterruptedException {
        return NodeTools.run(project(), List.of(command));
    }

    /** A tool of the project's {@code node_modules/.bin}, by name. */
    static String bin(String name) {
        return project().resolve("node_modules/.bin").resolve(name).toString();
    }
}
