package dev.portico.auth.browsable;

import com.github.mustachejava.Mustache;
import dev.portico.auth.page.Pages;
import dev.portico.auth.session.Sessions;
import dev.portico.http.FormData;
import dev.portico.http.Request;
import dev.portico.http.Response;
import java.util.Map;

/**
 * The browsable API's log in and log out (DRF's {@code /api-auth/login/} and {@code logout/}), on portico-auth's
 * session: a form of username and password that comes back to the page it was opened from ({@code next}, a path of
 * this site only, so it cannot send a user elsewhere), and a log out that is a POST with the CSRF token, never a GET
 * a link on another site could trigger.
 */
final class LoginPages {
    private static final Mustache TEMPLATE = Pages.template("dev/portico/auth/browsable/login.mustache");

    private final Sessions sessions;
    private final Chrome chrome;

    LoginPages(Sessions sessions, Chrome chrome) {
        this.sessions = sessions;
        this.chrome = chrome;
    }

    /** GET login/: the form. */
    Response form(Request request) {
        return page(request, 200, next(request.query("next").orElse("")), "", null);
    }

    /** POST login/ (its CSRF token checked by {@code Csrf.protect()}): a session, then back; 400 and the form if not. */
    Response login(Request request) {
        FormData form = request.form().orElse(FormData.of(Map.of()));
        String username = form.first("username").orElse("");
        String next = next(form.first("next").orElse(""));
        if (sessions.login(request, username, form.first("password").orElse("")).isEmpty()) {
            return page(request, 400, next, username, Sessions.BAD_LOGIN);
        }
        return seeOther(next);
    }

    /** POST logout/ (the session authenticator checked its CSRF token): the session ended, then back. */
    Response logout(Request request) {
        sessions.logout(request);
        return seeOther(next(request.form().flatMap(f -> f.first("next")).orElse("")));
    }

    private Response page(Request request, int status, String next, String username, String error) {
        Map<String, Object> scope = chrome.scope(request, sessions.csrf().token(request));
        scope.remove("user");
        scope.put("next", next);
        scope.put("username", username);
        scope.put("action", chrome.prefix() + "login/");
        if (error != null) {
            scope.put("error", error);
        }
        return Pages.page(status, Pages.render(TEMPLATE, scope));
    }

    private static Response seeOther(String location) {
        return Response.of(303).header("Location", location).header("Cache-Control", "no-store");
    }

    /** A path of this site ({@code /api/posts/?page=2}); anything else, or nothing, is the site's home. */
    private String next(String next) {
        boolean local = next.startsWith("/")
                && !next.startsWith("//")
                && next.length() <= 2000
                && next.chars().noneMatch(c -> c <= ' ' || c == '\\' || c == 0x7f);
        return local ? next : chrome.home();
    }
}
