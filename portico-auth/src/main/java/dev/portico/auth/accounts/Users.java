package dev.portico.auth.accounts;

import dev.portico.auth.Guesses;
import dev.portico.config.PorticoConfig;
import dev.portico.error.ValidationFailed;
import dev.portico.http.Request;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The users table: create accounts, look them up, check passwords (rehashing on login when the costs changed), and
 * end every token and session of a user at once by raising their {@code auth_epoch}. Errors a client can cause
 * are {@link ValidationFailed}s under the field's name, in Django's sentences.
 */
public final class Users {
    private static final Pattern USERNAME = Pattern.compile("[\\w.@+-]{1,150}", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int PASSWORD_MAX = 1024;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final String SELECT =
            "select u.id, u.public_id, u.username, u.email, u.active, u.staff, u.superuser, u.default_role,"
                + " u.auth_epoch, u.created_at, u.last_login, r.name as role_name, r.scopes as role_scopes from"
                + " auth_users u left join auth_user_roles ur on ur.user_id = u.id left join auth_roles r on r.name ="
                + " ur.role_name ";
    /** The positions of the role's columns in {@link #SELECT}; {@link #user} reads the ones before them. */
    private static final int ROLE_NAME = 12;

    private static final int ROLE_SCOPES = 13;

    private final Jdbi jdbi;
    private final DataSource dataSource;
    private final Passwords passwords;
    private final Roles roles;
    private final Clock clock;
    private final PasswordValidators validators;

    Users(Jdbi jdbi, DataSource dataSource, Passwords passwords, Roles roles, PorticoConfig config, Clock clock) {
        this.jdbi = jdbi;
        this.dataSource = dataSource;
        this.passwords = passwords;
        this.roles = roles;
        this.clock = clock;
        this.validators = PasswordValidators.create(config);
    }

    /** A user and the scopes of every role they hold, read in one query. */
    record Account(User user, Map<String, Role> roles) {
        Set<String> scopes() {
            Set<String> all = new HashSet<>();
            roles.values().forEach(r -> all.addAll(r.scopes()));
            return all;
        }
    }

    /**
     * Makes an account; its default role, when named, must exist and is granted to the user.
     *
     * @throws ValidationFailed naming {@code username}, {@code email}, {@code password} or {@code default_role}
     */
    public User create(NewUser given) {
        NewUser u = new NewUser(
                Usernames.normalize(given.username()),
                given.email(),
                given.password(),
                given.staff(),
                given.superuser(),
                given.defaultRole());
        Map<String, List<String>> errors = profileErrors(Optional.of(u.username()), Optional.of(u.email()));
        if (!u.password().isEmpty()) {
            List<String> problems =
                    passwordProblems(u.password(), PasswordValidators.attributes(u.username(), u.email()));
            if (!problems.isEmpty()) {
                errors.put("password", problems);
            }
        }
        if (u.defaultRole().isPresent() && roles.find(u.defaultRole().get()).isEmpty()) {
            errors.put("default_role", List.of("Role \"" + u.defaultRole().get() + "\" does not exist."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        String hash = u.password().isEmpty() ? Passwords.UNUSABLE : passwords.hash(u.password());
        Instant now = clock.instant();
        try {
            long id = jdbi.inTransaction(h -> {
                long created = h.createUpdate("insert into auth_users (public_id, username, username_key, email,"
                    + " password_hash, staff, superuser, default_role, created_at, updated_at) values (:publicId,"
                    + " :username, :key, :email, :hash, :staff, :superuser, :role, :now, :now)")
                        .bind("publicId", newPublicId())
                        .bind("username", u.username())
                        .bind("key", Usernames.key(u.username()))
                        .bind("email", u.email())
                        .bind("hash", hash)
                        .bind("staff", u.staff() || u.superuser())
                        .bind("superuser", u.superuser())
                        .bind("role", u.defaultRole().orElse(null))
                        .bind("now", Rows.timestamp(now))
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one();
                u.defaultRole().ifPresent(role -> grant(h, created, role));
                return created;
            });
            return find(id).orElseThrow();
        } catch (RuntimeException e) {
            if (Rows.uniqueViolation(e)) {
                throw ValidationFailed.of("username", "A user with that username already exists.");
            }
            throw e;
        }
    }

    /**
     * Changes what a user may change of their own account: the username and the email, each only when given,
     * checked by the rules of {@link #create}. Nothing else (staff, superuser, active) is reachable from here.
     *
     * @throws ValidationFailed naming {@code username} or {@code email}
     */
    public User updateProfile(long id, Optional<String> given, Optional<String> email) {
        Optional<String> username = given.map(Usernames::normalize);
        Map<String, List<String>> errors = profileErrors(username, email);
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        try {
            jdbi.useHandle(h -> h.createUpdate("update auth_users set username = coalesce(:username, username), "
                            + "username_key = coalesce(:key, username_key), email = coalesce(:email, email), "
                            + "updated_at = :now where id = :id")
                    .bind("username", username.orElse(null))
                    .bind("key", username.map(Usernames::key).orElse(null))
                    .bind("email", email.orElse(null))
                    .bind("now", Rows.timestamp(clock.instant()))
                    .bind("id", id)
                    .execute());
        } catch (RuntimeException e) {
            if (Rows.uniqueViolation(e)) {
                throw ValidationFailed.of("username", "A user with that username already exists.");
            }
            throw e;
        }
        return find(id).orElseThrow(() -> new IllegalArgumentException("no user " + id));
    }

    /** What is wrong with a username and an email (either may be absent; an empty email is none), by field. */
    private static Map<String, List<String>> profileErrors(Optional<String> username, Optional<String> email) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (username.isPresent() && !USERNAME.matcher(username.get()).matches()) {
            errors.put(
                    "username",
                    List.of("Enter a valid username. This value may contain only letters, numbers, "
                            + "and @/./+/-/_ characters."));
        }
        if (email.isPresent()
                && !email.get().isEmpty()
                && (email.get().length() > 254 || !EMAIL.matcher(email.get()).matches())) {
            errors.put("email", List.of("Enter a valid email address."));
        }
        return errors;
    }

    /**
     * Every reason a new password is refused for the account of {@code user} (its attributes by Django's names, see
     * {@link PasswordValidators#attributes}), in Django's sentences: past 1,024 characters (a bound
     * on the hashing work), then the configured validators; empty when it is acceptable.
     */
    public List<String> passwordProblems(String password, Map<String, String> user) {
        if (password.length() > PASSWORD_MAX) {
            return List.of("This password is too long. It may contain at most " + PASSWORD_MAX + " characters.");
        }
        return validators.problems(password, user);
    }

    /** The user with this id. */
    public Optional<User> find(long id) {
        return account("where u.id = ?", id).map(Account::user);
    }

    /** The user with this public id ({@code u-...}), as API calls name users. */
    public Optional<User> findByPublicId(String publicId) {
        return account("where u.public_id = ?", publicId).map(Account::user);
    }

    /** A new public id: {@code u-} and 24 random hex digits (96 bits), as portico-data's {@code @PublicId}. */
    private static String newPublicId() {
        byte[] bits = new byte[12];
        RANDOM.nextBytes(bits);
        return "u-" + java.util.HexFormat.of().formatHex(bits);
    }

    /**
     * The user with this username exactly as given (an account kept from before usernames were normalised), else
     * with its NFKC form (Django's login form normalises it so). Case and confusables count here: only
     * registration refuses a name that reads as another's.
     */
    public Optional<User> find(String username) {
        return candidates(username).stream()
                .map(name -> account("where u.username = ?", name))
                .flatMap(Optional::stream)
                .findFirst()
                .map(Account::user);
    }

    /** The name as given, then its NFKC form when it differs: an account kept un-normalised is found first. */
    private static List<String> candidates(String username) {
        String normal = Usernames.normalize(username);
        return normal.equals(username) ? List.of(username) : List.of(username, normal);
    }

    /**
     * One page of the users whose username or e-mail contains {@code text} (any case; every user when it is blank),
     * by username: found in SQL, so a large user table is never loaded whole (the admin's user list).
     */
    public List<User> search(String text, int offset, int limit) {
        return users(h -> h.createQuery(SELECT + "where u.id in (select id from auth_users" + MATCHING
                        + " order by username limit :limit offset :offset) order by u.username")
                .bind("pattern", pattern(text))
                .bind("limit", limit)
                .bind("offset", offset));
    }

    /** How many users {@link #search} finds for {@code text}. */
    public long count(String text) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from auth_users" + MATCHING)
                .bind("pattern", pattern(text))
                .mapTo(Long.class)
                .one());
    }

    private static final String MATCHING = " where lower(username) like :pattern escape '!' "
            + "or lower(coalesce(email, '')) like :pattern escape '!'";

    /** {@code %text%} in lower case, its own {@code %} and {@code _} matched literally. */
    private static String pattern(String text) {
        String literal = text.strip()
                .toLowerCase(java.util.Locale.ROOT)
                .replace("!", "!!")
                .replace("%", "!%")
                .replace("_", "!_");
        return "%" + literal + "%";
    }

    /** Every user, by username. */
    public List<User> all() {
        return users(h -> h.createQuery(SELECT + "order by u.username"));
    }

    /**
     * The user whose username and password these are, when the account is active. A missing user costs as much
     * time as a wrong password. On success the last login is recorded, and the hash redone when the configured
     * costs changed since it was made.
     */
    public Optional<User> authenticate(String username, String password) {
        Optional<String[]> row = candidates(username).stream()
                .map(name -> jdbi.withHandle(h -> h.createQuery(
                                "select id, password_hash, active from auth_users where username = :username")
                        .bind("username", name)
                        .map((rs, ctx) -> new String[] {
                            rs.getString("id"), rs.getString("password_hash"), Boolean.toString(rs.getBoolean("active"))
                        })
                        .findOne()))
                .flatMap(Optional::stream)
                .findFirst();
        if (row.isEmpty()) {
            passwords.verifyDecoy(password);
            return Optional.empty();
        }
        long id = Long.parseLong(row.get()[0]);
        Passwords.Verdict verdict = passwords.verify(password, row.get()[1]);
        if (!verdict.matches() || !Boolean.parseBoolean(row.get()[2])) {
            return Optional.empty();
        }
        recordLogin(id, row.get()[1], verdict.rehashed());
        return find(id);
    }

    /**
     * {@link #authenticate(String, String)} behind the request's {@link Guesses}: a 429 before the hash is spent when
     * the client address or this username already failed as often as allowed, and a failure counted against both.
     * What every password login (HTTP Basic, the login and token endpoints, the keys page) goes through.
     *
     * @throws dev.portico.error.Throttled when either is spent
     */
    public Optional<User> authenticate(Request request, String username, String password) {
        Guesses guesses = Guesses.of(request);
        guesses.check(request, username);
        Optional<User> user = authenticate(username, password);
        if (user.isEmpty()) {
            guesses.failed(request, username);
        }
        return user;
    }

    /**
     * {@link #checkPassword(long, String)} behind the request's {@link Guesses}, counted under the user's username:
     * a stolen session cannot guess the account's password (to change it) faster than a login could.
     */
    public boolean checkPassword(Request request, User user, String password) {
        Guesses guesses = Guesses.of(request);
        guesses.check(request, user.username());
        boolean matches = checkPassword(user.id(), password);
        if (!matches) {
            guesses.failed(request, user.username());
        }
        return matches;
    }

    /**
     * Records a login and stores the rehash, if any, only while the hash is still the one verified ({@code old}):
     * a password changed meanwhile is never undone. Returns whether the rehash was stored.
     */
    boolean recordLogin(long id, String old, Optional<String> rehashed) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("update auth_users set last_login = :now where id = :id")
                    .bind("now", Rows.timestamp(clock.instant()))
                    .bind("id", id)
                    .execute();
            return rehashed.isPresent()
                    && h.createUpdate("update auth_users set password_hash = :hash "
                                            + "where id = :id and password_hash = :old")
                                    .bind("hash", rehashed.get())
                                    .bind("id", id)
                                    .bind("old", old)
                                    .execute()
                            == 1;
        });
    }

    /**
     * Sets a new password and ends every token and session of the user (Django's
     * {@code update_session_auth_hash} keeps the current one; the caller logs in again instead).
     *
     * @throws ValidationFailed naming {@code new_password} when it is refused
     */
    public void setPassword(long id, String password) {
        User user = find(id).orElseThrow(() -> new IllegalArgumentException("no user " + id));
        List<String> problems = passwordProblems(password, PasswordValidators.attributes(user));
        if (!problems.isEmpty()) {
            throw new ValidationFailed(Map.of("new_password", problems));
        }
        jdbi.useHandle(h -> h.createUpdate("update auth_users set password_hash = :hash, auth_epoch = auth_epoch + 1, "
                        + "updated_at = :now where id = :id")
                .bind("hash", passwords.hash(password))
                .bind("now", Rows.timestamp(clock.instant()))
                .bind("id", id)
                .execute());
    }

    /** Whether {@code password} is the user's current one (for a password change), at the cost of one hash. */
    public boolean checkPassword(long id, String password) {
        String stored = jdbi.withHandle(h -> h.createQuery("select password_hash from auth_users where id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .findOne()
                .orElse(null));
        return passwords.verify(password, stored).matches();
    }

    /** Turns the account on or off; turning it off ends every token and session of the user at once. */
    public void setActive(long id, boolean active) {
        jdbi.useHandle(h -> h.createUpdate("update auth_users set active = :active, updated_at = :now"
                        + (active ? "" : ", auth_epoch = auth_epoch + 1") + " where id = :id")
                .bind("active", active)
                .bind("now", Rows.timestamp(clock.instant()))
                .bind("id", id)
                .execute());
    }

    /** Makes the user staff (the admin site, {@code IsAdmin}) or not; taking it away ends every token and session. */
    public void setStaff(long id, boolean staff) {
        jdbi.useHandle(h -> h.createUpdate("update auth_users set staff = :staff, updated_at = :now"
                        + (staff ? "" : ", auth_epoch = auth_epoch + 1") + " where id = :id")
                .bind("staff", staff)
                .bind("now", Rows.timestamp(clock.instant()))
                .bind("id", id)
                .execute());
    }

    /** Takes a role away from the user (and as their default role); holding it or not, nothing else changes. */
    public void revoke(long id, String role) {
        jdbi.useTransaction(h -> {
            h.createUpdate("delete from auth_user_roles where user_id = :id and role_name = :role")
                    .bind("id", id)
                    .bind("role", role)
                    .execute();
            h.createUpdate("update auth_users set default_role = null where id = :id and default_role = :role")
                    .bind("id", id)
                    .bind("role", role)
                    .execute();
        });
    }

    /** Logout everywhere: every token and session the user holds stops working, on every instance. */
    public void endAllSessions(long id) {
        jdbi.useHandle(h -> h.createUpdate(
                        "update auth_users set auth_epoch = auth_epoch + 1, updated_at = :now " + "where id = :id")
                .bind("now", Rows.timestamp(clock.instant()))
                .bind("id", id)
                .execute());
    }

    /** Gives the user a role, which must exist. */
    public void grant(long id, String role) {
        if (roles.find(role).isEmpty()) {
            throw ValidationFailed.of("role", "Role \"" + role + "\" does not exist.");
        }
        jdbi.useTransaction(h -> grant(h, id, role));
    }

    private static void grant(Handle h, long id, String role) {
        boolean held = h.createQuery("select count(*) from auth_user_roles where user_id = :id and role_name = :role")
                        .bind("id", id)
                        .bind("role", role)
                        .mapTo(Integer.class)
                        .one()
                > 0;
        if (!held) {
            h.createUpdate("insert into auth_user_roles (user_id, role_name) values (:id, :role)")
                    .bind("id", id)
                    .bind("role", role)
                    .execute();
        }
    }

    /**
     * The caller acting as the user themselves, when the account exists and is active: the scopes of all their
     * roles. What a password, session or token login answers.
     */
    public Optional<Caller> caller(long id) {
        return active(id).map(a -> new Caller(a.user(), Optional.empty(), Optional.empty(), a.scopes()));
    }

    /**
     * The caller acting through key {@code keyId}, as {@code role} when the key was made for one (and the user still
     * holds it); empty when the account is gone or inactive, or the role was taken away.
     */
    public Optional<Caller> caller(long id, Optional<String> role, String keyId) {
        return active(id).flatMap(a -> {
            if (role.isEmpty()) {
                return Optional.of(new Caller(a.user(), Optional.empty(), Optional.of(keyId), a.scopes()));
            }
            Role r = a.roles().get(role.get());
            return r == null
                    ? Optional.empty()
                    : Optional.of(new Caller(a.user(), Optional.of(r), Optional.of(keyId), r.scopes()));
        });
    }

    /**
     * The active account of {@code id}, in plain JDBC on the pool: every authenticated request reads one, and through a
     * JDBI handle (its configuration copied, the statement bound by name, the columns found by label) the handle cost
     * more than the query (issue 17, counted in bench/README.md). No caller runs inside a JDBI transaction, so it needs
     * no handle of the thread's.
     */
    private Optional<Account> active(long id) {
        try (Connection c = dataSource.getConnection()) {
            return account(c, "where u.id = ?", id).filter(a -> a.user().active());
        } catch (SQLException e) {
            throw failed("user " + id, e);
        }
    }

    /** The same lookup on the JDBI handle, so that inside a transaction it reads on the transaction's connection. */
    private Optional<Account> account(String where, Object value) {
        try {
            return jdbi.withHandle(h -> account(h.getConnection(), where, value));
        } catch (SQLException e) {
            throw failed(where, e);
        }
    }

    /** A failed read; the JDBC exception stays the cause, so a connection that failed is still answered 503. */
    private static IllegalStateException failed(String which, SQLException e) {
        return new IllegalStateException("reading the account " + which + " failed: " + e.getMessage(), e);
    }

    /** The account a query of {@link #SELECT} ending in {@code where} finds for {@code value}, with its roles. */
    private static Optional<Account> account(Connection c, String where, Object value) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(SELECT + where)) {
            st.setObject(1, value);
            try (ResultSet rs = st.executeQuery()) {
                User found = null;
                Map<String, Role> held = new LinkedHashMap<>();
                while (rs.next()) {
                    if (found == null) {
                        found = user(rs);
                    }
                    String role = rs.getString(ROLE_NAME);
                    if (role != null) {
                        held.put(role, new Role(role, Rows.scopes(rs.getString(ROLE_SCOPES))));
                    }
                }
                return found == null
                        ? Optional.empty()
                        : Optional.of(new Account(withRoles(found, held.keySet()), Map.copyOf(held)));
            }
        }
    }

    /**
     * The users a query of {@link #SELECT} finds, in its order, each with its roles: one query for a whole page, where
     * one per user made the admin's page of 25 users 26 queries.
     */
    private List<User> users(java.util.function.Function<Handle, Query> query) {
        return jdbi.withHandle(h -> {
            Map<Long, User> found = new LinkedHashMap<>();
            Map<Long, Set<String>> held = new HashMap<>();
            query.apply(h)
                    .map((rs, ctx) -> {
                        User user = found.get(rs.getLong(1));
                        if (user == null) {
                            user = user(rs);
                            found.put(user.id(), user);
                        }
                        String role = rs.getString(ROLE_NAME);
                        if (role != null) {
                            held.computeIfAbsent(user.id(), id -> new java.util.LinkedHashSet<>())
                                    .add(role);
                        }
                        return role;
                    })
                    .list();
            return found.values().stream()
                    .map(u -> withRoles(u, held.getOrDefault(u.id(), Set.of())))
                    .toList();
        });
    }

    private static User withRoles(User u, Set<String> roles) {
        return new User(
                u.id(),
                u.publicId(),
                u.username(),
                u.email(),
                u.active(),
                u.staff(),
                u.superuser(),
                u.defaultRole(),
                roles,
                u.authEpoch(),
                u.createdAt(),
                u.lastLogin());
    }

    /** The user of a row of {@link #SELECT}, read by position (a label is a lookup per column and row). */
    private static User user(ResultSet rs) throws SQLException {
        return new User(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getBoolean(5),
                rs.getBoolean(6),
                rs.getBoolean(7),
                Optional.ofNullable(rs.getString(8)),
                Set.of(),
                rs.getLong(9),
                Rows.instant(rs, 10).orElseThrow(),
                Rows.instant(rs, 11));
    }
}
