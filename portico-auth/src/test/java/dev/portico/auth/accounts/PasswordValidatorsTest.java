package dev.portico.auth.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.config.PorticoConfig;
import dev.portico.error.ValidationFailed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Django's four default password validators, their exact sentences, and the setting that configures them. */
class PasswordValidatorsTest {
    private static final Map<String, String> ADA =
            Map.of("username", "ada", "email", "ada@example.com", "first_name", "Ada", "last_name", "Lovelace");

    private static PasswordValidators validators(String setting) {
        return PasswordValidators.create(AuthSettings.register(PorticoConfig.builder())
                .set(AuthSettings.PASSWORD_VALIDATORS, setting)
                .build());
    }

    private static final PasswordValidators DEFAULTS = PasswordValidators.create(
            AuthSettings.register(PorticoConfig.builder()).build());

    @Test
    void theIssuesPasswordsAreRefusedInDjangosSentences() {
        for (String common : List.of("password", "aaaaaaaa", "qwertyui", "12345678a", "PassWord")) {
            assertThat(DEFAULTS.problems(common, Map.of("username", "bob")))
                    .as(common)
                    .containsExactly("This password is too common.");
        }
        assertThat(DEFAULTS.problems("alicealice", Map.of("username", "alice")))
                .as("the username twice")
                .containsExactly("The password is too similar to the username.");
        assertThat(DEFAULTS.problems("ada@example.com", ADA))
                .containsExactly("The password is too similar to the email address.");
        assertThat(DEFAULTS.problems("lovelace1815", ADA))
                .containsExactly("The password is too similar to the last name.");
        assertThat(DEFAULTS.problems("short", ADA))
                .containsExactly("This password is too short. It must contain at least 8 characters.");
        assertThat(DEFAULTS.problems("90817263544", ADA)).containsExactly("This password is entirely numeric.");
        assertThat(DEFAULTS.problems("12345678", ADA))
                .as("every reason, in Django's order")
                .containsExactly("This password is too common.", "This password is entirely numeric.");
        assertThat(DEFAULTS.problems("correct horse battery", ADA)).isEmpty();
        assertThat(DEFAULTS.problems("ada's own words", ADA))
                .as("a part far shorter than the password")
                .isEmpty();
    }

    @Test
    void quickRatioIsDifflibs() {
        // values printed by Python's difflib.SequenceMatcher(a=..., b=...).quick_ratio()
        assertThat(AttributeSimilarity.quickRatio("alicealice", "alice")).isEqualTo(2.0 / 3);
        assertThat(AttributeSimilarity.quickRatio("alice123", "alice")).isEqualTo(0.7692307692307693);
        assertThat(AttributeSimilarity.quickRatio("example2024", "example")).isEqualTo(0.7777777777777778);
        assertThat(AttributeSimilarity.quickRatio("correcthorse", "ada")).isZero();
        assertThat(AttributeSimilarity.quickRatio("", "")).isEqualTo(1.0);
    }

    @Test
    void djangosListIsShippedAndRead() {
        assertThat(CommonPasswords.django().size()).isGreaterThan(19_000);
        assertThat(PasswordValidators.class.getResource("common-passwords.README.md"))
                .as("source and licence")
                .isNotNull();
    }

    @Test
    void theSettingChoosesTheValidatorsAndTheirOptions(@TempDir Path dir) throws Exception {
        Path list = dir.resolve("ours.txt");
        Files.writeString(list, "hunter2hunter2\nzebra\n", StandardCharsets.UTF_8);
        PasswordValidators ours = validators("MinimumLengthValidator(min_length=12), "
                + "django.contrib.auth.password_validation.CommonPasswordValidator(password_list_path=" + list + "), "
                + "UserAttributeSimilarityValidator(user_attributes=username; max_similarity=0.5)");
        assertThat(ours.problems("Hunter2Hunter2", Map.of())).containsExactly("This password is too common.");
        assertThat(ours.problems("password1234", Map.of()))
                .as("not on this list")
                .isEmpty();
        assertThat(ours.problems("eleven char", Map.of()))
                .containsExactly("This password is too short. It must contain at least 12 characters.");
        assertThat(ours.problems("lovelace1815abc", ADA))
                .as("last_name is not looked at")
                .isEmpty();
        assertThat(validators("").problems("x", ADA)).as("none: anything goes").isEmpty();
        assertThat(validators("MinimumLengthValidator(min_length=1)").problems("", ADA))
                .containsExactly("This password is too short. It must contain at least 1 character.");
    }

    @Test
    void aBadSettingFailsAtStartupNamingIt() {
        assertThatThrownBy(() -> validators("LengthValidator"))
                .hasMessageStartingWith("auth.password.validators: " + "unknown password validator 'LengthValidator'");
        assertThatThrownBy(() -> validators("MinimumLengthValidator(length=3)")).hasMessageContaining("has no option");
        assertThatThrownBy(() -> validators("MinimumLengthValidator(min_length=x)"))
                .hasMessageContaining("a number");
        assertThatThrownBy(() -> validators("UserAttributeSimilarityValidator(max_similarity=0.05)"))
                .hasMessageContaining("at least 0.1");
    }

    @Test
    void validateNamesTheField() {
        assertThatThrownBy(() -> DEFAULTS.validate("password", ADA, "new_password2"))
                .isInstanceOfSatisfying(
                        ValidationFailed.class,
                        e -> assertThat(e.errors())
                                .containsEntry("new_password2", List.of("This password is too common.")));
    }
}
