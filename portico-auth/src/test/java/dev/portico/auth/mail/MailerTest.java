package dev.portico.auth.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.portico.config.PorticoConfig;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mailer through a real SMTP server on loopback (GreenMail), and through the console backend. */
class MailerTest {
    private static final Map<String, String> VALUES = Map.of(
            "username",
            "ada <&>",
            "password_reset_url",
            "https://example.com/reset/MQ/abc/",
            "timeout_description",
            "3 days");

    private static PorticoConfig config(int port) {
        return MailSettings.register(PorticoConfig.builder())
                .set(MailSettings.BACKEND, MailSettings.Backend.SMTP)
                .set(MailSettings.HOST, "127.0.0.1")
                .set(MailSettings.PORT, port)
                .set(MailSettings.FROM, "site@example.com")
                .set(MailSettings.SITE_NAME, "Site")
                .build();
    }

    @Test
    void smtpSendsTheTextAndHtmlOfATemplateFromTheConfiguredSender() throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try (Mailer mailer = Mailer.create(config(smtp.getSmtp().getPort()))) {
            mailer.send("password_reset_key", "ada@example.com", VALUES);
            assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
            MimeMessage m = smtp.getReceivedMessages()[0];
            assertThat(m.getSubject()).isEqualTo("[Site] Password reset e-mail");
            assertThat(m.getFrom()[0].toString()).isEqualTo("site@example.com");
            Multipart parts = (Multipart) m.getContent();
            assertThat(parts.getContentType()).startsWith("multipart/alternative");
            String text = (String) parts.getBodyPart(0).getContent();
            String html = (String) parts.getBodyPart(1).getContent();
            assertThat(text)
                    .contains("your username is ada <&>.")
                    .contains("https://example.com/reset/MQ/abc/")
                    .startsWith("Hello from Site!");
            assertThat(html)
                    .as("values escaped in HTML")
                    .contains("ada &lt;&amp;&gt;")
                    .contains("href=\"https://example.com/reset/MQ/abc/\"");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aServerThatIsNotThereIsAMailFailedNamingItAndSendSwallowsItIntoTheLog() {
        Mailer mailer = Mailer.create(config(1));
        assertThatThrownBy(() -> mailer.sendNow("password_reset_key", "ada@example.com", VALUES))
                .isInstanceOf(MailFailed.class)
                .hasMessageContaining("127.0.0.1:1");
        mailer.send("password_reset_key", "ada@example.com", VALUES); // logged, never thrown at the request
        mailer.close();
    }

    @Test
    void theConsoleBackendPrintsTheMessageAsDjangosDoes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PorticoConfig config = MailSettings.register(PorticoConfig.builder()).build();
        Mailer mailer =
                Mailer.create(ConsoleMailBackend.create(new PrintStream(out, true, StandardCharsets.UTF_8)), config);
        mailer.sendNow(
                "email_confirmation_signup",
                "ada@example.com",
                Map.of(
                        "username",
                        "ada",
                        "activate_url",
                        "http://localhost:8000/auth/registration/account-confirm-email/k/",
                        "timeout_description",
                        "3 days"));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Subject: [example.com] Please confirm your e-mail address")
                .contains("From: webmaster@localhost")
                .contains("To: ada@example.com")
                .contains("http://localhost:8000/auth/registration/account-confirm-email/k/")
                .contains("-- text/html --")
                .endsWith("-".repeat(79) + "\n");
    }

    @Test
    void aSiteUrlThatIsNoHttpAddressFailsAtStartup() {
        PorticoConfig config = MailSettings.register(PorticoConfig.builder())
                .set(MailSettings.SITE_URL, "example.com")
                .build();
        assertThatThrownBy(() -> Mailer.create(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("site.url");
    }
}
