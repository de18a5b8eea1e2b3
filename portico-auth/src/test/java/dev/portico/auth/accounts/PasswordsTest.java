package dev.portico.auth.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.config.PorticoConfig;
import org.junit.jupiter.api.Test;

/** Argon2id hashes with the configured costs, and a new hash when the costs change. */
class PasswordsTest {

    private static Passwords passwords(int memory) {
        return new Passwords(AuthSettings.register(PorticoConfig.builder())
                .set(AuthSettings.ARGON2_MEMORY, memory)
                .set(AuthSettings.ARGON2_ITERATIONS, 1)
                .build());
    }

    @Test
    void theDefaultsAreOwaspsArgon2idCosts() {
        String hash =
                new Passwords(AuthSettings.register(PorticoConfig.builder()).build()).hash("correct horse");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void hashesAreSaltedAndVerifyOnlyTheirPassword() {
        Passwords p = passwords(1024);
        String one = p.hash("correct horse");
        assertThat(p.hash("correct horse")).isNotEqualTo(one);
        assertThat(p.verify("correct horse", one).matches()).isTrue();
        assertThat(p.verify("correct horse", one).rehashed()).isEmpty();
        assertThat(p.verify("Correct horse", one).matches()).isFalse();
        assertThat(p.verify("correct horse", Passwords.UNUSABLE).matches()).isFalse();
        assertThat(p.verify("correct horse", "$argon2id$garbage").matches()).isFalse();
        assertThat(p.verify("correct horse", null).matches()).isFalse();
    }

    @Test
    void aHashMadeWithOtherCostsVerifiesAndIsRedone() {
        String old = passwords(1024).hash("correct horse");
        Passwords stronger = passwords(2048);
        Passwords.Verdict verdict = stronger.verify("correct horse", old);
        assertThat(verdict.matches()).isTrue();
        assertThat(verdict.rehashed()).hasValueSatisfying(h -> assertThat(h).contains("m=2048,"));
        assertThat(stronger.verify("correct horse", verdict.rehashed().get()).rehashed())
                .isEmpty();
        assertThat(stronger.verify("wrong", old).rehashed()).isEmpty();
    }

    @Test
    void theDecoyCarriesTheConfiguredCostsAndMatchesNoPassword() {
        Passwords p = passwords(1024);
        // the same function as a real hash's, so checking against it costs one verification with today's costs
        assertThat(com.password4j.Argon2Function.getInstanceFromHash(p.decoy()))
                .isEqualTo(com.password4j.Argon2Function.getInstanceFromHash(p.hash("x")));
        assertThat(p.decoy()).isNotEqualTo(passwords(1024).decoy());
        assertThat(p.verify("decoy password, never anyone's", p.decoy()).matches())
                .isFalse();
        assertThat(p.verify("", p.decoy()).matches()).isFalse();
    }
}
