package dev.portico.admin;

import dev.portico.auth.accounts.Caller;
import dev.portico.auth.accounts.User;
import dev.portico.http.Request;
import java.util.Optional;

/**
 * Who may use the admin: a signed-in, active staff member, by a session (never an API key: a leaked key must not
 * reach the admin). Every action asks again, on the server, whatever its page showed.
 */
final class Staff {
    private Staff() {}

    /** The signed-in user acting as themselves by a session, staff or not. */
    static Optional<User> signedIn(Request request) {
        return request.principal()
                .filter(Caller.class::isInstance)
                .map(Caller.class::cast)
                .filter(c -> !c.viaKey() && c.role().isEmpty())
                .map(Caller::user)
                .filter(User::active);
    }

    /** The staff member making the request, if it is one. */
    static Optional<User> of(Request request) {
        return signedIn(request).filter(User::staff);
    }
}
