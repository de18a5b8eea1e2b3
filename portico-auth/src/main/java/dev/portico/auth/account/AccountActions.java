package dev.portico.auth.account;

import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.accounts.Caller;
import dev.portico.auth.accounts.NewUser;
import dev.portico.auth.accounts.PasswordValidators;
import dev.portico.auth.accounts.User;
import dev.portico.auth.accounts.Users;
import dev.portico.auth.jwt.TokenPair;
import dev.portico.auth.jwt.Tokens;
import dev.portico.auth.session.Sessions;
import dev.portico.error.PermissionDenied;
import dev.portico.error.ValidationFailed;
import dev.portico.http.Request;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the account endpoints do, with dj-rest-auth's and Django's sentences; the wiring is {@link AccountEndpoints}. */
final class AccountActions {
    static final String LOGGED_OUT = "Successfully logged out.";
    static final String MISMATCH = "The two password fields didn’t match.";
    static final String WRONG_OLD = "Your old password was entered incorrectly. Please enter it again.";
    static final String NOT_VERIFIED = "E-mail is not verified.";
    static final String VERIFICATION_SENT = "Verification e-mail sent.";
    static final String TAKEN = "A user is already registered with this e-mail address.";
    static final String MUST_INCLUDE = "Must include either \"username\" or \"email\" and \"password\".";
    /** No username is this (none may hold a space), so a login by an unknown address costs a decoy hash. */
    private static final String NO_SUCH_USER = " ";

    private final Users users;
    private final Sessions sessions;
    private final Profiles profiles;
    private final Optional<Tokens> tokens;
    private final AccountOptions options;
    private final EmailVerifications verifications;

    AccountActions(
            Accounts accounts,
            Sessions sessions,
            Profiles profiles,
            Optional<Tokens> tokens,
            AccountOptions options,
            EmailVerifications verifications) {
        this.users = accounts.users();
        this.sessions = sessions;
        this.profiles = profiles;
        this.tokens = tokens;
        this.options = options;
        this.verifications = verifications;
    }

    CsrfToken csrf(Request request) {
        return new CsrfToken(sessions.csrf().token(request));
    }

    /**
     * A new account, logged in (a session, and tokens with JWT on) unless its address must be confirmed first; the
     * verification e-mail goes out unless verification is off.
     */
    Object register(Request request, Register in) {
        List<String> problems = users.passwordProblems(
                in.password1(),
                PasswordValidators.attributes(in.username(), in.email().orElse("")));
        if (!problems.isEmpty()) {
            throw new ValidationFailed(Map.of("password1", problems));
        }
        if (!in.password1().equals(in.password2())) {
            throw ValidationFailed.of("non_field_errors", MISMATCH);
        }
        String email = in.email().map(String::strip).orElse("");
        if (options.mandatory() && email.isEmpty()) {
            throw ValidationFailed.of("email", "This field is required."); // allauth: mandatory needs an address
        }
        if (!email.isEmpty() && profiles.holders(email).stream().anyMatch(Profiles.Holder::emailVerified)) {
            throw ValidationFailed.of("email", TAKEN); // dj-rest-auth's check: a confirmed address only
        }
        User user;
        try {
            user = users.create(NewUser.of(in.username(), email, in.password1()));
        } catch (ValidationFailed e) {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            e.errors()
                    .forEach((field, messages) -> errors.put(field.equals("password") ? "password1" : field, messages));
            throw new ValidationFailed(errors);
        }
        verifications.sendOnRegistration(user);
        if (options.mandatory()) {
            return new RestAuthDetail(VERIFICATION_SENT); // dj-rest-auth logs no one in before the confirmation
        }
        sessions.login(request, user);
        return answer(user);
    }

    /** A login by username or address: a new session, and tokens with JWT on. */
    Object login(Request request, Login in) {
        User user = authenticate(request, in)
                .orElseThrow(() -> ValidationFailed.of("non_field_errors", Sessions.BAD_LOGIN));
        if (options.mandatory() && !profiles.find(user.id()).emailVerified()) {
            throw ValidationFailed.of("non_field_errors", NOT_VERIFIED);
        }
        sessions.login(request, user);
        return answer(user);
    }

    private Optional<User> authenticate(Request request, Login in) {
        Optional<String> email = in.email().filter(e -> !e.isBlank());
        if (email.isPresent()) {
            List<Profiles.Holder> holders = profiles.holders(Addresses.require("email", email.get()));
            // an address shared by two accounts names neither (Django's get() would fail): a wrong login, same cost
            String username = holders.size() == 1 ? holders.get(0).username() : NO_SUCH_USER;
            return users.authenticate(request, username, in.password());
        }
        Optional<String> username = in.username().filter(u -> !u.isBlank());
        if (username.isEmpty()) {
            throw ValidationFailed.of("non_field_errors", MUST_INCLUDE);
        }
        return users.authenticate(request, username.get(), in.password());
    }

    /** With JWT on and tokens given, dj-rest-auth's {@code JWTSerializer}; otherwise the user alone. */
    private Object answer(User user) {
        UserDetails details = UserDetails.of(user, profiles.find(user.id()));
        if (options.jwtResponses() && tokens.isPresent()) {
            TokenPair pair = tokens.get().obtain(user);
            return new JwtLogin(pair.access(), pair.refresh(), details);
        }
        return details;
    }

    /**
     * dj-rest-auth's logout: the session ends, and a refresh token sent as {@code refresh} is blacklisted with its
     * whole family (when the endpoints know the {@link Tokens}); an invalid one is a 401 after the session ended.
     */
    RestAuthDetail logout(Request request) {
        Optional<String> refresh = LogoutRequest.refresh(request);
        sessions.logout(request);
        if (refresh.isPresent() && tokens.isPresent()) {
            tokens.get().revoke(refresh.get());
        }
        return new RestAuthDetail(LOGGED_OUT);
    }

    /**
     * Ends every session and token of the caller at once (the epoch raised, their session rows deleted), this
     * request's session included, and answers as logout does.
     */
    RestAuthDetail logoutEverywhere(Request request) {
        long id = caller(request).user().id();
        users.endAllSessions(id);
        sessions.endAll(id);
        sessions.logout(request);
        return new RestAuthDetail(LOGGED_OUT);
    }

    UserDetails user(Request request) {
        User user = caller(request).user();
        return UserDetails.of(user, profiles.find(user.id()));
    }

    UserDetails replace(Request request, UserUpdate in) {
        return update(request, in.patch());
    }

    UserDetails update(Request request, PatchedUserDetails in) {
        User before = caller(request).user();
        User after = users.updateProfile(before.id(), in.username(), in.email());
        profiles.updateNames(after.id(), in.firstName(), in.lastName());
        if (!after.email().equalsIgnoreCase(before.email())) {
            profiles.unverify(after.id()); // allauth confirms each address: a new one is unconfirmed
        }
        return UserDetails.of(after, profiles.find(after.id()));
    }

    RestAuthDetail changePassword(Request request, PasswordChange in) {
        User user = caller(request).user();
        if (options.oldPasswordRequired()) {
            String old =
                    in.oldPassword().orElseThrow(() -> ValidationFailed.of("old_password", "This field is required."));
            if (!users.checkPassword(request, user, old)) {
                throw ValidationFailed.of("old_password", WRONG_OLD);
            }
        }
        if (!in.newPassword1().equals(in.newPassword2())) {
            throw ValidationFailed.of("new_password2", MISMATCH);
        }
        List<String> problems = users.passwordProblems(in.newPassword2(), PasswordValidators.attributes(user));
        if (!problems.isEmpty()) {
            throw new ValidationFailed(Map.of("new_password2", problems));
        }
        users.setPassword(user.id(), in.newPassword1()); // raises the epoch: every other session and token ends
        if (sessions.current(request).isPresent()) {
            sessions.reissue(request, user); // Django's update_session_auth_hash: this one goes on
        }
        return new RestAuthDetail("New password has been saved.");
    }

    /** The account of the caller; an authenticated caller of another kind (not a user) may not use these endpoints. */
    static Caller caller(Request request) {
        return request.principal()
                .filter(Caller.class::isInstance)
                .map(Caller.class::cast)
                .orElseThrow(PermissionDenied::new);
    }
}
