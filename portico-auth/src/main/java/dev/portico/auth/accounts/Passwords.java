package dev.portico.auth.accounts;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import dev.portico.config.PorticoConfig;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Password hashing with Password4j's Argon2id, as OWASP recommends, with the costs of the {@code auth.password.*}
 * settings. A hash records its own parameters and salt (PHC format), so raising the costs later is safe: a hash
 * made with other parameters still verifies, and {@link #verify} hands back a new hash to store.
 */
public final class Passwords {
    /** What is stored for a user who may not log in with a password. Never a valid PHC string. */
    public static final String UNUSABLE = "!";

    private static final int HASH_LENGTH = 32;
    /** RFC 9106's bound on lanes. */
    private static final int MAX_PARALLELISM = (1 << 24) - 1;

    private final int memory;
    private final int iterations;
    private final int parallelism;
    /** Verified against when the user does not exist, so an unknown username costs as much as a wrong password. */
    private final String decoy;

    /**
     * The hasher for the configured costs, checked here (as RFC 9106 bounds them) so that a wrong setting stops the
     * start rather than the first login.
     */
    public Passwords(PorticoConfig config) {
        this.memory = config.get(AuthSettings.ARGON2_MEMORY);
        this.iterations = config.get(AuthSettings.ARGON2_ITERATIONS);
        this.parallelism = config.get(AuthSettings.ARGON2_PARALLELISM);
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException(
                    "auth.password.argon2-parallelism must be 1 to " + MAX_PARALLELISM + " (was " + parallelism + ")");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException(
                    "auth.password.argon2-iterations must be at least 1 (was " + iterations + ")");
        }
        if (memory < 8L * parallelism) {
            throw new IllegalArgumentException("auth.password.argon2-memory must be at least 8 KiB per lane, "
                    + 8L * parallelism + " with auth.password.argon2-parallelism " + parallelism + " (was " + memory
                    + ")");
        }
        this.decoy = decoy(memory, iterations, parallelism);
    }

    /**
     * The Argon2 function of the configured costs, asked of Password4j at each hash or check rather than made here:
     * its {@code Argon2Function} allocates, and keeps for its life, a zeroed template of the whole memory cost (19 MiB
     * by default, 19,456 arrays), which every start paid for in young collections copying it and every process that
     * never sees a password kept. Password4j keeps one per set of costs, so it is made once, at the first use.
     */
    private Argon2Function function() {
        return Argon2Function.getInstance(memory, iterations, parallelism, HASH_LENGTH, Argon2.ID);
    }

    /**
     * A hash in the configured costs that no password matches: random salt and random digest, in the PHC form
     * Argon2 writes. Checking a password against it costs exactly one verification, which is all a decoy is for;
     * hashing a real one here cost every start an Argon2 run (a third of the example's start-up).
     */
    static String decoy(int memory, int iterations, int parallelism) {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[16];
        byte[] digest = new byte[HASH_LENGTH];
        random.nextBytes(salt);
        random.nextBytes(digest);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=" + Argon2Function.ARGON2_VERSION_13 + "$m=" + memory + ",t=" + iterations + ",p="
                + parallelism + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(digest);
    }

    /** The decoy this hasher verifies against (for tests: it must carry the configured costs). */
    String decoy() {
        return decoy;
    }

    /** A new salted hash of {@code password}. */
    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(function()).getResult();
    }

    /**
     * Whether {@code password} matches {@code stored}; when it does and the hash was made with other costs than the
     * configured ones, also the new hash to store in its place.
     */
    public Verdict verify(String password, String stored) {
        if (stored == null || !stored.startsWith("$argon2")) {
            Password.check(password, decoy).with(function()); // the same work, whatever the outcome
            return Verdict.WRONG;
        }
        Argon2Function used;
        try {
            used = Argon2Function.getInstanceFromHash(stored);
        } catch (RuntimeException e) {
            return Verdict.WRONG;
        }
        if (!Password.check(password, stored).with(used)) {
            return Verdict.WRONG;
        }
        return used.equals(function()) ? Verdict.RIGHT : new Verdict(true, Optional.of(hash(password)));
    }

    /** Spends the time of one verification, for a login whose user does not exist. */
    public void verifyDecoy(String password) {
        Password.check(password, decoy).with(function());
    }

    /**
     * The outcome of a verification.
     *
     * @param matches whether the password was right
     * @param rehashed the hash to store instead, when the stored one used other costs
     */
    public record Verdict(boolean matches, Optional<String> rehashed) {
        static final Verdict WRONG = new Verdict(false, Optional.empty());
        static final Verdict RIGHT = new Verdict(true, Optional.empty());
    }
}
