package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.auth.accounts.User;
import dev.portico.openapi.SpecVersion;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.openapitools.codegen.config.GlobalSettings;

/**
 * OpenAPI Generator's {@code java} client (library {@code native}: the JDK's HttpClient, Jackson), generated in this
 * JVM from the example's document in both versions, compiled by javac with {@code src/test/java-client} and run
 * against the example on a free port: JWT, create, list with a filter, a 400's field errors, an API-key list, a
 * multipart upload to an API method, and an API method with a list of records and a map as JSON text fields.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JavaNativeClientTest {
    private static final Path WORK = Path.of("target/java-native-client").toAbsolutePath();
    private static final Path RUNNER =
            Path.of("src/test/java-client/NativeClientRun.java").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private BlogServer server;
    private String[] arguments;

    @BeforeAll
    void start() throws IOException {
        OtherClientsTest.clean(WORK);
        server = BlogServer.start(BlogDatabases.h2());
        User ada = BlogUsers.create(server.config, "ada", false);
        arguments = new String[] {
            "http://127.0.0.1:" + server.port(), "ada", BlogUsers.PASSWORD, BlogUsers.key(server.config, ada.id())
        };
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void theGeneratedClientCompilesAndDrivesTheRunningApp(SpecVersion version) throws Exception {
        Path dir = WORK.resolve(version.number());
        Path document = OtherClientsTest.document(dir, version);
        generate(document, dir.resolve("client"));
        Path classes = compile(dir.resolve("client/src/main/java"), dir.resolve("classes"));
        String tag = "j" + OtherClientsTest.tag(version);
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Object report = loader.loadClass("NativeClientRun")
                    .getMethod("run", String.class, String.class, String.class, String.class, String.class)
                    .invoke(null, arguments[0], arguments[1], arguments[2], arguments[3], tag);
            JsonNode json = JSON.valueToTree(report);
            ((com.fasterxml.jackson.databind.node.ObjectNode) json.path("invalid"))
                    .set(
                            "errors",
                            JSON.readTree(json.path("invalid").path("body").asText())
                                    .path("errors"));
            OtherClientsTest.assertReport(json, "From Java " + tag);
        }
    }

    private static void generate(Path document, Path out) {
        GlobalSettings.setProperty("apiTests", "false");
        GlobalSettings.setProperty("modelTests", "false");
        GlobalSettings.setProperty("apiDocs", "false");
        GlobalSettings.setProperty("modelDocs", "false");
        try {
            CodegenConfigurator configurator = new CodegenConfigurator()
                    .setGeneratorName("java")
                    .setLibrary("native")
                    .setInputSpec(document.toString())
                    .setOutputDir(out.toString())
                    .setApiPackage("blog.client.api")
                    .setModelPackage("blog.client.model")
                    .setInvokerPackage("blog.client")
                    .addAdditionalProperty("openApiNullable", false)
                    .addAdditionalProperty("useJakartaEe", true)
                    .addAdditionalProperty("annotationLibrary", "none")
                    .addAdditionalProperty("hideGenerationTimestamp", true)
                    .addAdditionalProperty("useSingleRequestParameter", true)
                    // a form body that also names the form's credential field is a model of its own, used only by
                    // forms: OpenAPI Generator skips those by default, yet the API classes import them
                    .addGlobalProperty("skipFormModel", "false");
            new DefaultGenerator().opts(configurator.toClientOptInput()).generate();
        } finally {
            GlobalSettings.reset();
        }
    }

    /** javac over the generated sources and the runner, against this test's class path (Jackson, httpmime). */
    private static Path compile(Path sources, Path classes) throws IOException {
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of(
                "-d",
                classes.toString(),
                "-proc:none",
                "-nowarn",
                "-classpath",
                System.getProperty("java.class.path"),
                RUNNER.toString()));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(p -> p.toString().endsWith(".java"))
                    .map(Path::toString)
                    .forEach(args::add);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        boolean ok = javac.getTask(
                        errors,
                        null,
                        null,
                        args.subList(0, 6),
                        null,
                        javac.getStandardFileManager(null, null, null)
                                .getJavaFileObjectsFromStrings(args.subList(6, args.size())))
                .call();
        assertThat(ok).as(errors.toString()).isTrue();
        return classes;
    }
}
