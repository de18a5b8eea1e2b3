package dev.portico.auth.account;

import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.accounts.Caller;
import dev.portico.auth.accounts.NewUser;
import dev.portico.auth.accounts.User;
import dev.portico.auth.accounts.Users;
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

    AccountActions(Accounts accounts, Sessions sessions) {
        this.users = accounts.users();
        this.sessions = sessions;
    }

    CsrfToken csrf(Request request) {
        return new CsrfToken(sessions.csrf().token(request));
    }

    UserDetails register(Request request, Register in) {
        Optional<String> problem = users.passwordProblem(in.password1(), in.username());
        if (problem.isPresent()) {
            throw ValidationFailed.of("password1", problem.get());
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

    RestAuthDetail logout(Request request) {
        sessions.logout(request);
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
        if (!users.checkPassword(user.id(), in.oldPassword())) {
            throw ValidationFailed.of("old_password", WRONG_OLD);
        }
        if (!in.newPassword1().equals(in.newPassword2())) {
            throw ValidationFailed.of("new_password2", MISMATCH);
        }
        Optional<String> problem = users.passwordProblem(in.newPassword2(), user.username());
        if (problem.isPresent()) {
            throw ValidationFailed.of("new_password2", problem.get());
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
