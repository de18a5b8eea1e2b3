package dev.portico.clientgen.diff;

import dev.portico.cli.Manage;
import dev.portico.clientgen.internal.RemoteDocument;
import dev.portico.clientgen.internal.UserInfo;
import dev.portico.openapi.OpenApiDocument;
import dev.portico.openapi.SpecVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code schema diff OLD [NEW]}: the changes from the document OLD to NEW (files or URLs), each marked breaking
 * or compatible, and an exit code for CI: 0 when nothing breaks, 1 when something does, 2 on bad usage or a
 * document that cannot be read. Without NEW, OLD is compared with the app's live model (built in-process, as
 * {@code schema} builds it), so {@code schema diff openapi.yaml} says what the code changed since the
 * committed document. A URL's user information ({@code user:password@}) is printed as {@code ***@}. Added to an
 * app with {@code manage.schemaCommand(SchemaDiffCommand.create(manage))}.
 */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = {
            "List the changes between two OpenAPI documents, marking the breaking ones.",
            "Exit 0 when nothing breaks, 1 when something does, 2 on bad usage or an unreadable document."
        })
public final class SchemaDiffCommand implements Callable<Integer> {
    private final Manage manage;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "The old document: a file or an http(s) URL.")
    String oldDocument;

    @Parameters(
            index = "1",
            arity = "0..1",
            paramLabel = "NEW",
            description = "The new document: a file or an http(s) URL. Without it: the app's live model.")
    String newDocument;

    private SchemaDiffCommand(Manage manage) {
        this.manage = manage;
    }

    /** The {@code schema diff} command of {@code manage}'s application, whose model stands in for a missing NEW. */
    public static SchemaDiffCommand create(Manage manage) {
        return new SchemaDiffCommand(manage);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SchemaDiff diff;
        try {
            String oldText = read(oldDocument);
            String newText = newDocument == null ? live() : read(newDocument);
            diff = SchemaDiff.compare(oldText, newText);
        } catch (SchemaDiff.UnreadableDocumentException e) {
            err.println("schema diff: " + UserInfo.redacted(e.getMessage()));
            err.flush();
            return 2;
        }
        out.println("Changes from " + UserInfo.redacted(oldDocument) + " to "
                + (newDocument == null ? "the app's model" : UserInfo.redacted(newDocument)) + ":");
        out.print(diff.report());
        out.flush();
        return diff.breaking() ? 1 : 0;
    }

    /** The app's model in 3.0.3, the version openapi-diff reads, whatever {@code openapi.spec-version} serves. */
    private String live() {
        return manage.openapi(SpecVersion.V3_0).text(OpenApiDocument.Format.JSON);
    }

    /** The text of a file or an http(s) URL; a failure is an unreadable document, named with its cause. */
    static String read(String location) {
        try {
            if (RemoteDocument.isUrl(location)) {
                return RemoteDocument.fetch(location);
            }
            Path path = Path.of(location);
            if (!Files.isRegularFile(path)) {
                throw new SchemaDiff.UnreadableDocumentException("no such file: " + location);
            }
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (RemoteDocument.NotOk e) {
            throw new SchemaDiff.UnreadableDocumentException(e.getMessage());
        } catch (IOException e) {
            throw new SchemaDiff.UnreadableDocumentException("cannot read " + location + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaDiff.UnreadableDocumentException("interrupted while reading " + location);
        } catch (IllegalArgumentException e) {
            throw new SchemaDiff.UnreadableDocumentException(
                    "not a file or URL: " + location + " (" + e.getMessage() + ")");
        }
    }
}
