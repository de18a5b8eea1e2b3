package dev.portico.clientgen;

import dev.portico.openapi.OpenApiDocument;
import dev.portico.openapi.SpecVersion;
import java.io.File;
import java.io.PrintWriter;
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
 * arrays), whatever {@code openapi.spec-version} serves.
 */
@Command(name = "typescript", mixinStandardHelpOptions = true,
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

    @Option(names = "--schema", paramLabel = "FILE|URL",
            description = "Generate from this OpenAPI document instead of the app's own model.")
    String schema;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Path temporary = null;
        try {
            String input = schema;
            if (input == null) {
                err.println("Building the app's OpenAPI document (3.0.3 for the generator)");
                err.flush();
                OpenApiDocument document = client.manage().openapi(SpecVersion.V3_0);
                temporary = Files.createTempFile("portico-openapi-", ".json");
                Files.write(temporary, document.bytes(OpenApiDocument.Format.JSON));
                input = temporary.toString();
            } else if (!isUrl(input) && !Files.isRegularFile(Path.of(input))) {
                err.println("client typescript: no such file: " + input);
                err.flush();
                return 1;
            }
            err.println("Generating the " + GENERATOR + " client (OpenAPI Generator " + ImplementationVersion.read()
                    + ") from " + (schema == null ? "the app's model" : schema) + " into " + out);
            err.flush();
            List<File> files = generate(input, out);
            err.println("Wrote " + files.size() + " files to " + out);
            err.flush();
            return 0;
        } finally {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /** Runs the generator on the document at {@code input} (a path or URL); fails with the parser's messages. */
    static List<File> generate(String input, Path out) {
        CodegenConfigurator configurator = new CodegenConfigurator()
                .setGeneratorName(TypeScriptFetchGenerator.class.getName())
                .setInputSpec(input)
                .setOutputDir(out.toAbsolutePath().toString())
                .addAdditionalProperty("supportsES6", true); // ES2015+ output: classes, Promise, no polyfills
        ClientOptInput options = configurator.toClientOptInput(); // throws when the document cannot be read
        return new DefaultGenerator().opts(options).generate();
    }

    private static boolean isUrl(String input) {
        return input.startsWith("http://") || input.startsWith("https://");
    }
}
