package dev.portico.auth.keys;

import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.accounts.Caller;
import dev.portico.auth.accounts.Rows;
import dev.portico.auth.accounts.Secrets;
import dev.portico.auth.accounts.User;
import dev.portico.auth.accounts.Users;
import dev.portico.error.NotFound;
import dev.portico.error.ValidationFailed;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.jdbi.v3.core.Jdbi;

/**
 * The API keys of the accounts (seed 002's keys, seed 000's {@code Api-Key}): made for a user, optionally for one
 * of their roles, named, expiring and revocable. A credential is {@code keyid:secret}, where the key id
 * ({@code k-} and 16 hex digits) is public and the 40-character secret is shown once and stored only as its
 * SHA-256 hash. A fast hash is enough because the secret is random (about 238 bits), unlike a password.
 * <pre>{@code
 * ApiKeys keys = ApiKeys.create(accounts);
 * CreatedApiKey made = keys.create(ada.id(), "ci", Optional.empty(), Optional.of("editor"));
 * show(made.credential());                         // once: k-0123456789abcdef:AbC...
 * Optional<Caller> caller = keys.authenticate(made.credential());
 * }</pre>
 *
 * <p>Checking a key reads its row by the unique key id and, when the secret matches, its user by primary key; there
 * is no cache, so a revocation, an expiry, a deactivated user or a role taken away is refused at once on every
 * instance. The last use is recorded without a write per request: only when the stored time is older than
 * {@link #LAST_USED_RESOLUTION}, with one conditional update.
 */
public final class ApiKeys {
    /** How stale {@link ApiKey#lastUsedAt()} may be: a key in constant use is written at most once a minute. */
    public static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    /** Length of a secret. */
    public static final int SECRET_LENGTH = 40;
    /** The latest expiry a key may have: the timestamp columns and their drivers stop at the year 9999. */
    public static final Instant LATEST_EXPIRY = Instant.parse("9999-12-31T23:59:59Z");

    private static final int ID_LENGTH = 18;
    private static final int NAME_MAX = 100;
    /** Compared against when the key id is unknown, so an unknown id costs what a wrong secret costs. */
    private static final byte[] DECOY = hash("no such key").getBytes(StandardCharsets.US_ASCII);

    private static final String COLUMNS =
            "key_id, user_id, name, role_name, created_at, expires_at, revoked_at, " + "last_used_at";

    private final Jdbi jdbi;
    private final Users users;
    private final Clock clock;

    private ApiKeys(Accounts accounts) {
        this.jdbi = accounts.database().jdbi();
        this.users = accounts.users();
        this.clock = accounts.clock();
    }

    /** The keys of {@code accounts}, on its database and clock. */
    public static ApiKeys create(Accounts accounts) {
        return new ApiKeys(accounts);
    }

    /**
     * Makes a key for the user and returns it with its secret, which is never available again.
     *
     * @param name a label of at most 100 characters, possibly empty
     * @param expiresAt when it stops working; must be in the future and no later than {@link #LATEST_EXPIRY}
     * @param role a role the user holds, for a key that acts as that role only
     * @throws ValidationFailed naming {@code name}, {@code expires_at} or {@code role}
     * @throws IllegalArgumentException when there is no such user
     */
    public CreatedApiKey create(long userId, String name, Optional<Instant> expiresAt, Optional<String> role) {
        User user = users.find(userId).orElseThrow(() -> new IllegalArgumentException("no user " + userId));
        Instant now = clock.instant();
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (name.length() > NAME_MAX) {
            errors.put("name", List.of("Ensure this field has no more than " + NAME_MAX + " characters."));
        }
        if (expiresAt.isPresent() && !expiresAt.get().isAfter(now)) {
            errors.put("expires_at", List.of("Ensure the expiry is in the future."));
        } else if (expiresAt.isPresent() && expiresAt.get().isAfter(LATEST_EXPIRY)) {
            errors.put("expires_at", List.of("Ensure the expiry is before the year 10000."));
        }
        if (role.isPresent() && !user.roles().contains(role.get())) {
            errors.put("role", List.of("\"" + role.get() + "\" is not one of this user's roles."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        String secret = Secrets.text(SECRET_LENGTH);
        for (int attempt = 1; ; attempt++) {
            String keyId = "k-" + Secrets.hex(8);
            try {
                jdbi.useHandle(h -> h.createUpdate("insert into auth_api_keys (key_id, user_id, name, secret_hash, "
                                + "role_name, created_at, expires_at) values (:key, :user, :name, :hash, :role, :now, "
                                + ":expires)")
                        .bind("key", keyId)
                        .bind("user", userId)
                        .bind("name", name)
                        .bind("hash", hash(secret))
                        .bind("role", role.orElse(null))
                        .bind("now", Rows.timestamp(now))
                        .bind("expires", Rows.timestamp(expiresAt.orElse(null)))
                        .execute());
                return new CreatedApiKey(find(keyId).orElseThrow(), secret);
            } catch (RuntimeException e) {
                if (!Rows.uniqueViolation(e) || attempt == 3) { // 2^64 ids: a repeat is a broken random source
                    throw e;
                }
            }
        }
    }

    /** The user's keys, oldest first, revoked and expired ones included. */
    public List<ApiKey> list(long userId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select " + COLUMNS + " from auth_api_keys where user_id = :user " + "order by created_at, id")
                .bind("user", userId)
                .map((rs, ctx) -> key(rs))
                .list());
    }

    /** The key with this id. */
    public Optional<ApiKey> find(String keyId) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from auth_api_keys where key_id = :key")
                .bind("key", keyId)
                .map((rs, ctx) -> key(rs))
                .findOne());
    }

    /**
     * Revokes the key from now on, everywhere; revoking it again changes nothing. Returns the key as it now is,
     * empty when there is no such key.
     */
    public Optional<ApiKey> revoke(String keyId) {
        jdbi.useHandle(h -> h.createUpdate(
                        "update auth_api_keys set revoked_at = :now where key_id = :key " + "and revoked_at is null")
                .bind("now", Rows.timestamp(clock.instant()))
                .bind("key", keyId)
                .execute());
        return find(keyId);
    }

    /**
     * Revokes one of the user's own keys, for a page that lists them.
     *
     * @throws NotFound when the key does not exist or belongs to someone else (the same answer for both)
     */
    public ApiKey revoke(long userId, String keyId) {
        jdbi.useHandle(h -> h.createUpdate("update auth_api_keys set revoked_at = :now where key_id = :key "
                        + "and user_id = :user and revoked_at is null")
                .bind("now", Rows.timestamp(clock.instant()))
                .bind("key", keyId)
                .bind("user", userId)
                .execute());
        return find(keyId).filter(k -> k.userId() == userId).orElseThrow(NotFound::new);
    }

    /** The caller of a credential as users paste it, {@code keyid:secret}; empty when it is malformed or refused. */
    public Optional<Caller> authenticate(String credential) {
        return authenticate(credential, c -> true);
    }

    /**
     * The same, for a key presented under a username (HTTP Basic's {@code username:keyid:secret}): a key of another
     * user is refused as a wrong secret is, and its last use is not recorded.
     */
    public Optional<Caller> authenticateFor(String username, String credential) {
        return authenticate(credential, c -> c.user().username().equals(username));
    }

    private Optional<Caller> authenticate(String credential, Predicate<Caller> accept) {
        int colon = credential.indexOf(':');
        return colon < 0
                ? authenticate(credential, "", accept) // still hashed: a malformed one costs the same
                : authenticate(credential.substring(0, colon), credential.substring(colon + 1), accept);
    }

    /**
     * The caller acting through this key: empty when the key is unknown, revoked or expired (an expiry equal to
     * the clock's instant counts as expired), the secret is wrong, the user is inactive, or the key's role was
     * taken from the user. Every refusal looks alike, and an unknown id costs as much as a wrong secret.
     */
    public Optional<Caller> authenticate(String keyId, String secret) {
        return authenticate(keyId, secret, c -> true);
    }

    /** The same, refusing a caller that {@code accept} does not; the last use is recorded only once accepted. */
    private Optional<Caller> authenticate(String keyId, String secret, Predicate<Caller> accept) {
        byte[] presented = hash(secret).getBytes(StandardCharsets.US_ASCII);
        Optional<Stored> found = wellFormedId(keyId) ? stored(keyId) : Optional.empty();
        byte[] expected =
                found.map(s -> s.hash().getBytes(StandardCharsets.US_ASCII)).orElse(DECOY);
        boolean matches = MessageDigest.isEqual(presented, expected);
        Instant now = clock.instant();
        if (found.isEmpty() || !matches || !found.get().key().usable(now)) {
            return Optional.empty();
        }
        ApiKey key = found.get().key();
        Optional<Caller> caller =
                users.caller(key.userId(), key.role(), key.keyId()).filter(accept);
        caller.ifPresent(c -> touch(key, now)); // only an accepted use is recorded
        return caller;
    }

    /** Whether {@code text} has the shape of a credential, {@code k-<16 hex>:<secret>}; nothing is looked up. */
    public static boolean isCredential(String text) {
        return text.length() > ID_LENGTH && text.charAt(ID_LENGTH) == ':' && wellFormedId(text.substring(0, ID_LENGTH));
    }

    private record Stored(ApiKey key, String hash) {}

    private Optional<Stored> stored(String keyId) {
        return jdbi.withHandle(
                h -> h.createQuery("select " + COLUMNS + ", secret_hash from auth_api_keys " + "where key_id = :key")
                        .bind("key", keyId)
                        .map((rs, ctx) -> new Stored(key(rs), rs.getString("secret_hash")))
                        .findOne());
    }

    /** Records the use when the stored time is stale; the condition keeps concurrent instances to one write. */
    private void touch(ApiKey key, Instant now) {
        Instant stale = now.minus(LAST_USED_RESOLUTION);
        if (key.lastUsedAt().isPresent() && !key.lastUsedAt().get().isBefore(stale)) {
            return;
        }
        jdbi.useHandle(h -> h.createUpdate("update auth_api_keys set last_used_at = :now where key_id = :key "
                        + "and (last_used_at is null or last_used_at < :stale)")
                .bind("now", Rows.timestamp(now))
                .bind("stale", Rows.timestamp(stale))
                .bind("key", key.keyId())
                .execute());
    }

    private static ApiKey key(ResultSet rs) throws SQLException {
        return new ApiKey(
                rs.getString("key_id"),
                rs.getLong("user_id"),
                rs.getString("name"),
                Optional.ofNullable(rs.getString("role_name")),
                Rows.instant(rs, "created_at").orElseThrow(),
                Rows.instant(rs, "expires_at"),
                Rows.instant(rs, "revoked_at"),
                Rows.instant(rs, "last_used_at"));
    }

    private static boolean wellFormedId(String keyId) {
        if (keyId.length() != ID_LENGTH || !keyId.startsWith("k-")) {
            return false;
        }
        for (int i = 2; i < ID_LENGTH; i++) {
            char c = keyId.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** Hex SHA-256 of the secret's UTF-8 bytes, as the {@code secret_hash} column holds it. */
    static String hash(String secret) {
        return Secrets.sha256Hex(secret);
    }
}
