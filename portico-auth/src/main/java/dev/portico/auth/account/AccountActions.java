package dev.portico.auth.account;

import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.accounts.Caller;
import dev.portico.auth.accounts.NewUser;
import dev.portico.auth.accounts.PasswordValidators;
import dev.portico.auth.accounts.User;
import dev.portico.auth.accounts.Users;
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

    private final Users users;
    private final Sessions sessions;
    private final Optional<Tokens> tokens;

    AccountActions(Accounts accounts, Sessions sessions, Optional<Tokens> tokens) {
        this.users = accounts.users();
        this.sessions = sessions;
        this.tokens = tokens;
    }

    CsrfToken csrf(Request request) {
        return new CsrfToken(sessions.csrf().token(request));
    }

    UserDetails register(Request request, Register in) {
        List<String> problems = users.passwordProblems(in.password1(),
                PasswordValidators.attributes(in.username(), in.email().orElse("")));
        if (!problems.isEmpty()) {
            throw new ValidationFailed(Map.of("password1", problems));
        }
        if (!in.password1().equals(in.password2())) {
            throw ValidationFailed.of("non_field_errors", MISMATCH);
        }
        User user;
        try {
            user = users.create(NewUser.of(in.username(), in.email().orElse(""), in.password1()));
        } catch (ValidationFailed e) {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            e.errors().forEach((field, messages) -> errors.put(field.equals("password") ? "password1" : field, messages));
            throw new ValidationFailed(errors);
        }
        sessions.login(request, user);   // dj-rest-auth logs the new account in when no email verification is asked
        return UserDetails.of(user);
    }

    UserDetails login(Request request, Login in) {
        User user = sessions.login(request, in.username(), in.password())
                .orElseThrow(() -> ValidationFailed.of("non_field_errors", Sessions.BAD_LOGIN));
        return UserDetails.of(user);
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
        return UserDetails.of(caller(request).user());
    }

    UserDetails update(Request request, PatchedUserDetails in) {
        return UserDetails.of(users.updateProfile(caller(request).user().id(), in.username(), in.email()));
    }

    RestAuthDetail changePassword(Request request, PasswordChange in) {
        User user = caller(request).user();
        if (!users.checkPassword(request, user, in.oldPassword())) {
            throw ValidationFailed.of("old_password", WRONG_OLD);
        }
        if (!in.newPassword1().equals(in.newPassword2())) {
            throw ValidationFailed.of("new_password2", MISMATCH);
        }
        List<String> problems = users.passwordProblems(in.newPassword2(), PasswordValidators.attributes(user));
        if (!problems.isEmpty()) {
            throw new ValidationFailed(Map.of("new_password2", problems));
        }
        users.setPassword(user.id(), in.newPassword1());   // raises the epoch: every other session and token ends
        if (sessions.current(request).isPresent()) {
            sessions.reissue(request, user);              // Django's update_session_auth_hash: this one goes on
        }
        return new RestAuthDetail("New password has been saved.");
    }

    /** The account of the caller; an authenticated caller of another kind (not a user) may not use these endpoints. */
    private static Caller caller(Request request) {
        return request.principal().filter(Caller.class::isInstance).map(Caller.class::cast)
                .orElseThrow(PermissionDenied::new);
    }
}
