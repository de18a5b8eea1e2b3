package dev.portico.admin;

import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.accounts.Role;
import dev.portico.auth.accounts.User;
import dev.portico.auth.keys.ApiKey;
import dev.portico.auth.keys.ApiKeys;
import dev.portico.auth.keys.CreatedApiKey;
import dev.portico.error.NotFound;
import dev.portico.error.ValidationFailed;
import dev.portico.http.Request;
import dev.portico.http.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The accounts, out of the box (Django's {@code auth} admin): users (active, staff, roles, a new password, ending
 * every session), their API keys (name, expiry, role; revoke; the secret shown once, in the answer to the POST that
 * made it) and the roles with their scopes. Superusers only: these pages make staff. Each action is logged.
 */
final class AccountViews {
    static final String USERS = "users";
    static final String ROLES = "roles";
    private final Site site;
    private final Accounts accounts;
    private final ApiKeys keys;

    AccountViews(Site site, Accounts accounts) {
        this.site = site;
        this.accounts = accounts;
        this.keys = ApiKeys.create(accounts);
    }

    /** The users matching the search, a page at a time: searched and counted in SQL, never all loaded. */
    Response users(Request request) {
        String search = request.query("search").orElse("").strip();
        long count = accounts.users().count(search);
        long last = Math.max(1, (count + Registered.PAGE_SIZE - 1) / Registered.PAGE_SIZE);
        long page = pageNumber(request.query("page").orElse("1"), last);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (User u :
                accounts.users().search(search, (int) ((page - 1) * Registered.PAGE_SIZE), Registered.PAGE_SIZE)) {
            rows.add(Map.of(
                    "username",
                    u.username(),
                    "email",
                    u.email().isEmpty() ? "—" : u.email(),
                    "active",
                    yes(u.active()),
                    "staff",
                    yes(u.staff()),
                    "superuser",
                    yes(u.superuser()),
                    "roles",
                    u.roles().isEmpty() ? "—" : String.join(", ", new TreeSet<>(u.roles())),
                    "lastLogin",
                    u.lastLogin().map(Registered::show).orElse("never"),
                    "url",
                    site.prefix + USERS + "/" + u.id() + "/"));
        }
        Map<String, Object> scope = site.scope(request, "Users", USERS);
        scope.put("rows", rows);
        scope.put("count", count);
        scope.put("search", search);
        List<Map<String, Object>> pages = new ArrayList<>();
        for (long n = 1; last > 1 && n <= last; n++) {
            if (n == 1 || n == last || Math.abs(n - page) <= 2) {
                pages.add(Map.of(
                        "number",
                        n,
                        "current",
                        n == page,
                        "url",
                        site.prefix + USERS + "/?" + (search.isEmpty() ? "" : "search=" + Site.encode(search) + "&")
                                + "page=" + n));
            }
        }
        scope.put("pages", pages);
        scope.put("hasPages", !pages.isEmpty());
        request.query("done").ifPresent(d -> scope.put("done", d));
        return site.pages.render(200, "users", scope);
    }

    private static long pageNumber(String text, long last) {
        try {
            return Math.min(last, Math.max(1, Long.parseLong(text)));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    Response account(Request request) {
        return userPage(request, 200, user(request), Optional.empty(), Map.of());
    }

    /** POST: active, staff and the roles held, as ticked; written with its audit entry in one transaction. */
    Response change(Request request) {
        User u = user(request);
        String message = log(request, u, () -> applyChange(request, u), m -> m);
        return Pages.seeOther(site.prefix + USERS + "/" + u.id() + "/?done=" + Site.encode(message));
    }

    /** Writes what the form changed; answers Django's change message. */
    private String applyChange(Request request, User u) {
        Map<String, String> fields = Site.fields(request);
        List<String> changes = new ArrayList<>();
        boolean active = fields.containsKey("active");
        boolean staff = fields.containsKey("staff");
        if (active != u.active()) {
            accounts.users().setActive(u.id(), active);
            changes.add(active ? "activated" : "deactivated");
        }
        if (staff != u.staff()) {
            accounts.users().setStaff(u.id(), staff);
            changes.add(staff ? "made staff" : "no longer staff");
        }
        Set<String> ticked = new TreeSet<>(Site.form(request).all("roles"));
        for (Role r : accounts.roles().all()) {
            if (ticked.contains(r.name()) && !u.roles().contains(r.name())) {
                accounts.users().grant(u.id(), r.name());
                changes.add("given role " + r.name());
            } else if (!ticked.contains(r.name()) && u.roles().contains(r.name())) {
                accounts.users().revoke(u.id(), r.name());
                changes.add("role " + r.name() + " taken away");
            }
        }
        return changes.isEmpty() ? "No fields changed." : capital(String.join(", ", changes)) + ".";
    }

    /** POST password/: a new password (the validators' sentences beside the field); every session ends. */
    Response password(Request request) {
        User u = user(request);
        Map<String, String> fields = Site.fields(request);
        String one = fields.getOrDefault("password1", "");
        if (!one.equals(fields.getOrDefault("password2", ""))) {
            return userPage(
                    request,
                    400,
                    u,
                    Optional.empty(),
                    Map.of("password2", List.of("The two password fields didn’t match.")));
        }
        try {
            log(
                    request,
                    u,
                    () -> {
                        accounts.users().setPassword(u.id(), one);
                        return null;
                    },
                    none -> "Changed password.");
        } catch (ValidationFailed e) {
            return userPage(
                    request,
                    400,
                    u,
                    Optional.empty(),
                    Map.of(
                            "password1",
                            e.errors().values().stream().flatMap(List::stream).toList()));
        }
        return Pages.seeOther(site.prefix + USERS + "/" + u.id() + "/?done="
                + Site.encode(
                        "The password was changed; " + "every session and token of " + u.username() + " has ended."));
    }

    /** POST sessions/: logout everywhere. */
    Response endSessions(Request request) {
        User u = user(request);
        log(
                request,
                u,
                () -> {
                    accounts.users().endAllSessions(u.id());
                    return null;
                },
                none -> "Ended every session.");
        return Pages.seeOther(site.prefix + USERS + "/" + u.id() + "/?done="
                + Site.encode("Every session and token of " + u.username() + " has ended."));
    }

    /** POST keys/: a new key for the user; its secret is in this answer's body only (201), never again. */
    Response createKey(Request request) {
        User u = user(request);
        Map<String, String> fields = Site.fields(request);
        String name = fields.getOrDefault("name", "").strip();
        String role = fields.getOrDefault("role", "").strip();
        try {
            Optional<java.time.Instant> expires =
                    expiry(fields.getOrDefault("expires_on", "").strip());
            CreatedApiKey made = log(
                    request,
                    u,
                    () -> keys.create(u.id(), name, expires, Optional.of(role).filter(r -> !r.isEmpty())),
                    k -> "Added API key " + k.key().keyId() + " “" + name + "”.");
            return userPage(request, 201, u, Optional.of(made), Map.of());
        } catch (ValidationFailed e) {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            e.errors().forEach((f, s) -> errors.put(f.equals("expires_at") ? "expires_on" : "key_" + f, s));
            return userPage(request, 400, u, Optional.empty(), errors);
        }
    }

    /** POST keys/{key}/revoke/: one of this user's keys revoked. */
    Response revokeKey(Request request) {
        User u = user(request);
        ApiKey key = log(
                request,
                u,
                () -> keys.revoke(u.id(), request.pathParam("key")),
                k -> "Revoked API key " + k.keyId() + ".");
        return Pages.seeOther(site.prefix + USERS + "/" + u.id() + "/?done="
                + Site.encode("The API key " + key.keyId() + " was revoked."));
    }

    Response roles(Request request) {
        return rolesPage(request, 200, Map.of(), "", "");
    }

    /** POST: defines a role, or replaces the scopes of one (space-separated). */
    Response defineRole(Request request) {
        Map<String, String> fields = Site.fields(request);
        String name = fields.getOrDefault("name", "").strip();
        String scopes = fields.getOrDefault("scopes", "").strip();
        try {
            Set<String> set = scopes.isEmpty() ? Set.of() : Set.of(scopes.split("\\s+"));
            site.log.recordWith(
                    ObjectViews.user(request),
                    ROLES,
                    name,
                    name,
                    () -> {
                        accounts.roles().define(name, set);
                        return null;
                    },
                    none -> "Scopes: " + scopes + ".");
        } catch (ValidationFailed | IllegalArgumentException e) {
            Map<String, List<String>> errors =
                    e instanceof ValidationFailed v ? v.errors() : Map.of("scopes", List.of("Name each scope once."));
            return rolesPage(request, 400, errors, name, scopes);
        }
        return Pages.seeOther(site.prefix + ROLES + "/?done=" + Site.encode("The role “" + name + "” was saved."));
    }

    private Response rolesPage(
            Request request, int status, Map<String, List<String>> errors, String name, String scopes) {
        Map<String, Object> scope = site.scope(request, "Roles", ROLES);
        scope.put(
                "roles",
                accounts.roles().all().stream()
                        .map(r -> Map.of(
                                "name",
                                r.name(),
                                "scopes",
                                r.scopes().isEmpty() ? "—" : String.join(" ", new TreeSet<>(r.scopes()))))
                        .toList());
        scope.put("name", name);
        scope.put("scopes", scopes);
        errors.forEach((f, s) -> scope.put(f + "Error", String.join(" ", s)));
        request.query("done").ifPresent(d -> scope.put("done", d));
        return site.pages.render(status, "roles", scope);
    }

    private Response userPage(
            Request request, int status, User u, Optional<CreatedApiKey> made, Map<String, List<String>> errors) {
        Map<String, Object> scope = site.scope(request, "User " + u.username(), USERS);
        String base = site.prefix + USERS + "/" + u.id() + "/";
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("username", u.username());
        shown.put("email", u.email());
        shown.put("active", u.active());
        shown.put("staff", u.staff());
        shown.put("superuser", u.superuser());
        shown.put("url", base);
        shown.put("lastLogin", u.lastLogin().map(Registered::show).orElse("never"));
        shown.put("historyUrl", site.prefix + USERS + "/" + u.id() + "/history/");
        scope.put("account", shown);
        scope.put(
                "roles",
                accounts.roles().all().stream()
                        .map(r -> Map.of(
                                "name",
                                r.name(),
                                "held",
                                u.roles().contains(r.name()),
                                "id",
                                "role-" + r.name().replaceAll("[^A-Za-z0-9_-]", "_")))
                        .toList());
        java.time.Instant now = accounts.clock().instant();
        scope.put(
                "keys",
                keys.list(u.id()).stream()
                        .map(k -> Map.of(
                                "keyId",
                                k.keyId(),
                                "name",
                                k.name().isEmpty() ? "—" : k.name(),
                                "role",
                                k.role().orElse("—"),
                                "created",
                                Registered.show(k.createdAt()),
                                "expires",
                                k.expiresAt().map(Registered::show).orElse("never"),
                                "status",
                                k.revoked() ? "revoked" : k.expired(now) ? "expired" : "active",
                                "usable",
                                k.usable(now),
                                "revokeUrl",
                                base + "keys/" + k.keyId() + "/revoke/"))
                        .toList());
        made.ifPresent(m -> scope.put(
                "created", Map.of("credential", m.credential(), "keyId", m.key().keyId())));
        errors.forEach((f, s) -> scope.put(f + "Error", String.join(" ", s)));
        request.query("done").ifPresent(d -> scope.put("done", d));
        return site.pages.render(status, "user", scope);
    }

    Response history(Request request) {
        User u = user(request);
        Map<String, Object> scope = site.scope(request, "History: " + u.username(), USERS);
        scope.put("model", Map.of("name", "user", "plural", "Users", "url", site.prefix + USERS + "/"));
        scope.put("object", Map.of("label", u.username(), "url", site.prefix + USERS + "/" + u.id() + "/"));
        scope.put(
                "entries",
                site.log.history(USERS, String.valueOf(u.id())).stream()
                        .map(e -> Map.of(
                                "time",
                                e.time().toString(),
                                "shown",
                                Registered.show(e.time()),
                                "user",
                                e.username(),
                                "action",
                                e.action(),
                                "message",
                                e.message()))
                        .toList());
        return site.pages.render(200, "history", scope);
    }

    /** Runs {@code change} on {@code u} and logs it, in one transaction; answers what the change answers. */
    private <R> R log(
            Request request,
            User u,
            java.util.function.Supplier<R> change,
            java.util.function.Function<R, String> message) {
        return site.log.recordWith(
                ObjectViews.user(request), USERS, String.valueOf(u.id()), u.username(), change, message);
    }

    private User user(Request request) {
        return accounts.users().find(request.pathParam("id", Long.class)).orElseThrow(NotFound::new);
    }

    private static Optional<java.time.Instant> expiry(String date) {
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

    private static String yes(boolean b) {
        return b ? "Yes" : "No";
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
