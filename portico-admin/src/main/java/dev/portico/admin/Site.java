package dev.portico.admin;

import dev.portico.auth.accounts.User;
import dev.portico.auth.session.Sessions;
import dev.portico.error.ApiException;
import dev.portico.http.FormData;
import dev.portico.http.HttpMethod;
import dev.portico.http.Middleware;
import dev.portico.http.Request;
import dev.portico.http.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every page shares: the site's name and prefix, the registered models, the templates, the CSRF token, and the
 * two middlewares of every staff page (the staff check, asked again on every request, and errors shown as pages).
 */
final class Site {
    final String prefix;
    final String title;
    final Sessions sessions;
    final Pages pages;
    final AuditLog log;
    final List<Registered<?>> models;
    final java.time.Clock clock;

    Site(
            String prefix,
            String title,
            Sessions sessions,
            AuditLog log,
            List<Registered<?>> models,
            java.time.Clock clock) {
        this.prefix = prefix;
        this.title = title;
        this.sessions = sessions;
        this.pages = new Pages();
        this.log = log;
        this.models = List.copyOf(models);
        this.clock = clock;
    }

    /** The scope every template starts from: the site, the user, the navigation and the CSRF token. */
    Map<String, Object> scope(Request request, String pageTitle, String current) {
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("site", title);
        scope.put("prefix", prefix);
        scope.put("pageTitle", pageTitle);
        scope.put("csrf", sessions.csrf().token(request));
        Staff.of(request).ifPresent(u -> scope.put("user", Map.of("username", u.username())));
        List<Map<String, Object>> nav = new ArrayList<>();
        for (Registered<?> m : models) {
            nav.add(Map.of(
                    "url",
                    prefix + m.slug + "/",
                    "plural",
                    Labels.humanise(m.plural),
                    "current",
                    m.slug.equals(current)));
        }
        scope.put("models", nav);
        if (Staff.of(request).filter(User::superuser).isPresent()) {
            scope.put(
                    "accounts",
                    List.of(
                            Map.of(
                                    "url",
                                    prefix + AccountViews.USERS + "/",
                                    "plural",
                                    "Users",
                                    "current",
                                    AccountViews.USERS.equals(current)),
                            Map.of(
                                    "url",
                                    prefix + AccountViews.ROLES + "/",
                                    "plural",
                                    "Roles and scopes",
                                    "current",
                                    AccountViews.ROLES.equals(current))));
            scope.put("hasAccounts", true);
        }
        return scope;
    }

    /**
     * The staff check, run first in every staff handler (after authentication: endpoint middlewares run before it):
     * an anonymous GET is sent to the sign-in page (and back after it), an anonymous POST or a signed-in user who is
     * not staff gets a 403 page.
     */
    dev.portico.endpoint.Invoker staffOnly(dev.portico.endpoint.Invoker handler) {
        return request -> {
            if (Staff.of(request).isPresent()) {
                return handler.invoke(request);
            }
            if (Staff.signedIn(request).isEmpty() && request.method() == HttpMethod.GET) {
                return Pages.seeOther(
                        prefix + "login/?next=" + URLEncoder.encode(request.path(), StandardCharsets.UTF_8));
            }
            String who = Staff.signedIn(request).map(User::username).orElse(null);
            return error(
                    request,
                    403,
                    who == null
                            ? "Sign in with a staff account to use this page."
                            : "You are signed in as " + who + ", but this account is not a staff account.");
        };
    }

    /** For the accounts' pages: a staff member who is also a superuser (these pages make staff). */
    dev.portico.endpoint.Invoker superuserOnly(dev.portico.endpoint.Invoker handler) {
        return staffOnly(request -> Staff.of(request).filter(User::superuser).isPresent()
                ? handler.invoke(request)
                : error(request, 403, "Only superusers manage accounts, roles and API keys."));
    }

    /** Errors below it (a CSRF refusal, a bad filter, a throttle) answered as a page, with their status and headers. */
    Middleware errorsAsPages() {
        return next -> request -> {
            try {
                return next.handle(request);
            } catch (ApiException e) {
                Response page = error(request, e.status(), e.detail());
                e.headers().forEach(page::header);
                return page;
            }
        };
    }

    Response error(Request request, int status, String detail) {
        Map<String, Object> scope = scope(request, status == 403 ? "Forbidden" : "Error " + status, null);
        scope.put("status", status);
        scope.put("detail", detail);
        return pages.render(status, "error", scope);
    }

    static FormData form(Request request) {
        return request.form().orElse(FormData.of(Map.of()));
    }

    /** The posted fields, the first value of each, cut to a length no honest form sends. */
    static Map<String, String> fields(Request request) {
        Map<String, String> out = new LinkedHashMap<>();
        form(request).fields().forEach((name, values) -> {
            String v = values.isEmpty() ? "" : values.getFirst();
            out.put(name, v.length() > 100_000 ? v.substring(0, 100_000) : v);
        });
        return out;
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
