package dev.portico.auth.web;

import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.accounts.Caller;
import dev.portico.auth.accounts.User;
import dev.portico.auth.keys.ApiKey;
import dev.portico.auth.keys.ApiKeys;
import dev.portico.auth.keys.CreatedApiKey;
import dev.portico.auth.session.Sessions;
import dev.portico.error.ValidationFailed;
import dev.portico.http.FormData;
import dev.portico.http.Request;
import dev.portico.http.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the pages do; {@link KeysPages} wires them. Only a session signs in here (never an API key: a leaked key
 * must not be able to make more), and every POST that acts for a user is authenticated by the session, whose
 * authenticator has already checked its CSRF token; the sign-in form is checked by {@code Csrf.protect()}.
 */
final class KeysActions {
    private static final int FIELD_MAX = 1000;

    private final ApiKeys keys;
    private final Sessions sessions;
    private final Clock clock;
    private final KeysView view;
    private final String prefix;

    KeysActions(Accounts accounts, ApiKeys keys, Sessions sessions, KeysView view, String prefix) {
        this.keys = keys;
        this.sessions = sessions;
        this.clock = accounts.clock();
        this.view = view;
        this.prefix = prefix;
    }

    /** GET: the caller's keys, or the sign-in form. {@code ?revoked=<key id>} names a key just revoked. */
    Response show(Request request) {
        Optional<User> user = user(request);
        if (user.isEmpty()) {
            return Html.page(200, view.signIn(token(request), "", Optional.empty()));
        }
        Optional<ApiKey> revoked = request.query("revoked")
                .flatMap(keys::find)
                .filter(k -> k.userId() == user.get().id() && k.revoked());
        return listPage(request, user.get(), 200, Optional.empty(), revoked, KeysView.Entered.NONE);
    }

    /** POST login/: a session for the username and password, then back to the list; the form again if refused. */
    Response login(Request request) {
        FormData form = form(request);
        String username = field(form, "username");
        if (sessions.login(request, username, form.first("password").orElse("")).isEmpty()) {
            return Html.page(400, view.signIn(token(request), username, Optional.of(Sessions.BAD_LOGIN)));
        }
        return Html.seeOther(prefix);
    }

    /** POST logout/: the session ended (if any), then the sign-in form. */
    Response logout(Request request) {
        sessions.logout(request);
        return Html.seeOther(prefix);
    }

    /**
     * POST create/: makes the key and answers with the page that shows its secret, the only time it is ever
     * shown: in this response's body, never in a URL (no redirect), and with {@code no-store}.
     */
    Response create(Request request) {
        Optional<User> user = user(request);
        if (user.isEmpty()) {
            return Html.seeOther(prefix);
        }
        FormData form = form(request);
        KeysView.Entered entered = new KeysView.Entered(
                field(form, "name").strip(),
                field(form, "expires_on").strip(),
                field(form, "role").strip(),
                Map.of());
        try {
            CreatedApiKey made = keys.create(
                    user.get().id(),
                    entered.name(),
                    expiry(entered.expiresOn()),
                    Optional.of(entered.role()).filter(r -> !r.isEmpty()));
            return listPage(request, user.get(), 201, Optional.of(made), Optional.empty(), KeysView.Entered.NONE);
        } catch (ValidationFailed e) {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            e.errors()
                    .forEach((field, sentences) ->
                            errors.put(field.equals("expires_at") ? "expires_on" : field, sentences));
            KeysView.Entered again = new KeysView.Entered(entered.name(), entered.expiresOn(), entered.role(), errors);
            return listPage(request, user.get(), 400, Optional.empty(), Optional.empty(), again);
        }
    }

    /** POST {key}/revoke/: one of the caller's own keys revoked; 404 for anyone else's, as for a key that is not. */
    Response revoke(Request request) {
        Optional<User> user = user(request);
        if (user.isEmpty()) {
            return Html.seeOther(prefix);
        }
        ApiKey key = keys.revoke(user.get().id(), request.pathParam("key"));
        return Html.seeOther(prefix + "?revoked=" + key.keyId()); // a key id is public; a secret never goes here
    }

    private Response listPage(
            Request request,
            User user,
            int status,
            Optional<CreatedApiKey> created,
            Optional<ApiKey> revoked,
            KeysView.Entered entered) {
        KeysView.ListPage page = new KeysView.ListPage(
                user, keys.list(user.id()), clock.instant(), token(request), created, revoked, entered);
        return Html.page(status, view.list(page));
    }

    /** The expiry of a {@code yyyy-mm-dd} date: 00:00 UTC that day; empty for no date. */
    private static Optional<Instant> expiry(String date) {
        if (date.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            throw ValidationFailed.of("expires_at", "Enter a valid date.");
        }
    }

    /** The signed-in user: a session's caller acting as themselves (the pages admit no other authenticator). */
    private static Optional<User> user(Request request) {
        return request.principal()
                .filter(Caller.class::isInstance)
                .map(Caller.class::cast)
                .filter(c -> !c.viaKey())
                .map(Caller::user);
    }

    private String token(Request request) {
        return sessions.csrf().token(request);
    }

    private static FormData form(Request request) {
        return request.form().orElse(FormData.of(Map.of()));
    }

    /** A field's first value, cut to a length no honest form sends, as it may be shown again in the page. */
    private static String field(FormData form, String name) {
        String value = form.first(name).orElse("");
        return value.length() > FIELD_MAX ? value.substring(0, FIELD_MAX) : value;
    }
}
