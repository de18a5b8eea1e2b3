package dev.portico.client;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A credentials file that cannot be read or used: malformed (the file and line are named; the line's text is not,
 * since it may hold a secret), or a profile that none of the files has.
 */
public final class CredentialsException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final int line;

    CredentialsException(Path file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    CredentialsException(String message, Throwable cause) {
        super(message, cause);
        this.file = null;
        this.line = 0;
    }

    /** The file at fault, when one is. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The line at fault (from 1), or 0 when the fault is not one line's. */
    public int line() {
        return line;
    }
}
