package dev.portico.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seed 002's credentials files: profiles, several files, the home directory, and errors naming file and line. */
class CredentialsFilesTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static final String SEED = """
        [default]
        access_key_id = k-0123456789abcdef
        access_key_secret = abcdefghijklmnopqrstABCDEFGHIJKLMNOPQRST

        [day to day working]
        access_key_id = k-fedcba9876543210
        access_key_secret = asdfghjklmASDFGHJKLMasdfghjklmASDFGHJKLM
        """;

    @Test
    void theSeedsFileGivesBothProfiles() throws IOException {
        CredentialsFiles files = CredentialsFiles.read(List.of(file("config", SEED)), dir);
        assertThat(files.profile("default").authorisation())
                .isEqualTo("k-0123456789abcdef:abcdefghijklmnopqrstABCDEFGHIJKLMNOPQRST");
        assertThat(files.profile("day to day working").keyId()).isEqualTo("k-fedcba9876543210");
    }

    @Test
    void commentsBlankLinesAndOtherSettingsAreIgnored() throws IOException {
        CredentialsFiles files = CredentialsFiles.read(List.of(file("config", """
            # my keys
            ; another comment
            [default]
            region = eu
            access_key_id=k-1
            access_key_secret =  s-1 \s
            """)), dir);
        assertThat(files.profile("default").authorisation()).isEqualTo("k-1:s-1");
    }

    @Test
    void aLaterFileReplacesAProfileWholeAndAddsNewOnes() throws IOException {
        Path first = file("first", SEED);
        Path second = file("second", """
            [default]
            access_key_id = k-new
            access_key_secret = new-secret
            [ci]
            access_key_id = k-ci
            access_key_secret = ci-secret
            """);
        CredentialsFiles files = CredentialsFiles.read(List.of(first, second), dir);
        assertThat(files.profile("default").authorisation()).isEqualTo("k-new:new-secret");
        assertThat(files.profile("ci").keyId()).isEqualTo("k-ci");
        assertThat(files.profile("day to day working").keyId()).isEqualTo("k-fedcba9876543210");
    }

    @Test
    void tildeIsTheHomeDirectory() throws IOException {
        Files.createDirectories(dir.resolve(".mysite"));
        file(".mysite/config", SEED);
        CredentialsFiles files = CredentialsFiles.read(List.of(Path.of("~/.mysite/config")), dir);
        assertThat(files.profile("default").keyId()).isEqualTo("k-0123456789abcdef");
        assertThat(CredentialsFiles.expand(Path.of("~"), dir)).isEqualTo(dir);
        assertThat(CredentialsFiles.expand(Path.of("/etc/x"), dir)).isEqualTo(Path.of("/etc/x"));
    }

    @Test
    void aMissingProfileNamesTheFilesReadAndSkipped() throws IOException {
        Path config = file("config", SEED);
        Path absent = dir.resolve("absent");
        CredentialsFiles files = CredentialsFiles.read(List.of(config, absent), dir);
        assertThatThrownBy(() -> files.profile("weekend"))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("no profile [weekend]")
                .hasMessageContaining(config.toString())
                .hasMessageContaining("not found, so skipped: [" + absent + "]")
                .hasMessageContaining("[default, day to day working]")
                .hasMessageNotContaining("abcdefghij");
    }

    @Test
    void malformedFilesNameTheFileAndLineNeverTheSecret() throws IOException {
        assertMalformed(
                "[default]\naccess_key_id = k-1\naccess_key_secret abcdefSECRET\n",
                3,
                "expected \"[profile]\" or \"name = value\"");
        assertMalformed("access_key_id = k-1\n", 1, "a setting before any [profile] section");
        assertMalformed("[default\n", 1, "a section is \"[name]\"");
        assertMalformed("[default]\naccess_key_id = k-1\n", 1, "the profile [default] has no access_key_secret");
        assertMalformed(
                "[a]\naccess_key_id = k-1\naccess_key_id = k-2\naccess_key_secret = x\n",
                3,
                "access_key_id is given twice in [a]");
        assertMalformed(
                SEED + "[default]\naccess_key_id = k\naccess_key_secret = s\n",
                8,
                "the profile [default] is given twice in this file");
        assertMalformed("[a]\naccess_key_id = k:1\naccess_key_secret = abcdefSECRET\n", 1, "has no ':'");
    }

    private void assertMalformed(String text, int line, String message) throws IOException {
        Path config = file("bad", text);
        assertThatThrownBy(() -> CredentialsFiles.read(List.of(config), dir))
                .isInstanceOf(CredentialsException.class)
                .hasMessageStartingWith(config + ":" + line + ": ")
                .hasMessageContaining(message)
                .hasMessageNotContaining("abcdefSECRET")
                .satisfies(e -> assertThat(((CredentialsException) e).line()).isEqualTo(line));
    }

    @Test
    void anUnreadableFileIsAnError() throws IOException {
        Path directory = Files.createDirectories(dir.resolve("a-directory"));
        assertThatThrownBy(() -> CredentialsFiles.read(List.of(directory), dir))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("cannot be read");
    }

    @Test
    void credentialsNeverPrintTheSecret() {
        assertThat(new Credentials("k-1", "very-secret").toString()).isEqualTo("k-1:****");
    }
}
