package dev.portico.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.http.FileUpload;
import dev.portico.http.FormData;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A file's content type is a header line of its multipart part: a line break in it must never reach the body. */
class ClientFileTest {
    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.UTF_8);
    private static final String INJECTED = "text/plain\r\nContent-Disposition: form-data; name=\"admin\"";

    @Test
    void aClientFileRefusesALineBreakInItsContentType() {
        assertThatThrownBy(() -> ClientFile.of("notes.txt", INJECTED, HELLO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the content type of the file \"notes.txt\" holds a line break (CR or LF) or NUL, which "
                        + "would inject headers into the multipart body; give a bare type such as text/plain");
        assertThatThrownBy(() -> ClientFile.of("notes.txt", "text/plain\n", HELLO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ClientFile.of("notes.txt", "text/plain; charset=utf-8", HELLO)
                        .contentType())
                .isEqualTo("text/plain; charset=utf-8");
    }

    @Test
    void anyOtherFileUploadWithALineBreakInItsTypeIsRefusedBeforeTheBodyIsWritten() {
        FileUpload sneaky = new FileUpload() {
            @Override
            public String name() {
                return "notes.txt";
            }

            @Override
            public String contentType() {
                return INJECTED;
            }

            @Override
            public long size() {
                return HELLO.length;
            }

            @Override
            public InputStream stream() {
                return new ByteArrayInputStream(HELLO);
            }
        };
        FormData form = FormData.of(Map.of(), Map.of("file", List.of(sneaky)));
        assertThatThrownBy(() -> Multipart.of("http://site/api/shop/upload", form, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds a line break");
    }

    @Test
    void aPlainTypeIsWrittenAsThePartsContentType() {
        FormData form = FormData.of(Map.of(), Map.of("file", List.of(ClientFile.of("a.txt", "text/plain", HELLO))));
        String body = new String(
                Multipart.of("http://site/api/shop/upload", form, Optional.empty())
                        .body(),
                StandardCharsets.UTF_8);
        assertThat(body).contains("filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nhello\r\n");
    }
}
