package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example app run as its own process, as ./manage runs it: serves, then stops cleanly on SIGTERM. */
class SigtermTest {
    private static final Pattern SERVING = Pattern.compile("serving at http://localhost:(\\d+)/");

    @Test
    void servesThenStopsGracefullyOnSigterm(@TempDir Path dir) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", classpath, BlogApp.class.getName(), "serve")
                .redirectErrorStream(true)
                .directory(dir.toFile()); // the embedded database goes to ./data of the working directory
        builder.environment().put("PORTICO_SERVER_PORT", "0");
        builder.environment().put("PORTICO_SERVER_HOST", "127.0.0.1");
        Process process = builder.start();
        StringBuffer output = new StringBuffer();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    output.append(line).append('\n');
                    Matcher m = SERVING.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
        });
        try {
            int bound = port.get(30, TimeUnit.SECONDS);
            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bound + "/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);

            process.destroy(); // SIGTERM
            assertThat(process.waitFor(20, TimeUnit.SECONDS))
                    .as("stopped within 20 s; output:\n%s", output)
                    .isTrue();
            // 143 = 128 + SIGTERM: the JVM ran its shutdown hooks (Portico's graceful stop) and exited.
            assertThat(process.exitValue()).as("exit code; output:\n%s", output).isIn(0, 143);
            assertThat(output.toString()).doesNotContain("Exception");
            assertThat(dir.resolve("data/portico.mv.db"))
                    .as("the database file, under the working directory")
                    .exists();
        } finally {
            process.destroyForcibly();
        }
    }
}
