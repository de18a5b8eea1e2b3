package dev.portico.auth.mail;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The templates of a message, as allauth names them: {@code <name>_subject.txt}, {@code <name>_message.txt} and,
 * optionally, {@code <name>_message.html}, written in Mustache. An application overrides one by putting a file of
 * the same name under {@code mail/} on its classpath (its {@code src/main/resources/mail/}); the defaults are
 * portico-auth's {@code dev/portico/auth/mail/}. Values are HTML-escaped in the HTML template and written as they
 * are in the text ones. Each template is compiled once.
 */
public final class MailTemplates {
    /** Where an application's own templates live on the classpath. */
    public static final String APP_ROOT = "mail/";

    private static final String DEFAULT_ROOT = "dev/portico/auth/mail/";

    private final ClassLoader loader;
    private final MustacheFactory html = new DefaultMustacheFactory();
    private final MustacheFactory text = new DefaultMustacheFactory() {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };
    private final Map<String, Optional<Mustache>> compiled = new ConcurrentHashMap<>();

    private MailTemplates(ClassLoader loader) {
        this.loader = loader;
    }

    /** The templates on the class path of portico-auth (and so of the application, in one class path). */
    public static MailTemplates create() {
        return create(MailTemplates.class.getClassLoader());
    }

    /** The templates seen by {@code loader}. */
    public static MailTemplates create(ClassLoader loader) {
        return new MailTemplates(loader);
    }

    /**
     * The message {@code name} for {@code values}, from {@code from} to {@code to}.
     *
     * @throws IllegalStateException when the message has no subject or text template
     */
    public Email render(String name, Map<String, ?> values, String from, String to) {
        String subject = required(name + "_subject.txt")
                .map(m -> run(m, values))
                .orElseThrow()
                .strip()
                .replaceAll("[\\r\\n]+", " "); // as Django's send_mail: the subject is one line
        String body = required(name + "_message.txt").map(m -> run(m, values)).orElseThrow();
        Optional<String> htmlBody = template(name + "_message.html").map(m -> run(m, values));
        return new Email(from, to, subject, body, htmlBody);
    }

    private Optional<Mustache> required(String file) {
        Optional<Mustache> m = template(file);
        if (m.isEmpty()) {
            throw new IllegalStateException(
                    "no mail template " + file + " under " + APP_ROOT + " or " + DEFAULT_ROOT + " on the class path");
        }
        return m;
    }

    private Optional<Mustache> template(String file) {
        return compiled.computeIfAbsent(file, f -> {
            String path = loader.getResource(APP_ROOT + f) != null
                    ? APP_ROOT + f
                    : loader.getResource(DEFAULT_ROOT + f) != null ? DEFAULT_ROOT + f : null;
            if (path == null) {
                return Optional.empty();
            }
            MustacheFactory factory = f.endsWith(".html") ? html : text;
            return Optional.of(factory.compile(path));
        });
    }

    private static String run(Mustache template, Map<String, ?> values) {
        StringWriter out = new StringWriter();
        template.execute(out, values);
        return out.toString();
    }
}
