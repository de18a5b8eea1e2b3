package dev.portico.clientgen;

import dev.portico.clientgen.internal.RemoteDocument;
import dev.portico.clientgen.internal.UserInfo;
import dev.portico.openapi.OpenApiDocument;
import dev.portico.openapi.SpecVersion;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.openapitools.codegen.ClientOptInput;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.openapitools.codegen.utils.ImplementationVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code client typescript --out DIR}: OpenAPI Generator's {@code typescript-fetch} client, run in this JVM (no
 * Java install, Docker or npm tool of its own). The document is the running app's model, built in-process as
 * {@code schema} builds it, or {@code --schema FILE|URL}. The app's document is rendered as OpenAPI 3.0.3 for the
 * generator, whose 3.0 support is complete while its 3.1 support is not (3.1's {@code type: [T, "null"]}
 * arrays), whatever {@code openapi.spec-version} serves. A URL's user information ({@code user:password@}) is printed
 * as {@code ***@}.
 */
@Command(
        name = "typescript",
        mixinStandardHelpOptions = true,
        description = "Generate the typescript-fetch client (OpenAPI Generator, in-process) into a folder.")
final class TypeScriptCommand implements Callable<Integer> {
    /** The generator of seed 000's client: {@code new Configuration({basePath, headers})}, one class per tag. */
    static final String GENERATOR = "typescript-fetch";

    @ParentCommand
    ClientCommand client;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write the client to.")
    Path out;

    @Option(
            names = "--schema",
            paramLabel = "FILE|URL",
            description = "Generate from this OpenAPI document instead of the app's own model.")
    String schema;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        String from = schema == null ? "the app's model" : UserInfo.redacted(schema);
        Path temporary = null;
        try {
            String input = schema;
            if (input == null) {
                progress(err, "Building the app's OpenAPI document (3.0.3 for the generator)");
                temporary = temporary(client.manage().openapi(SpecVersion.V3_0).text(OpenApiDocument.Format.JSON));
                input = temporary.toString();
            } else if (RemoteDocument.isUrl(input)) {
                // read here, not by the generator's parser, whose log lines would repeat the URL's user information
                try {
                    temporary = temporary(RemoteDocument.fetch(input));
                } catch (RemoteDocument.NotOk e) {
                    return fail(err, e.getMessage());
                } catch (IOException | IllegalArgumentException e) {
                    return fail(err, "cannot read " + from + ": " + UserInfo.redacted(e.toString()));
                }
                input = temporary.toString();
            } else if (!Files.isRegularFile(Path.of(input))) {
                return fail(err, "no such file: " + input);
            }
            progress(
                    err,
                    "Generating the " + GENERATOR + " client (OpenAPI Generator " + ImplementationVersion.read()
                            + ") from " + from + " into " + out);
            List<File> files;
            try {
                files = generate(input, out);
            } catch (RuntimeException e) {
                return fail(err, "cannot generate from " + from + ": " + UserInfo.redacted(e.getMessage()));
            }
            progress(err, "Wrote " + files.size() + " files to " + out);
            return 0;
        } finally {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /** A file holding the document (JSON or YAML, named so), for the generator; the caller deletes it. */
    private static Path temporary(String document) throws IOException {
        String suffix = document.stripLeading().startsWith("{") ? ".json" : ".yaml";
        Path file = Files.createTempFile("portico-openapi-", suffix);
        Files.writeString(file, document, StandardCharsets.UTF_8);
        return file;
    }

    private static void progress(PrintWriter err, String line) {
        err.println(line);
        err.flush();
    }

    private static int fail(PrintWriter err, String why) {
        progress(err, "client typescript: " + why);
        return 1;
    }

    /** Runs the generator on the document at {@code input} (a path); fails with the parser's messages. */
    static List<File> generate(String input, Path out) {
        CodegenConfigurator configurator = new CodegenConfigurator()
                .setGeneratorName(TypeScriptFetchGenerator.class.getName())
                .setInputSpec(input)
                .setOutputDir(out.toAbsolutePath().toString())
                .addAdditionalProperty("supportsES6", true) // ES2015+ output: classes, Promise, no polyfills
                // a form body that is not the JSON one (it also names the form's credential field) is a model of its
                // own; OpenAPI Generator skips such form-only models by default, yet the API classes import them
                .addGlobalProperty("skipFormModel", "false");
        ClientOptInput options = configurator.toClientOptInput(); // throws when the document cannot be read
        return new DefaultGenerator().opts(options).generate();
    }
}
