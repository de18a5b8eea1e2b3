package dev.portico.auth.mail;

import java.io.PrintStream;

/**
 * Prints each message to a stream, as Django's {@code console.EmailBackend} does: the headers, the text body, the HTML
 * alternative, then a line of dashes. The default backend, so the example app shows its password-reset and
 * verification links in the terminal without a mail server.
 */
public final class ConsoleMailBackend implements MailBackend {
    private final PrintStream out;

    private ConsoleMailBackend(PrintStream out) {
        this.out = out;
    }

    /** Prints to standard output. */
    public static ConsoleMailBackend create() {
        return create(System.out);
    }

    /** Prints to {@code out}. */
    public static ConsoleMailBackend create(PrintStream out) {
        return new ConsoleMailBackend(out);
    }

    @Override
    public void send(Email email) {
        StringBuilder s = new StringBuilder()
                .append("Subject: ")
                .append(email.subject())
                .append('\n')
                .append("From: ")
                .append(email.from())
                .append('\n')
                .append("To: ")
                .append(email.to())
                .append('\n')
                .append('\n')
                .append(email.text())
                .append('\n');
        email.html()
                .ifPresent(html -> s.append("\n-- text/html --\n").append(html).append('\n'));
        s.append("-".repeat(79)).append('\n');
        synchronized (out) { // two messages printed at once must not interleave
            out.print(s);
            out.flush();
        }
    }
}
