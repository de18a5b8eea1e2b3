package dev.portico.auth.account;

import dev.portico.endpoint.Endpoint;
import dev.portico.http.HttpMethod;
import java.util.List;

/** dj-rest-auth's {@code user/} and {@code password/} URLs. */
final class UserEndpoints {
    private UserEndpoints() {}

    static List<Endpoint> of(
            AccountEndpoints e, AccountActions actions, PasswordResets resets, AccountOptions options) {
        Endpoint get = e.mine(HttpMethod.GET, "user/")
                .output(UserDetails.class)
                .handle(actions::user)
                .operationId("retrieveCurrentUser")
                .summary("Get the logged-in user")
                .build();
        Endpoint put = e.mine(HttpMethod.PUT, "user/")
                .output(UserDetails.class)
                .body(UserUpdate.class)
                .<UserUpdate>handleBody(actions::replace)
                .operationId("updateCurrentUser")
                .summary("Change the logged-in user's username, email and names")
                .build();
        Endpoint patch = e.mine(HttpMethod.PATCH, "user/")
                .output(UserDetails.class)
                .body(PatchedUserDetails.class)
                .<PatchedUserDetails>handleBody(actions::update)
                .operationId("partialUpdateCurrentUser")
                .summary("Change some of the logged-in user's username, email and names")
                .description("A new email address is unconfirmed until its verification e-mail is followed.")
                .build();
        Endpoint change = e.guessed(e.mine(HttpMethod.POST, "password/change/"))
                .output(RestAuthDetail.class)
                .body(PasswordChange.class)
                .<PasswordChange>handleBody(actions::changePassword)
                .operationId("changePassword")
                .summary("Change the password")
                .description((options.oldPasswordRequired() ? "Needs old_password. " : "old_password is not needed. ")
                        + "Ends every other session and token of the user; this session goes on with a new id.")
                .build();
        Endpoint reset = e.guessed(e.open(HttpMethod.POST, "password/reset/"))
                .output(RestAuthDetail.class)
                .body(PasswordResetRequest.class)
                .<PasswordResetRequest>handleBody((request, in) -> resets.request(in))
                .operationId("requestPasswordReset")
                .summary("Ask for a password-reset e-mail")
                .description("Always answers that the e-mail was sent, whether or not the address has an account.")
                .build();
        Endpoint confirm = e.guessed(e.open(HttpMethod.POST, "password/reset/confirm/"))
                .output(RestAuthDetail.class)
                .body(PasswordResetConfirm.class)
                .<PasswordResetConfirm>handleBody((request, in) -> resets.confirm(in))
                .operationId("confirmPasswordReset")
                .summary("Set a new password with the link of a reset e-mail")
                .description("The link works once, until it expires or the user logs in or changes the password. "
                        + "Ends every session and token of the user"
                        + (options.resetRevokesKeys() ? ", and revokes their API keys." : "."))
                .build();
        return List.of(get, put, patch, change, reset, confirm);
    }
}
