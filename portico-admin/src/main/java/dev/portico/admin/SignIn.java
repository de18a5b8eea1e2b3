package dev.portico.admin;

import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.accounts.User;
import dev.portico.http.Request;
import dev.portico.http.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signing in and out, and the index. Only an active staff account may sign in here (Django's
 * {@code AdminAuthenticationForm}), with Django's sentence for every refusal, so the page does not tell which of
 * "wrong password" and "not staff" it was. Signing in is portico-auth's session login: a new session id and a
 * new CSRF secret.
 */
final class SignIn {
    static final String REFUSED = "Please enter the correct username and password for a staff account. Note that "
            + "both fields may be case-sensitive.";
    private final Site site;
    private final Accounts accounts;

    SignIn(Site site, Accounts accounts) {
        this.site = site;
        this.accounts = accounts;
    }

    Response form(Request request) {
        if (Staff.of(request).isPresent()) {
            return Pages.seeOther(next(request.query("next").orElse("")));
        }
        return page(request, 200, "", Optional.empty(), request.query("next").orElse(""));
    }

    Response login(Request request) {
        Map<String, String> fields = Site.fields(request);
        String username = fields.getOrDefault("username", "");
        String next = fields.getOrDefault("next", "");
        Optional<User> user = accounts.users()
                .authenticate(request, username, fields.getOrDefault("password", ""))
                .filter(u -> u.active() && u.staff());
        if (user.isEmpty()) {
            return page(request, 400, username, Optional.of(REFUSED), next);
        }
        site.sessions.login(request, user.get());
        return Pages.seeOther(next(next));
    }

    Response logout(Request request) {
        site.sessions.logout(request);
        return Pages.seeOther(site.prefix + "login/");
    }

    Response index(Request request) throws Exception {
        Map<String, Object> scope = site.scope(request, "Site administration", null);
        List<Map<String, Object>> models = new ArrayList<>();
        for (Registered<?> m : site.models) {
            models.add(Map.of(
                    "plural",
                    Labels.humanise(m.plural),
                    "url",
                    site.prefix + m.slug + "/",
                    "addUrl",
                    m.addForm.isPresent() ? site.prefix + m.slug + "/add/" : "",
                    "canAdd",
                    m.addForm.isPresent(),
                    "name",
                    m.name));
        }
        scope.put("cards", models);
        List<Map<String, Object>> recent = new ArrayList<>();
        for (LogEntry e : site.log.recent(10)) {
            recent.add(Map.of(
                    "label",
                    e.objectLabel(),
                    "action",
                    e.action(),
                    "user",
                    e.username(),
                    "time",
                    e.time().toString(),
                    "shown",
                    Registered.show(e.time()),
                    "type",
                    e.objectType(),
                    "url",
                    e.action().equals(LogEntry.DELETED)
                            ? ""
                            : site.prefix + e.objectType() + "/" + e.objectId() + "/change/"));
        }
        scope.put("recent", recent);
        return site.pages.render(200, "index", scope);
    }

    /** Where to go after signing in: a page of the admin only (never another site: no open redirect). */
    private String next(String next) {
        return next.startsWith(site.prefix) && !next.contains("//") && !next.contains("\\") ? next : site.prefix;
    }

    private Response page(Request request, int status, String username, Optional<String> error, String next) {
        Map<String, Object> scope = site.scope(request, "Log in", null);
        scope.remove("user");
        scope.put("username", username);
        scope.put("next", next);
        error.ifPresent(e -> scope.put("error", e));
        Staff.signedIn(request).filter(u -> !u.staff()).ifPresent(u -> scope.put("notStaff", u.username()));
        return site.pages.render(status, "login", scope);
    }
}
