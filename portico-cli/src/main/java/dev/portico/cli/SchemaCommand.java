package dev.portico.cli;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.openapi.OpenApiDocument;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code schema}: writes the OpenAPI document, the same bytes the schema endpoint serves, without starting
 * the server (DRF's {@code generateschema --file}); {@code --validate} checks it with swagger-parser.
 */
@Command(
        name = "schema",
        mixinStandardHelpOptions = true,
        description = "Write the OpenAPI document (YAML by default) to a file or standard output, without serving.")
final class SchemaCommand implements Callable<Integer> {
    private final Manage manage;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--file", paramLabel = "PATH", description = "Write the document here instead of standard output.")
    Path file;

    @Option(
            names = "--format",
            paramLabel = "yaml|json",
            defaultValue = "yaml",
            description = "yaml (the default) or json.")
    String format;

    @Option(names = "--validate", description = "Check the document with swagger-parser; exit 1 listing the problems.")
    boolean validate;

    SchemaCommand(Manage manage) {
        this.manage = manage;
    }

    @Override
    public Integer call() throws Exception {
        OpenApiDocument.Format chosen;
        try {
            chosen = OpenApiDocument.Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PorticoConfig config = manage.config();
        Portico portico = manage.app(config).config(config).build(); // builds, checks; never starts a server
        OpenApiDocument document = portico.openapi();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (validate) {
            List<String> problems = problems(document.text(OpenApiDocument.Format.JSON));
            if (!problems.isEmpty()) {
                problems.forEach(p -> err.println("invalid: " + p));
                err.flush();
                return 1;
            }
            err.println("The OpenAPI " + document.version().number() + " document is valid ("
                    + document.model().getPaths().size() + " paths).");
            err.flush();
        }
        if (file != null) {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, document.bytes(chosen));
            err.println("Wrote " + file);
            err.flush();
        } else if (!validate) {
            out.print(new String(document.bytes(chosen), StandardCharsets.UTF_8));
            out.flush();
        }
        return 0;
    }

    /** What swagger-parser finds wrong with the document; empty when it is valid. */
    static List<String> problems(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
        List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
        return result.getOpenAPI() == null && messages.isEmpty() ? List.of("not an OpenAPI document") : messages;
    }
}
