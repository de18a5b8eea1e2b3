package dev.portico.auth.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.config.PorticoConfig;
import java.lang.management.ManagementFactory;
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

    @Test
    void makingTheHasherAllocatesNoneOfItsMemoryCost() {
        // Password4j's function keeps a zeroed template of the whole cost (19 MiB by default): made at first use
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        PorticoConfig config = AuthSettings.register(PorticoConfig.builder())
                .set(AuthSettings.ARGON2_MEMORY, 19_464) // costs of this test's own, so no earlier test made them
                .build();
        long before = threads.getCurrentThreadAllocatedBytes();
        Passwords p = new Passwords(config);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).isLessThan(1 << 20);
        assertThat(p.decoy()).startsWith("$argon2id$v=19$m=19464,t=2,p=1$");
    }

    @Test
    void costsOutsideRfc9106StopTheStart() {
        assertThatThrownBy(() -> passwords(1024, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auth.password.argon2-iterations must be at least 1 (was 0)");
        assertThatThrownBy(() -> passwords(1024, 1, 0))
                .hasMessageContaining("auth.password.argon2-parallelism must be 1 to 16777215 (was 0)");
        assertThatThrownBy(() -> passwords(31, 1, 4))
                .hasMessageContaining("auth.password.argon2-memory must be at least 8 KiB per lane, 32");
        assertThat(passwords(32, 1, 4).hash("x")).contains("$m=32,t=1,p=4$");
    }

    private static Passwords passwords(int memory, int iterations, int parallelism) {
        return new Passwords(AuthSettings.register(PorticoConfig.builder())
                .set(AuthSettings.ARGON2_MEMORY, memory)
                .set(AuthSettings.ARGON2_ITERATIONS, iterations)
                .set(AuthSettings.ARGON2_PARALLELISM, parallelism)
                .build());
    }
}
